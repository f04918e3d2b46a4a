// @pagi/orchestrator's public API: the whole orchestrator in-process (the chat benchmark and tests start it so).
export { type OrchestratorOptions, type RunningOrchestrator, startOrchestrator } from './orchestrator.ts';
