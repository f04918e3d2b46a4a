import type { Offer, OutboundMemory } from '@pagi/contracts';
import { useState } from 'react';
import { previewOffer } from '../../../services/exchangeApi.ts';
import { errorText } from '../../../services/http.ts';
import { DomainBadge } from '../../common/DomainBadge.tsx';
import { StateMessage } from '../../common/StateMessage.tsx';
import { MemoryList } from './MemoryList.tsx';
import { When } from './When.tsx';

interface Props {
  offers: Offer[];
  onRemove: (topic: string) => Promise<void>;
}

/** The topics this twin offers, each with what it would send right now and a way to stop offering it. */
export function OfferList({ offers, onRemove }: Props) {
  if (offers.length === 0)
    return (
      <StateMessage
        kind="empty"
        compact
        title="No topic offered"
        detail="Peers can only ask for topics offered here; nothing is shared without your approval or a grant."
      />
    );
  return (
    <ul className="exchange-list">
      {offers.map((o) => (
        <OfferItem key={o.topic} offer={o} onRemove={onRemove} />
      ))}
    </ul>
  );
}

function OfferItem({ offer: o, onRemove }: { offer: Offer; onRemove: (topic: string) => Promise<void> }) {
  const [preview, setPreview] = useState<OutboundMemory[] | null>(null);
  const [busy, setBusy] = useState<'preview' | 'remove' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (what: 'preview' | 'remove') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'remove') await onRemove(o.topic);
      else setPreview((await previewOffer(o.topic)).memories);
    } catch (err) {
      setError(`${what === 'remove' ? 'Not removed' : 'No preview'}: ${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <li className="exchange-item" data-testid={`offer-${o.topic}`}>
      <div className="row">
        <strong>{o.topic}</strong>
        <DomainBadge domain={o.domain} />
        <span className="muted small">
          since <When ms={o.created_at_ms} />
        </span>
      </div>
      {o.description && <p className="small">{o.description}</p>}
      <p className="muted small">
        {o.query ? (
          <>
            Memories found by <code>{o.query}</code>
          </>
        ) : (
          'Every memory of the domain'
        )}
      </p>
      <div className="row">
        {preview ? (
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            aria-label={`Hide what ${o.topic} would send`}
            onClick={() => setPreview(null)}
          >
            Hide preview
          </button>
        ) : (
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            aria-label={`Preview what ${o.topic} would send`}
            disabled={busy !== null}
            onClick={() => void run('preview')}
          >
            {busy === 'preview' ? 'Reading…' : 'Preview'}
          </button>
        )}
        <button
          type="button"
          className="btn btn--danger btn--sm"
          aria-label={`Stop offering ${o.topic}`}
          disabled={busy !== null}
          onClick={() => void run('remove')}
        >
          {busy === 'remove' ? 'Removing…' : 'Remove'}
        </button>
      </div>
      {preview && (
        <div className="exchange-item__preview" data-testid="offer-preview">
          <p className="muted small">What {o.topic} would send now, after redaction:</p>
          <MemoryList memories={preview} label={`What ${o.topic} would send`} />
        </div>
      )}
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
