import { type FormEvent, useState } from 'react';
import { formatRelative } from '../../lib/format.ts';
import { errorText } from '../../services/http.ts';
import { Icon } from '../common/Icon.tsx';

export interface RowItem {
  sessionId: string;
  title: string;
  turns: number;
  lastActivity: string | null;
  match?: string;
  /** Actions waiting for a decision in it. */
  pending?: number;
}

/**
 * One conversation in the list: opens it, and renames it (in place; Enter saves, Escape cancels) or deletes it
 * (after a confirmation in place). Only conversations the server has can be renamed or deleted.
 */
export function ConversationRow(props: {
  item: RowItem;
  active: boolean;
  saved: boolean;
  onOpen: () => void;
  onRename: (title: string) => Promise<void>;
  onDelete: () => Promise<void>;
}) {
  const { item, active, saved, onOpen, onRename, onDelete } = props;
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view');
  const [title, setTitle] = useState(item.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setMode('view');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    void run(() => onRename(title.trim()));
  };

  return (
    <li className={`convo-row${active ? ' is-active' : ''}`} data-testid="conversation" data-session={item.sessionId}>
      {mode === 'rename' ? (
        <form className="convo-rename" onSubmit={save}>
          <label className="sr-only" htmlFor={`rename-${item.sessionId}`}>
            New name for the conversation
          </label>
          <input
            id={`rename-${item.sessionId}`}
            type="text"
            className="convo-rename__input"
            value={title}
            maxLength={120}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to rename this conversation
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setMode('view')}
          />
          <button type="submit" className="btn btn--primary btn--sm" disabled={busy || !title.trim()}>
            Save
          </button>
        </form>
      ) : (
        <button
          type="button"
          className={`convo${active ? ' is-active' : ''}`}
          aria-current={active ? 'true' : undefined}
          onClick={onOpen}
        >
          <span className="convo__title">{item.title}</span>
          {item.match && <span className="convo__match">{item.match}</span>}
          <span className="convo__meta">
            {item.turns} {item.turns === 1 ? 'turn' : 'turns'} · {formatRelative(item.lastActivity)}
          </span>
          {!active && (item.pending ?? 0) > 0 && (
            <span className="convo__waiting" data-testid="conversation-waiting">
              {item.pending} waiting for approval
            </span>
          )}
        </button>
      )}
      {saved && mode === 'view' && (
        <span className="convo__actions">
          <button
            type="button"
            className="convo__action"
            aria-label={`Rename ${item.title}`}
            title="Rename"
            onClick={() => {
              setTitle(item.title);
              setMode('rename');
            }}
          >
            <Icon name="edit" size={14} />
          </button>
          <button
            type="button"
            className="convo__action"
            aria-label={`Delete ${item.title}`}
            title="Delete"
            onClick={() => setMode('confirm')}
          >
            <Icon name="trash" size={14} />
          </button>
        </span>
      )}
      {mode === 'confirm' && (
        <fieldset className="convo-confirm">
          <legend className="small">Delete this conversation and its history?</legend>
          <button type="button" className="btn btn--danger btn--sm" disabled={busy} onClick={() => run(onDelete)}>
            Delete
          </button>
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => setMode('view')}>
            Cancel
          </button>
        </fieldset>
      )}
      {error && (
        <p className="convo__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
