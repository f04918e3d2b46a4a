import { DOMAINS, type Domain, OfferInput } from '@pagi/contracts';
import { type FormEvent, useId, useState } from 'react';
import { domainLabel } from '../../../lib/domains.ts';
import type { NewOffer } from '../../../services/exchangeApi.ts';
import { errorText } from '../../../services/http.ts';

const FIELD_TEXT: Record<string, string> = { topic: 'Topic', query: 'Query', description: 'Description' };

/** Offers a topic to the fleet: a domain of this twin's knowledge, optionally narrowed by a query. */
export function OfferForm({ onOffer }: { onOffer: (offer: NewOffer) => Promise<void> }) {
  const [topic, setTopic] = useState('');
  const [domain, setDomain] = useState<Domain>('mind');
  const [query, setQuery] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const parsed = OfferInput.safeParse({ topic, domain, query, description });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = FIELD_TEXT[String(issue?.path[0] ?? '')];
      setError(field ? `${field}: ${issue?.message}` : (issue?.message ?? 'the offer is not complete'));
      return;
    }
    setBusy(true);
    try {
      await onOffer(parsed.data);
      setNotice(`Offered ${parsed.data.topic}. Peers that subscribe get a share request here first.`);
      setTopic('');
      setQuery('');
      setDescription('');
    } catch (err) {
      setError(`Not offered: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="offer-form" data-testid="offer-form" aria-label="Offer a topic" onSubmit={submit}>
      <div className="exchange-form__row">
        <div className="field">
          <label htmlFor={`${id}-topic`}>Topic</label>
          <input
            id={`${id}-topic`}
            type="text"
            value={topic}
            placeholder="work"
            maxLength={64}
            onChange={(e) => setTopic(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-domain`}>Domain</label>
          <select id={`${id}-domain`} value={domain} onChange={(e) => setDomain(e.target.value as Domain)}>
            {DOMAINS.map((d) => (
              <option key={d} value={d}>
                {domainLabel(d)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-query`}>Query (optional: only the memories it finds)</label>
        <input
          id={`${id}-query`}
          type="text"
          value={query}
          maxLength={512}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <input
          id={`${id}-description`}
          type="text"
          value={description}
          maxLength={512}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="exchange-form__submit">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Offering…' : 'Offer topic'}
        </button>
      </div>
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="muted small" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}
