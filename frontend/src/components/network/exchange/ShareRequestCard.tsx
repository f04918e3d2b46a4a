import type { ShareRequest } from '@pagi/contracts';
import { useState } from 'react';
import { errorText } from '../../../services/http.ts';
import { Icon } from '../../common/Icon.tsx';
import { shortPeer } from '../consensus/labels.ts';
import { MemoryList } from './MemoryList.tsx';
import { When } from './When.tsx';

type Choice = 'approve' | 'grant' | 'deny';

interface Props {
  request: ShareRequest;
  onApprove: (id: string, grant: boolean) => Promise<void>;
  onDeny: (id: string) => Promise<void>;
}

/** A peer asks for a topic: exactly which memories (after redaction) would go to which peer, and the owner decides. */
export function ShareRequestCard({ request: r, onApprove, onDeny }: Props) {
  const [busy, setBusy] = useState<Choice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const short = r.id.slice(0, 8);
  const headingId = `share-${short}`;
  const peer = r.peer_name ?? 'An unnamed peer';

  const decide = async (choice: Choice) => {
    setBusy(choice);
    setError(null);
    try {
      if (choice === 'deny') await onDeny(r.id);
      else await onApprove(r.id, choice === 'grant');
    } catch (err) {
      setError(`${choice === 'deny' ? 'Not denied' : 'Nothing was sent'}: ${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const n = r.memories.length;
  return (
    <section
      className={`approval share-card${r.status === 'failed' ? ' approval--failed' : ''}`}
      aria-labelledby={headingId}
      data-testid={`share-request-${short}`}
      data-status={r.status}
    >
      <header className="approval__head">
        <span className="approval__icon" aria-hidden="true">
          <Icon name="shield" size={16} />
        </span>
        <h3 id={headingId} className="approval__title">
          Share <code>{r.topic}</code> with {peer}
        </h3>
        <span className="approval__phase">
          <When ms={r.created_at_ms} />
        </span>
      </header>
      <dl className="approval__args">
        <dt>Peer</dt>
        <dd data-testid="share-peer">
          {r.peer_name && <strong>{r.peer_name}</strong>}{' '}
          <span className="mono small" title={r.peer}>
            {shortPeer(r.peer)}
          </span>
        </dd>
        <dt>Topic</dt>
        <dd>
          <code>{r.topic}</code>
        </dd>
        <dt>Sends</dt>
        <dd>{n === 1 ? '1 memory' : `${n} memories`}, exactly as listed below (after redaction)</dd>
      </dl>
      <MemoryList memories={r.memories} label={`Memories that would be sent to ${peer}`} />
      {r.status === 'failed' && (
        <p className="approval__error" data-testid="share-failed">
          The last attempt failed: {r.reason}
        </p>
      )}
      <div className="approval__buttons share-card__buttons">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="share-approve"
          disabled={busy !== null}
          onClick={() => void decide('approve')}
        >
          <Icon name="check" size={16} /> {busy === 'approve' ? 'Sending…' : 'Approve'}
        </button>
        <button
          type="button"
          className="btn btn--ghost"
          data-testid="share-approve-grant"
          disabled={busy !== null}
          onClick={() => void decide('grant')}
        >
          <Icon name="key" size={16} />{' '}
          {busy === 'grant' ? 'Sending…' : 'Approve and always share this topic with this peer'}
        </button>
        <button
          type="button"
          className="btn btn--danger"
          data-testid="share-deny"
          disabled={busy !== null}
          onClick={() => void decide('deny')}
        >
          <Icon name="x" size={16} /> {busy === 'deny' ? 'Denying…' : 'Deny'}
        </button>
      </div>
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
