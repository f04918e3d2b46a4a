import type { ProposalSummary } from '@pagi/contracts';

/** Accept votes against those needed, reject votes, and the size of the voter set. */
export function Tally({ tally }: { tally: ProposalSummary['tally'] }) {
  const { accept, reject, needed, voters } = tally;
  const share = needed > 0 ? Math.min(1, accept / needed) : 0;
  return (
    <div
      className="tally"
      data-testid="tally"
      data-accept={accept}
      data-reject={reject}
      data-needed={needed}
      data-voters={voters}
    >
      <div className="tally__bar" aria-hidden="true">
        <span className="tally__fill" style={{ width: `${share * 100}%` }} />
      </div>
      <span className="tally__text">
        Accept {accept} of {needed} needed · Reject {reject} · {voters} voter{voters === 1 ? '' : 's'}
      </span>
    </div>
  );
}
