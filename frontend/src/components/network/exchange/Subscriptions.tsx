import type { FleetNode, Subscription } from '@pagi/contracts';
import { useId, useState } from 'react';
import { peerOffers } from '../../../services/exchangeApi.ts';
import { errorText } from '../../../services/http.ts';
import { DomainBadge } from '../../common/DomainBadge.tsx';
import { StateMessage } from '../../common/StateMessage.tsx';
import { who } from '../consensus/labels.ts';
import { When } from './When.tsx';

type PeerOffer = { topic: string; domain: string; description: string };

const STATUS_PILL: Record<Subscription['status'], string> = {
  shared: 'pill--ok',
  waiting: 'pill--warn',
  refused: 'pill--error',
  failed: 'pill--error',
};

interface Props {
  subscriptions: Subscription[];
  /** The other nodes of the fleet. */
  peers: FleetNode[];
  onSubscribe: (peer: string, topic: string) => Promise<void>;
  onUnsubscribe: (peer: string, topic: string) => Promise<void>;
}

/** Topics this twin follows on its peers: ask a peer what it offers, subscribe, and see how each one stands. */
export function Subscriptions({ subscriptions, peers, onSubscribe, onUnsubscribe }: Props) {
  const [peer, setPeer] = useState('');
  const [offers, setOffers] = useState<{ peer: string; offers: PeerOffer[] } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const peerId = useId();
  const chosen = peers.find((p) => p.peer_id === peer) ?? null;

  const act = async (key: string, what: string, fn: () => Promise<void>) => {
    setBusy(key);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(`${what}: ${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  };
  const load = () => act('load', 'The peer did not say what it offers', async () => setOffers(await peerOffers(peer)));

  return (
    <div className="exchange-subscriptions">
      <div className="exchange-form__row">
        <div className="field">
          <label htmlFor={peerId}>Peer</label>
          <select
            id={peerId}
            value={peer}
            onChange={(e) => {
              setPeer(e.target.value);
              setOffers(null);
            }}
          >
            <option value="">Choose a peer…</option>
            {peers.map((p) => (
              <option key={p.peer_id} value={p.peer_id}>
                {p.name} ({p.status})
              </option>
            ))}
          </select>
        </div>
        <div className="exchange-form__submit">
          <button
            type="button"
            className="btn btn--ghost"
            disabled={!peer || busy !== null}
            onClick={() => void load()}
          >
            {busy === 'load' ? 'Asking…' : 'Load its offers'}
          </button>
        </div>
      </div>
      {offers && offers.peer === peer && (
        <ul className="exchange-list" aria-label={`Topics ${chosen?.name ?? 'the peer'} offers`}>
          {offers.offers.length === 0 && <li className="muted small">This peer offers no topic.</li>}
          {offers.offers.map((o) => (
            <li key={o.topic} className="exchange-item exchange-item--inline" data-testid={`peer-offer-${o.topic}`}>
              <strong>{o.topic}</strong> <DomainBadge domain={o.domain} />
              <span className="muted small">{o.description}</span>
              <button
                type="button"
                className="btn btn--primary btn--sm"
                aria-label={`Subscribe to ${o.topic} from ${chosen?.name ?? 'the peer'}`}
                disabled={busy !== null}
                onClick={() => void act(`sub:${o.topic}`, 'Not subscribed', () => onSubscribe(peer, o.topic))}
              >
                {busy === `sub:${o.topic}` ? 'Asking…' : 'Subscribe'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
      {subscriptions.length === 0 ? (
        <StateMessage kind="empty" compact title="No subscription" detail="Choose a peer to see what it offers." />
      ) : (
        <ul className="exchange-list" aria-label="Subscriptions">
          {subscriptions.map((s) => {
            const name = who(s.peer_name, s.peer);
            return (
              <li
                key={`${s.peer}/${s.topic}`}
                className="exchange-item"
                data-testid={`subscription-${s.topic}`}
                data-status={s.status}
              >
                <div className="row">
                  <strong>{s.topic}</strong> <span className="muted">from</span> {name}
                  <span className={`pill ${STATUS_PILL[s.status]}`}>{s.status}</span>
                </div>
                <p className="muted small">
                  {s.reason ? `${s.reason} · ` : ''}updated <When ms={s.updated_at_ms} />
                </p>
                <div className="row">
                  <button
                    type="button"
                    className="btn btn--ghost btn--sm"
                    aria-label={`Unsubscribe from ${s.topic} of ${name}`}
                    disabled={busy !== null}
                    onClick={() =>
                      void act(`unsub:${s.peer}/${s.topic}`, 'Not removed', () => onUnsubscribe(s.peer, s.topic))
                    }
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
