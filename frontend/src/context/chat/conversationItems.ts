import type { SessionSummary } from '@pagi/contracts';
import type { ChatEntry } from './chatModel.ts';

export interface ConversationItem {
  sessionId: string;
  title: string;
  turns: number;
  lastActivity: string | null;
  /** Actions waiting for a decision in it, as the server last said (the open conversation's own cards are live). */
  pending: number;
}

function titleOf(entries: ChatEntry[] | undefined): string | null {
  const first = entries?.find((e) => e.kind === 'user');
  return first ? first.text.slice(0, 60) : null;
}

/**
 * The conversation list: those the server knows (with their titles), those begun here that it does not list yet,
 * and the one shown; most recent first, the ones without activity on the server at the top.
 */
export function conversationItems(
  known: SessionSummary[],
  bySession: Record<string, ChatEntry[]>,
  current: string,
): ConversationItem[] {
  const items = new Map<string, ConversationItem>();
  for (const s of known) {
    items.set(s.session_id, {
      sessionId: s.session_id,
      title: s.title || titleOf(bySession[s.session_id]) || 'Conversation',
      turns: s.turns,
      lastActivity: s.last_activity_at,
      pending: s.pending_actions,
    });
  }
  for (const [sid, entries] of Object.entries(bySession)) {
    if (items.has(sid) || entries.length === 0) continue;
    items.set(sid, {
      sessionId: sid,
      title: titleOf(entries) ?? 'Conversation',
      turns: entries.filter((e) => e.kind === 'user').length,
      lastActivity: null,
      pending: 0,
    });
  }
  if (!items.has(current))
    items.set(current, { sessionId: current, title: 'New conversation', turns: 0, lastActivity: null, pending: 0 });
  return [...items.values()].sort((a, b) => (b.lastActivity ?? '9').localeCompare(a.lastActivity ?? '9'));
}
