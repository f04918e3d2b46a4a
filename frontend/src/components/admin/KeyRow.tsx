import type { ApiKey } from '@pagi/contracts';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { revokeKey } from '../../services/authApi.ts';
import { errorText } from '../../services/http.ts';

function statusOf(key: ApiKey): 'revoked' | 'expired' | 'active' {
  if (key.revoked) return 'revoked';
  if (key.expires_at && Date.parse(key.expires_at) <= Date.now()) return 'expired';
  return 'active';
}

interface Props {
  apiKey: ApiKey;
  showOwner: boolean;
  onChanged: () => void;
  onError: (message: string) => void;
}

/** One key; revoking asks once more, since a script using it stops working at once. */
export function KeyRow({ apiKey: key, showOwner, onChanged, onError }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const status = statusOf(key);

  const revoke = async () => {
    setBusy(true);
    try {
      await revokeKey(key.id);
      onChanged();
    } catch (err) {
      onError(`Key ${key.name} was not revoked: ${errorText(err)}`);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <tr data-testid="key-row" data-name={key.name} data-status={status}>
      <td>{key.name}</td>
      {showOwner && <td>{key.user_name}</td>}
      <td>{key.role}</td>
      <td>{formatDateTime(key.created_at)}</td>
      <td>{formatDateTime(key.last_used_at, 'never')}</td>
      <td>{formatDateTime(key.expires_at, 'never')}</td>
      <td>
        <span className={`status status--${status}`}>{status}</span>
      </td>
      <td className="data-table__actions">
        {status !== 'revoked' &&
          (confirming ? (
            <>
              <button type="button" className="btn btn--danger btn--sm" disabled={busy} onClick={() => void revoke()}>
                Confirm revoke
              </button>
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              aria-label={`Revoke key ${key.name}`}
              onClick={() => setConfirming(true)}
            >
              Revoke
            </button>
          ))}
      </td>
    </tr>
  );
}
