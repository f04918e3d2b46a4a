import { counter, histogram, LATENCY_BUCKETS } from '@pagi/runtime';
import type { ChatEvents } from '../chat/chat-events.ts';

/** Prometheus metrics of the orchestrator's decisions (served on /metrics). */
export function chatMetrics() {
  return {
    turns: counter('orchestrator_chat_turns_total', 'Chat turns by outcome and planner', ['status', 'provider']),
    turnSeconds: histogram('orchestrator_chat_turn_seconds', 'Time to answer a chat turn', ['action'], LATENCY_BUCKETS),
    decisions: counter('orchestrator_hitl_decisions_total', 'Approvals and denials of pending actions', ['decision']),
    refusals: counter('orchestrator_hitl_refusals_total', 'Refused approval attempts by reason', ['code']),
    toolRuns: counter('orchestrator_tool_runs_total', 'Executed tool runs by outcome', ['outcome']),
    memoryQueries: counter('orchestrator_memory_queries_total', 'Memory queries by outcome', ['outcome']),
    plannerFallbacks: counter('orchestrator_planner_fallbacks_total', 'LLM failures answered by the mock planner'),
  };
}
export type ChatMetrics = ReturnType<typeof chatMetrics>;

/** Counts what the chat does. */
export function countChatEvents(events: ChatEvents, m: ChatMetrics): void {
  events.subscribe((e) => {
    switch (e.type) {
      case 'turn.planned':
        if (e.planner.fallback) m.plannerFallbacks.inc();
        return;
      case 'turn.answered':
        if (e.phase === 'planned') {
          m.turns.inc({ status: e.response.status, provider: e.response.planner.provider });
          if (e.seconds !== undefined) m.turnSeconds.observe({ action: e.action }, e.seconds);
        } else if (e.response.status === 'completed' && e.response.planner.fallback) {
          m.plannerFallbacks.inc();
        }
        return;
      case 'action.refused':
        m.refusals.inc({ code: e.code });
        return;
      case 'action.decided':
        m.decisions.inc({ decision: e.decision });
        return;
      case 'action.executed':
        if (e.result.kind === 'execute_tool') {
          m.toolRuns.inc({ outcome: e.result.exit_code === 0 && !e.result.timed_out ? 'ok' : 'nonzero' });
        } else {
          m.memoryQueries.inc({ outcome: 'ok' });
        }
        return;
      case 'action.failed':
      case 'action.interrupted':
        (e.action.kind === 'execute_tool' ? m.toolRuns : m.memoryQueries).inc({
          outcome: e.type === 'action.failed' ? 'error' : 'interrupted',
        });
        return;
    }
  });
}
