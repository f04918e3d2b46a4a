import type { ChatEvents } from '../chat/chat-events.ts';
import type { AuditLog } from './audit.ts';

/** Writes every turn plan, proposal, refusal, decision and outcome of the chat to the audit log. */
export function auditChatEvents(events: ChatEvents, audit: AuditLog): void {
  events.subscribe((e) => {
    switch (e.type) {
      case 'turn.planned':
        audit.record({
          actor: `session:${e.session_id}`,
          event: 'turn.planned',
          job_id: e.job_id,
          session_id: e.session_id,
          detail: { twin_id: e.twin_id, action: e.action, planner: e.planner },
        });
        return;
      case 'action.proposed': {
        const a = e.action;
        audit.record({
          actor: e.bypass ? 'bypass' : 'planner',
          event: e.bypass ? 'action.bypassed' : 'action.proposed',
          action_id: a.action_id,
          job_id: a.job_id,
          session_id: a.session_id,
          detail: {
            kind: a.kind,
            args: a.args,
            args_hash: a.args_hash,
            ...(e.bypass ? {} : { expires_at: a.expires_at }),
          },
        });
        return;
      }
      case 'action.refused':
        audit.record({
          actor: `user:${e.by}`,
          event: 'action.refused',
          action_id: e.action_id,
          session_id: e.session_id,
          detail: { attempted: e.attempted, code: e.code, message: e.message },
        });
        return;
      case 'action.decided':
        audit.record({
          actor: `user:${e.by}`,
          event: e.decision === 'approved' ? 'action.approved' : 'action.denied',
          action_id: e.action.action_id,
          job_id: e.action.job_id,
          session_id: e.action.session_id,
          detail: { kind: e.action.kind, args_hash: e.action.args_hash },
        });
        return;
      case 'action.executed': {
        const r = e.result;
        audit.record({
          actor: 'orchestrator',
          event: 'action.executed',
          action_id: e.action.action_id,
          job_id: e.action.job_id,
          session_id: e.action.session_id,
          detail:
            r.kind === 'execute_tool'
              ? { exit_code: r.exit_code, timed_out: r.timed_out, sandbox: r.sandbox }
              : { results: r.results.length, ids: r.results.map((h) => h.id) },
        });
        return;
      }
      case 'action.failed':
      case 'action.interrupted':
        audit.record({
          actor: 'orchestrator',
          event: e.type,
          action_id: e.action.action_id,
          job_id: e.action.job_id,
          session_id: e.action.session_id,
          detail: { error: e.type === 'action.failed' ? e.error : e.reason },
        });
        return;
      case 'action.unrunnable':
        audit.record({
          actor: 'planner',
          event: 'action.unrunnable',
          job_id: e.job_id,
          session_id: e.session_id,
          detail: { tool_name: e.tool_name, args: e.args, reason: e.reason },
        });
        return;
    }
  });
}
