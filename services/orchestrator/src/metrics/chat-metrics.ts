import { counter, histogram, LATENCY_BUCKETS } from '@pagi/kit';

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
