import type { ActionResult, Domain, PendingAction, SessionTurn } from '@pagi/contracts';
import { asDomain } from '../../lib/domains.ts';
import { type ActionEntry, type ChatEntry, type ChatState, newTurn, phaseOf } from './chatModel.ts';

/** A finished turn records its result, not always the request: rebuild the card's arguments from the result. */
function actionFromResult(t: SessionTurn, result: ActionResult): PendingAction {
  const args =
    result.kind === 'execute_tool'
      ? { tool_name: result.tool_name, args: result.args, reason: '' }
      : {
          query: result.query,
          domains: Object.keys(result.domain_attribution).filter((d): d is Domain => asDomain(d) !== null),
          top_k: result.results.length,
          namespace: '',
        };
  return {
    action_id: `${t.job_id}:result`,
    job_id: t.job_id,
    session_id: t.session_id,
    twin_id: t.twin_id,
    kind: result.kind,
    args,
    args_hash: '',
    status: 'executed',
    created_at: t.created_at,
    expires_at: t.updated_at,
    decided_at: t.updated_at,
  };
}

/**
 * Rebuilds a conversation from the orchestrator's record, keeping local turns the record does not have yet. A
 * decided turn reads as it did live: the approval request (`intro`), its card, then the answer after the decision.
 */
export function applyHistory(state: ChatState, sessionId: string, turns: SessionTurn[]): ChatState {
  const recorded = new Set(turns.map((t) => t.job_id));
  const rebuilt: ChatEntry[] = [];
  for (const t of turns) {
    const at = Date.parse(t.created_at) || 0;
    rebuilt.push({ kind: 'user', id: `u-h-${t.job_id}`, sessionId, text: t.message, at });
    const r = t.response;
    const actions: ActionEntry[] = r.issued_command
      ? [{ action: r.issued_command, phase: phaseOf(r.issued_command), result: r.action_result }]
      : r.action_result
        ? [{ action: actionFromResult(t, r.action_result), phase: 'executed', result: r.action_result }]
        : [];
    const after = r.intro !== undefined || (actions.length > 0 && !!r.action_result);
    rebuilt.push({
      ...newTurn(sessionId, t.job_id, `job-${t.job_id}`),
      text: after ? (r.intro ?? '') : r.response,
      followUp: after ? r.response : '',
      afterAction: after,
      at: Date.parse(t.updated_at) || undefined,
      streaming: false,
      status: r.status,
      actionsTaken: r.actions_taken,
      provider: r.planner.provider,
      fallback: r.planner.fallback,
      actions,
      // Stopped before it was planned: the same note the live view showed (the gateway's word for it).
      ...(r.status === 'stopped' ? { error: 'Stopped.' } : {}),
    });
  }
  // Local turns still unknown to the record (just sent, or finished after it was read) stay, with their question.
  const local = state.bySession[sessionId] ?? [];
  const kept: ChatEntry[] = [];
  for (let i = 0; i < local.length; i++) {
    const e = local[i]!;
    if (e.kind !== 'assistant' || (e.jobId && recorded.has(e.jobId))) continue;
    const prev = local[i - 1];
    if (prev?.kind === 'user') kept.push(prev);
    kept.push(e);
  }
  return { ...state, bySession: { ...state.bySession, [sessionId]: [...rebuilt, ...kept] } };
}
