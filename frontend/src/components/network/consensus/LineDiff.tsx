import { useMemo } from 'react';
import { type DiffRow, diffCounts, diffRows } from './lineDiff.ts';

interface Props {
  before: string;
  after: string;
  /** What the diff is of, read before it ("Changes to agent_template researcher"). */
  caption: string;
}

/** A line diff: removed and added lines marked (del / ins), long unchanged stretches folded. */
export function LineDiff({ before, after, caption }: Props) {
  const rows = useMemo(() => diffRows(before, after), [before, after]);
  if (before === after) return <p className="muted small">The content does not change.</p>;
  const { added, removed } = diffCounts(rows);
  return (
    <figure className="line-diff" data-testid="line-diff">
      <figcaption className="line-diff__caption">
        {caption}: <span className="line-diff__added">+{added}</span>{' '}
        <span className="line-diff__removed">−{removed}</span> lines
      </figcaption>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled diff must take focus to be read by keyboard */}
      <pre className="line-diff__body" tabIndex={0}>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff line's position is its identity
          <DiffLine key={i} row={row} />
        ))}
      </pre>
    </figure>
  );
}

function DiffLine({ row }: { row: DiffRow }) {
  switch (row.kind) {
    case 'skipped':
      return (
        <span className="line-diff__line line-diff__line--skipped">
          {`⋯ ${row.count} unchanged line${row.count === 1 ? '' : 's'}\n`}
        </span>
      );
    case 'added':
      return <ins className="line-diff__line line-diff__line--added">{`+ ${row.text}\n`}</ins>;
    case 'removed':
      return <del className="line-diff__line line-diff__line--removed">{`- ${row.text}\n`}</del>;
    default:
      return <span className="line-diff__line">{`  ${row.text}\n`}</span>;
  }
}
