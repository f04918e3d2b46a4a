import { describeAction } from '../chat/action-args.ts';
import type { ChatEvents } from '../chat/chat-events.ts';
import { commandLine } from '../planner/answers.ts';
import type { ActivityFeed } from './activity-feed.ts';

/** Announces what the chat does on the live activity feed (the Hub's stream). */
export function announceChatEvents(events: ChatEvents, feed: ActivityFeed): void {
  events.subscribe((e) => {
    switch (e.type) {
      case 'turn.answered':
        if (e.phase === 'planned' && e.action === 'respond' && e.response.status === 'completed') {
          feed.publish('turn', `Answered: ${e.message.slice(0, 80)}`, e.response.session_id);
        }
        return;
      case 'action.proposed':
        if (!e.bypass) feed.publish('turn', `Awaiting approval: ${describeAction(e.action)}`, e.action.session_id);
        return;
      case 'action.decided':
        feed.publish(
          e.decision === 'approved' ? 'approval' : 'denial',
          `${e.decision === 'approved' ? 'Approved' : 'Denied'}: ${describeAction(e.action)}`,
          e.action.session_id,
        );
        return;
      case 'action.executed': {
        const r = e.result;
        feed.publish(
          r.kind === 'execute_tool' ? 'tool_run' : 'memory_query',
          r.kind === 'execute_tool'
            ? `Ran ${commandLine(r.tool_name, r.args)} (exit ${r.exit_code})`
            : `Searched memory for "${r.query}" (${r.results.length} results)`,
          e.action.session_id,
        );
        return;
      }
      case 'action.failed':
      case 'action.interrupted':
        feed.publish(
          e.action.kind === 'execute_tool' ? 'tool_run' : 'memory_query',
          e.type === 'action.failed' ? `Failed: ${e.error}` : `Interrupted: ${e.reason}`,
          e.action.session_id,
        );
        return;
      case 'action.unrunnable':
        feed.publish(
          'tool_run',
          `Refused before asking: ${commandLine(e.tool_name, e.args)} (${e.reason})`,
          e.session_id,
        );
        return;
    }
  });
}
