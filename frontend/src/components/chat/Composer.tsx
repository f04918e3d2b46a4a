import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useChat } from '../../context/chat/ChatContext.tsx';
import { Icon } from '../common/Icon.tsx';

const MAX_LEN = 8000;

export function Composer() {
  const { send, connection, answering, stop, composerRef } = useChat();
  const [text, setText] = useState('');
  const offline = connection !== 'open';

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (offline || !text.trim()) return;
    if (send(text)) setText('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor="chat-input" className="sr-only">
        Message your twin
      </label>
      <textarea
        ref={composerRef}
        id="chat-input"
        className="composer__input"
        rows={2}
        maxLength={MAX_LEN}
        placeholder={
          offline ? 'Waiting for the connection…' : 'Message your twin — Enter to send, Shift+Enter for a new line'
        }
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
      />
      {answering && (
        <button type="button" className="btn" onClick={stop} disabled={offline} data-testid="stop">
          <Icon name="stop" size={16} /> Stop
        </button>
      )}
      <button type="submit" className="btn btn--primary" disabled={offline || !text.trim()}>
        <Icon name="send" size={16} /> Send
      </button>
    </form>
  );
}
