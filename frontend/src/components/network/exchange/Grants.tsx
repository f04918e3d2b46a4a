import type { FleetNode, Grant, Offer } from '@pagi/contracts';
import { type FormEvent, useId, useState } from 'react';
import { errorText } from '../../../services/http.ts';
import { StateMessage } from '../../common/StateMessage.tsx';
import { shortPeer, who } from '../consensus/labels.ts';
import { When } from './When.tsx';

interface Props {
  grants: Grant[];
  offers: Offer[];
  peers: FleetNode[];
  onGrant: (peer: string, topic: string) => Promise<void>;
  onRevoke: (peer: string, topic: string, memories: boolean) => Promise<void>;
}

/** Standing grants: topics shared with a peer without asking each time, until revoked. */
export function Grants({ grants, offers, peers, onGrant, onRevoke }: Props) {
  const [peer, setPeer] = useState('');
  const [topic, setTopic] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onGrant(peer, topic);
    } catch (err) {
      setError(`Not granted: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const active = grants.filter((g) => g.revoked_at_ms === null);
  const ended = grants.filter((g) => g.revoked_at_ms !== null);
  return (
    <div className="exchange-grants">
      <form className="exchange-form__row" aria-label="Grant a topic to a peer" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-topic`}>Offered topic</label>
          <select id={`${id}-topic`} value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">Choose a topic…</option>
            {offers.map((o) => (
              <option key={o.topic} value={o.topic}>
                {o.topic}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-peer`}>Peer</label>
          <select id={`${id}-peer`} value={peer} onChange={(e) => setPeer(e.target.value)}>
            <option value="">Choose a peer…</option>
            {peers.map((p) => (
              <option key={p.peer_id} value={p.peer_id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="exchange-form__submit">
          <button type="submit" className="btn btn--primary" disabled={busy || !peer || !topic}>
            {busy ? 'Granting…' : 'Always share'}
          </button>
        </div>
      </form>
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
      {active.length === 0 ? (
        <StateMessage
          kind="empty"
          compact
          title="No standing grant"
          detail="Every share request waits for your approval."
        />
      ) : (
        <ul className="exchange-list" aria-label="Standing grants">
          {active.map((g) => (
            <GrantItem key={`${g.peer}/${g.topic}`} grant={g} onRevoke={onRevoke} />
          ))}
        </ul>
      )}
      {ended.length > 0 && (
        <details className="exchange-ended">
          <summary className="muted small">{ended.length} revoked</summary>
          <ul className="exchange-list">
            {ended.map((g) => (
              <li key={`${g.peer}/${g.topic}`} className="exchange-item is-void small">
                {g.topic} with {who(g.peer_name, g.peer)}, revoked <When ms={g.revoked_at_ms ?? 0} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function GrantItem({ grant: g, onRevoke }: { grant: Grant; onRevoke: Props['onRevoke'] }) {
  const [takeBack, setTakeBack] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const boxId = useId();
  const name = who(g.peer_name, g.peer);

  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      await onRevoke(g.peer, g.topic, takeBack);
    } catch (err) {
      setError(`Not revoked: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="exchange-item" data-testid={`grant-${g.topic}`}>
      <div className="row">
        <strong>{g.topic}</strong> <span className="muted">always shared with</span> {name}
        <span className="mono small muted" title={g.peer}>
          {shortPeer(g.peer)}
        </span>
      </div>
      <p className="muted small">
        since <When ms={g.created_at_ms} />
      </p>
      <div className="row">
        <input id={boxId} type="checkbox" checked={takeBack} onChange={(e) => setTakeBack(e.target.checked)} />
        <label htmlFor={boxId} className="small">
          Also take back what was shared
        </label>
        <button
          type="button"
          className="btn btn--danger btn--sm"
          aria-label={`Revoke the grant of ${g.topic} to ${name}`}
          disabled={busy}
          onClick={() => void revoke()}
        >
          {busy ? 'Revoking…' : 'Revoke'}
        </button>
      </div>
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
