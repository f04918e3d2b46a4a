import type { ChatRequest, PendingAction } from '@pagi/contracts';
import type { PendingActionStore } from '../hitl/pending-actions.ts';
import type { Plan } from '../planner/planner.ts';

/** A message that is only a yes or a no (in a few common forms), the way people answer a question in a chat. */
const DECISION_WORDS =
  /^(?:approve[ds]?|approval|yes|yep|yeah|y|ok(?:ay)?|sure|go(?: ahead)?|do it|run it|confirm(?:ed)?|allow|deny|denied|no|nope|n|don'?t|do not|cancel|reject(?:ed)?|stop)$/i;

function isDecisionWord(message: string): boolean {
  return DECISION_WORDS.test(
    message
      .trim()
      .replace(/[.!?\s]+$/, '')
      .trim(),
  );
}

/**
 * The reply to a yes or no typed while a card waits: the card is the only way to decide (a chat message approves
 * nothing), so the person is pointed to it instead of having the word planned as a new request.
 */
function pointToCard(pending: PendingAction[]): string {
  const n = pending.length;
  const which = n === 1 ? 'the request waiting above' : `the ${n} requests waiting above`;
  return (
    `To decide on ${which}, use **Approve** or **Deny** on ${n === 1 ? 'its card' : 'their cards'}. ` +
    'A message in the chat never approves or runs anything.'
  );
}

/**
 * The plan for a yes or no typed while a card of the session waits: a reply pointing to the card, decided by this
 * fixed rule (so reported as the rule-based planner's) instead of by the planner.
 */
export function pointToWaitingCard(actions: PendingActionStore, req: ChatRequest): Plan | undefined {
  if (!isDecisionWord(req.message)) return undefined;
  const waiting = actions.listForSession(req.session_id).filter((a) => a.status === 'pending');
  if (waiting.length === 0) return undefined;
  const action = { action: 'respond' as const, message: pointToCard(waiting) };
  return { action, raw: JSON.stringify(action), info: { provider: 'mock', fallback: false } };
}
