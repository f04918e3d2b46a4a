import { useEffect, useRef } from 'react';
import { useToast } from '../../context/toast/ToastContext.tsx';
import { useAgentRunsContext } from './AgentRunsContext.tsx';

/**
 * Tells the person, on any view but Agents, when an agent starts waiting for their approval (a scheduled run, a
 * sub-agent): a toast naming the agent. Actions already waiting when the app opened are counted on the badge only.
 */
export function AgentApprovalNotice({ active }: { active: boolean }) {
  const { runs, loaded } = useAgentRunsContext();
  const { notify } = useToast();
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!loaded) return;
    const first = seen.current === null;
    const known = seen.current ?? new Set<string>();
    seen.current = known;
    for (const run of runs) {
      const fresh = run.pending_action_ids.filter((id) => !known.has(id));
      for (const id of fresh) known.add(id);
      if (!first && !active && fresh.length > 0) notify(`Agent ${run.template} waits for your approval`, 'info');
    }
  }, [runs, loaded, active, notify]);
  return null;
}
