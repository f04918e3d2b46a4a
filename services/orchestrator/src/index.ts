// @pagi/orchestrator's public API: the whole orchestrator in-process (the chat benchmark and tests start it so).

export { ORCHESTRATOR_ROUTE_ACCESS, orchestratorAccess } from './auth/route-access.ts';
export { type OrchestratorOptions, type RunningOrchestrator, startOrchestrator } from './orchestrator.ts';
