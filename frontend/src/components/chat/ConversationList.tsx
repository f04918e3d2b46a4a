import { useState } from 'react';
import { useChat } from '../../context/chat/ChatContext.tsx';
import { Icon } from '../common/Icon.tsx';
import { ConversationRow, type RowItem } from './ConversationRow.tsx';
import { useConversationSearch } from './useConversationSearch.ts';

/**
 * The person's conversations: search (titles, messages and answers, on the server), open, rename and delete.
 * On a narrow screen the panel is folded away behind a toggle; `onChosen` folds it again once one is opened.
 */
export function ConversationList({ open, onChosen }: { open: boolean; onChosen: () => void }) {
  const { conversations, sessionId, selectSession, newConversation, conversationsError } = useChat();
  const { renameConversation, deleteConversation } = useChat();
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState(0);
  const search = useConversationSearch(query, version);
  const searching = query.trim() !== '';
  const saved = new Set(conversations.filter((c) => c.lastActivity !== null).map((c) => c.sessionId));

  const items: RowItem[] = searching
    ? (search.results ?? []).map((s) => ({
        sessionId: s.session_id,
        title: s.title,
        turns: s.turns,
        lastActivity: s.last_activity_at,
        match: s.match,
        pending: s.pending_actions,
      }))
    : conversations;
  const choose = (id: string) => {
    selectSession(id);
    onChosen();
  };

  return (
    <aside
      id="conversation-panel"
      className={`convos${open ? ' is-open' : ''}`}
      aria-label="Conversations"
      data-testid="conversation-panel"
    >
      <div className="convos__head">
        <h2 className="section-title">Conversations</h2>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={() => {
            newConversation();
            onChosen();
          }}
        >
          <Icon name="plus" size={16} /> New
        </button>
      </div>
      <div className="convos__search">
        <Icon name="search" size={14} />
        <input
          type="search"
          className="convos__search-input"
          placeholder="Search conversations"
          aria-label="Search conversations"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
        />
      </div>
      {conversationsError && !searching && (
        <p className="convos__error" role="status">
          History unavailable: {conversationsError}
        </p>
      )}
      {searching && search.error && (
        <p className="convos__error" role="status">
          Search failed: {search.error}
        </p>
      )}
      {searching && !search.searching && search.results?.length === 0 && (
        <p className="muted small convos__empty" role="status" data-testid="search-empty">
          No conversation mentions “{query.trim()}”.
        </p>
      )}
      <ul className="convos__list" data-testid="conversation-list" aria-busy={search.searching || undefined}>
        {items.map((c) => (
          <ConversationRow
            key={c.sessionId}
            item={c}
            active={c.sessionId === sessionId}
            saved={searching || saved.has(c.sessionId)}
            onOpen={() => choose(c.sessionId)}
            onRename={async (title) => {
              await renameConversation(c.sessionId, title);
              setVersion((v) => v + 1);
            }}
            onDelete={async () => {
              await deleteConversation(c.sessionId);
              setVersion((v) => v + 1);
            }}
          />
        ))}
      </ul>
    </aside>
  );
}
