import type { SharedRecord } from '@pagi/contracts';
import { useState } from 'react';
import { errorText } from '../../../services/http.ts';
import { StateMessage } from '../../common/StateMessage.tsx';
import { shortPeer, who } from '../consensus/labels.ts';
import { When } from './When.tsx';

interface Group {
  peer: string;
  name: string;
  topic: string;
  held: number;
  revoked: number;
  lastSharedMs: number;
  lastRevokedMs: number | null;
}

/** One line per peer and topic: the records are one per memory. */
function groups(records: SharedRecord[]): Group[] {
  const by = new Map<string, Group>();
  for (const r of records) {
    const key = `${r.peer}/${r.topic}`;
    const g = by.get(key) ?? {
      peer: r.peer,
      name: who(r.peer_name, r.peer),
      topic: r.topic,
      held: 0,
      revoked: 0,
      lastSharedMs: 0,
      lastRevokedMs: null,
    };
    if (r.revoked_at_ms === null) g.held += 1;
    else {
      g.revoked += 1;
      g.lastRevokedMs = Math.max(g.lastRevokedMs ?? 0, r.revoked_at_ms);
    }
    g.lastSharedMs = Math.max(g.lastSharedMs, r.shared_at_ms);
    by.set(key, g);
  }
  return [...by.values()].sort((a, b) => b.lastSharedMs - a.lastSharedMs);
}

const count = (n: number) => (n === 1 ? '1 memory' : `${n} memories`);

/** What this twin shared with whom, and a way to take it back. */
export function SharedList({
  shared,
  onRevoke,
}: {
  shared: SharedRecord[];
  onRevoke: (peer: string, topic: string) => Promise<void>;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (shared.length === 0)
    return <StateMessage kind="empty" compact title="Nothing shared yet" detail="Approved shares are listed here." />;

  const revoke = async (g: Group) => {
    const key = `${g.peer}/${g.topic}`;
    setBusy(key);
    setError(null);
    try {
      await onRevoke(g.peer, g.topic);
    } catch (err) {
      setError(`Not taken back from ${g.name}: ${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <ul className="exchange-list" aria-label="Shared with">
        {groups(shared).map((g) => (
          <li
            key={`${g.peer}/${g.topic}`}
            className={`exchange-item${g.held === 0 ? ' exchange-item--revoked' : ''}`}
            data-testid={`shared-${g.topic}`}
            data-peer={g.peer}
            data-held={g.held}
          >
            <div className="row">
              <strong>{g.name}</strong>
              <span className="mono small muted" title={g.peer}>
                {shortPeer(g.peer)}
              </span>
              <span className="muted">on</span> <code>{g.topic}</code>
              {g.held === 0 && <span className="pill">revoked</span>}
            </div>
            <p className="small">
              {count(g.held)} held there, last shared <When ms={g.lastSharedMs} />
              {g.revoked > 0 && g.lastRevokedMs !== null && (
                <span className="muted">
                  {' '}
                  · {count(g.revoked)} revoked <When ms={g.lastRevokedMs} />
                </span>
              )}
            </p>
            {g.held > 0 && (
              <div className="row">
                <button
                  type="button"
                  className="btn btn--danger btn--sm"
                  aria-label={`Take back ${g.topic} from ${g.name}`}
                  disabled={busy !== null}
                  onClick={() => void revoke(g)}
                >
                  {busy === `${g.peer}/${g.topic}` ? 'Revoking…' : 'Revoke'}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
