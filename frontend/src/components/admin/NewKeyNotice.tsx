import type { CreatedKey } from '@pagi/contracts';
import { useRef, useState } from 'react';

/** A key just made: the only time its secret is shown (the gateway keeps a hash). */
export function NewKeyNotice({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('yes');
    } catch {
      // No clipboard (permissions, insecure origin): select it so the person can copy it by hand.
      field.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className="new-key" role="status" data-testid="new-key">
      <p>
        <strong>Key “{created.name}” created.</strong> Copy it now: it will not be shown again.
      </p>
      <div className="row">
        <label htmlFor="new-key-value" className="sr-only">
          New API key
        </label>
        <input
          id="new-key-value"
          ref={field}
          className="new-key__value"
          type="text"
          readOnly
          value={created.key}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="btn btn--primary btn--sm" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onDone}>
          Done
        </button>
      </div>
      {copied === 'failed' && <p className="muted small">Copying failed: the key is selected, copy it by hand.</p>}
      <p className="muted small">Send it as the header Authorization: Bearer &lt;key&gt;.</p>
    </div>
  );
}
