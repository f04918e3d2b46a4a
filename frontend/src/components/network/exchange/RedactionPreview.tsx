import type { ExchangePreview } from '@pagi/contracts';
import { type FormEvent, useId, useState } from 'react';
import { previewRedaction } from '../../../services/exchangeApi.ts';
import { errorText } from '../../../services/http.ts';
import { VisibleText } from '../../common/VisibleText.tsx';
import { RedactionBadges } from './RedactionBadges.tsx';

/** Try redaction on any text: exactly what would leave this twin if a memory said it. */
export function RedactionPreview() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<ExchangePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await previewRedaction(text));
    } catch (err) {
      setResult(null);
      setError(`No preview: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="redaction-preview"
      data-testid="redaction-preview"
      aria-label="Redaction preview"
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor={id}>Text to check</label>
        <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="exchange-form__submit">
        <button type="submit" className="btn btn--ghost" disabled={busy || text.trim() === ''}>
          {busy ? 'Redacting…' : 'Preview redaction'}
        </button>
      </div>
      {result && (
        <div
          className="redaction-preview__result"
          role="status"
          aria-label="Redacted text"
          data-testid="redaction-result"
        >
          <p className="exchange-memory__text">
            <VisibleText text={result.text} />
          </p>
          <RedactionBadges redactions={result.redactions} />
        </div>
      )}
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
