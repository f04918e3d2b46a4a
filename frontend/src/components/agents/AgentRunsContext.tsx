import { createContext, type ReactNode, useContext } from 'react';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { type AgentRuns, useAgentRuns } from '../../hooks/useAgentRuns.ts';

const AgentRunsContext = createContext<AgentRuns | null>(null);

/**
 * The person's agent runs for the whole app: the Agents view shows them, and the navigation counts the actions
 * they wait on, whatever view is open.
 */
export function AgentRunsProvider({ children }: { children: ReactNode }) {
  // Runs act as the chat does: a role without chat neither sees nor starts them.
  const runs = useAgentRuns(useAuth().can('chat'));
  return <AgentRunsContext.Provider value={runs}>{children}</AgentRunsContext.Provider>;
}

export function useAgentRunsContext(): AgentRuns {
  const ctx = useContext(AgentRunsContext);
  if (!ctx) throw new Error('useAgentRunsContext must be used inside AgentRunsProvider');
  return ctx;
}

/** Agent actions waiting for approval; 0 outside the provider. */
export function usePendingAgentActions(): number {
  return useContext(AgentRunsContext)?.pendingCount ?? 0;
}
