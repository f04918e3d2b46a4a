import { type KeyboardEvent, useState } from 'react';
import type { UserMessage as UserEntry } from '../../context/chat/chatModel.ts';
import { Icon } from '../common/Icon.tsx';
import { CopyButton } from './CopyButton.tsx';
import { MessageTime } from './MessageTime.tsx';

/**
 * A message the person sent, shown as typed, with its time and Copy. The last one can be edited and sent again
 * (`onResend`): the edited text goes out as a new message and the conversation goes on from its answer.
 */
export function UserMessage({ entry, onResend }: { entry: UserEntry; onResend?: (text: string) => boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const resend = () => {
    if (draft?.trim() && onResend?.(draft)) setDraft(null);
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      resend();
    } else if (e.key === 'Escape') {
      setDraft(null);
    }
  };

  if (draft !== null) {
    return (
      <article className="msg msg--user msg--editing" data-testid="user-message">
        <label className="sr-only" htmlFor={`edit-${entry.id}`}>
          Edit your message
        </label>
        <textarea
          id={`edit-${entry.id}`}
          className="msg__edit"
          value={draft}
          rows={Math.min(8, Math.max(2, draft.split('\n').length))}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this message
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
        />
        <div className="msg__edit-buttons">
          <button type="button" className="btn btn--sm" onClick={() => setDraft(null)}>
            Cancel
          </button>
          <button type="button" className="btn btn--primary btn--sm" disabled={!draft.trim()} onClick={resend}>
            Send
          </button>
        </div>
      </article>
    );
  }
  return (
    <article className="msg msg--user" data-testid="user-message">
      <p className="msg__user-text">{entry.text}</p>
      <div className="msg__tools msg__tools--user">
        <MessageTime at={entry.at} />
        <CopyButton label="Copy message" testId="copy-message" text={() => entry.text} />
        {onResend && (
          <button type="button" className="msg__tool" onClick={() => setDraft(entry.text)} data-testid="edit-message">
            <Icon name="edit" size={14} /> Edit
          </button>
        )}
      </div>
    </article>
  );
}
