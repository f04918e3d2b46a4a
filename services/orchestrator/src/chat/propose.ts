import type { ChatRequest, LLMAction, PendingAction } from '@pagi/contracts';
import { actionArgs, describeAction } from './action-args.ts';
import type { ChatEngineDeps } from './chat-engine.ts';

/** Stores a planned action as pending (or pre-approved under a HITL bypass, loudly) and announces it. */
export function proposeAction(
  d: Pick<ChatEngineDeps, 'actions' | 'config' | 'logger' | 'events'>,
  planned: Exclude<LLMAction, { action: 'respond' }>,
  req: ChatRequest,
  jobId: string,
): PendingAction {
  const kind = planned.action;
  const bypass = kind === 'execute_tool' ? d.config.BYPASS_HITL_TOOL_EXEC : d.config.BYPASS_HITL_MEMORY;
  const action = d.actions.create({
    job_id: jobId,
    session_id: req.session_id,
    twin_id: req.twin_id,
    kind,
    args: actionArgs(
      planned,
      req,
      d.config.KNOWLEDGE_NAMESPACE,
      d.config.MESH_ENABLED && d.config.MESH_CHAT_FLEET_SEARCH,
    ),
    preApproved: bypass,
  });
  if (bypass) {
    d.logger.warn(
      { action_id: action.action_id, kind, session_id: req.session_id },
      `HITL bypass: running ${describeAction(action)} without approval`,
    );
  }
  d.events.emit({ type: 'action.proposed', action, bypass });
  return action;
}
