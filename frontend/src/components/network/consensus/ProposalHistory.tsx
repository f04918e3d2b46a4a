import type { ProposalDetail } from '@pagi/contracts';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import { artifactHistory } from '../../../services/consensusApi.ts';
import { VisibleText } from '../../common/VisibleText.tsx';
import { LineDiff } from './LineDiff.tsx';
import { KIND_TEXT, STATUS_TEXT, shortId, who } from './labels.ts';
import { Tally } from './Tally.tsx';

/** The hash of empty content: a change that creates an artifact replaces nothing. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const when = (ms: number | null) => (ms == null ? '—' : formatDateTime(new Date(ms).toISOString()));

/** Decided proposals, newest first: outcome, tally, every vote, each node's application, and the diff. */
export function ProposalHistory({ proposals }: { proposals: ProposalDetail[] }) {
  return (
    <ul className="proposal-history">
      {proposals.map((p) => (
        <HistoryItem key={p.id} proposal={p} />
      ))}
    </ul>
  );
}

/**
 * The content a proposal replaced: what this node still holds when nothing changed since, nothing for a new
 * artifact, else the matching version of this node's artifact history (null while unknown or not held here).
 */
function useBaseContent(p: ProposalDetail, wanted: boolean): string | null {
  const [fromHistory, setFromHistory] = useState<string | null>(null);
  const direct = p.current.sha256 === p.base_sha256 ? p.current.content : p.base_sha256 === EMPTY_SHA256 ? '' : null;
  const { kind, target, base_version, base_sha256 } = p;
  useEffect(() => {
    if (!wanted || direct !== null || base_version < 1) return;
    const ctrl = new AbortController();
    artifactHistory(kind, target, ctrl.signal)
      .then(({ versions }) => {
        const v = versions.find((x) => x.version === base_version && x.sha256 === base_sha256);
        if (v) setFromHistory(v.content);
      })
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [wanted, direct, kind, target, base_version, base_sha256]);
  return direct ?? fromHistory;
}

function HistoryItem({ proposal: p }: { proposal: ProposalDetail }) {
  const [open, setOpen] = useState(false);
  const base = useBaseContent(p, open);
  return (
    <li
      className={`history-item history-item--${p.status}`}
      data-testid={`history-${shortId(p.id)}`}
      data-status={p.status}
    >
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="history-item__summary">
          <span className={`history-item__status status--${p.status}`}>{STATUS_TEXT[p.status]}</span>
          <strong>
            {KIND_TEXT[p.kind]} <code>{p.target}</code>
          </strong>
          <span className="muted small">
            by {who(p.proposer_name, p.proposer)}, decided {when(p.decided_at_ms)}
          </span>
        </summary>
        <div className="history-item__body">
          <dl className="approval__args">
            <dt>Why</dt>
            <dd>
              <VisibleText text={p.reason} />
            </dd>
            <dt>Tally</dt>
            <dd>
              <Tally tally={p.tally} />
            </dd>
            <dt>Votes</dt>
            <dd>
              {p.votes.length === 0 ? (
                <span className="muted">none</span>
              ) : (
                <ul className="history-item__list">
                  {p.votes.map((v) => (
                    <li key={v.voter} className={v.counted ? undefined : 'is-void'}>
                      <strong>{who(v.voter_name, v.voter)}</strong> voted {v.vote}
                      {v.reason ? <>: “{v.reason}”</> : null}
                      {!v.counted && <span className="text-error"> (not counted: it signed two different votes)</span>}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>Applied</dt>
            <dd>
              {p.applications.length === 0 ? (
                <span className="muted">
                  {p.status === 'accepted' ? 'no node has reported yet' : 'nothing to apply'}
                </span>
              ) : (
                <ul className="history-item__list" data-testid="applications">
                  {p.applications.map((a) => (
                    <li key={a.peer} className={`application application--${a.outcome}`}>
                      <strong>{who(a.peer_name, a.peer)}</strong>{' '}
                      {a.outcome === 'applied' ? `applied it as version ${a.version}` : `recorded a conflict`}
                      {a.reason ? `: ${a.reason}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          {open &&
            (base === null ? (
              <>
                <p className="muted small">The version it replaced is not held on this node; the proposed content:</p>
                <LineDiff before="" after={p.payload} caption="Proposed content" />
              </>
            ) : (
              <LineDiff before={base} after={p.payload} caption={`Changes from version ${p.base_version}`} />
            ))}
        </div>
      </details>
    </li>
  );
}
