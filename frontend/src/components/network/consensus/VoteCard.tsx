import type { ProposalDetail } from '@pagi/contracts';
import { useId, useState } from 'react';
import { errorText } from '../../../services/http.ts';
import { Icon } from '../../common/Icon.tsx';
import { VisibleText } from '../../common/VisibleText.tsx';
import { Countdown } from './Countdown.tsx';
import { LineDiff } from './LineDiff.tsx';
import { KIND_TEXT, shortId, who } from './labels.ts';
import { Tally } from './Tally.tsx';

type Choice = 'accept' | 'reject';

interface Props {
  proposal: ProposalDetail;
  onVote: (id: string, vote: Choice, reason: string) => Promise<void>;
}

/** One open proposal: what it changes, who asks and why, the live tally, and this node's vote. */
export function VoteCard({ proposal: p, onVote }: Props) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<Choice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const headingId = `vote-${shortId(p.id)}`;
  const behind = p.current.version !== p.base_version || p.current.sha256 !== p.base_sha256;

  const cast = async (vote: Choice) => {
    setBusy(vote);
    setError(null);
    try {
      await onVote(p.id, vote, reason);
      setReason('');
    } catch (err) {
      setError(`Your vote was not counted: ${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const disabled = !p.can_vote || busy !== null;
  return (
    <section
      className="approval vote-card"
      aria-labelledby={headingId}
      data-testid={`vote-card-${shortId(p.id)}`}
      data-status={p.status}
    >
      <header className="approval__head">
        <span className="approval__icon" aria-hidden="true">
          <Icon name="shield" size={16} />
        </span>
        <h3 id={headingId} className="approval__title">
          {KIND_TEXT[p.kind]} <code>{p.target}</code>
        </h3>
        <span className="approval__phase">
          <Countdown deadlineMs={p.deadline_ms} />
        </span>
      </header>

      <dl className="approval__args">
        <dt>Proposed by</dt>
        <dd data-testid="proposer">{who(p.proposer_name, p.proposer)}</dd>
        <dt>Why</dt>
        <dd>
          <VisibleText text={p.reason} />
        </dd>
        <dt>Tally</dt>
        <dd>
          <Tally tally={p.tally} />
        </dd>
      </dl>

      <LineDiff
        before={p.current.content}
        after={p.payload}
        caption={`What changes on this node (version ${p.current.version} → new)`}
      />
      {behind && (
        <p className="muted small">
          The proposal replaces version {p.base_version}; this node holds version {p.current.version}.
        </p>
      )}

      {p.my_vote ? (
        <p className={`vote-card__mine vote-card__mine--${p.my_vote}`} data-testid="my-vote">
          <Icon name={p.my_vote === 'accept' ? 'check' : 'x'} size={14} /> You voted to{' '}
          {p.my_vote === 'accept' ? 'accept' : 'reject'} this change.
        </p>
      ) : (
        <div className="vote-card__vote">
          <div className="field vote-card__reason">
            <label htmlFor={reasonId}>Reason for your vote (optional)</label>
            <input
              id={reasonId}
              type="text"
              value={reason}
              maxLength={1024}
              disabled={disabled}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="approval__buttons">
            <button
              type="button"
              className="btn btn--primary"
              data-testid="vote-accept"
              disabled={disabled}
              onClick={() => void cast('accept')}
            >
              <Icon name="check" size={16} /> {busy === 'accept' ? 'Accepting…' : 'Accept'}
            </button>
            <button
              type="button"
              className="btn btn--danger"
              data-testid="vote-reject"
              disabled={disabled}
              onClick={() => void cast('reject')}
            >
              <Icon name="x" size={16} /> {busy === 'reject' ? 'Rejecting…' : 'Reject'}
            </button>
          </div>
        </div>
      )}
      {!p.can_vote && !p.my_vote && p.vote_blocked && (
        <p className="muted small" data-testid="vote-blocked">
          You cannot vote on this change: {p.vote_blocked}.
        </p>
      )}
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
