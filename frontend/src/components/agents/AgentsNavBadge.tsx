import { usePendingAgentActions } from './AgentRunsContext.tsx';
import './agents.css';

/** On the Agents navigation item: how many agent actions wait for the person's approval. */
export function AgentsNavBadge() {
  const pending = usePendingAgentActions();
  if (pending === 0) return null;
  return (
    <span className="nav__badge" data-testid="agents-pending-badge" title={`${pending} waiting for approval`}>
      {pending}
      <span className="sr-only"> {pending === 1 ? 'action waits' : 'actions wait'} for approval</span>
    </span>
  );
}
