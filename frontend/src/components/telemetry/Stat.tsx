import { Fragment } from 'react';

/** One headline figure; a value of several figures wraps between them, never inside one. */
export function Stat({ label, figures, testId }: { label: string; figures: string[] | null; testId: string }) {
  return (
    <div className="stat">
      <span className="stat__label">{label}</span>
      <span className="stat__value" data-testid={testId}>
        {figures
          ? figures.map((f, i) => (
              // Figures are positional (CPU / total, 1 / 5 / 15 min): the index is their identity. The space between
              // them is where a line may break, and keeps the text readable when copied or read aloud.
              // biome-ignore lint/suspicious/noArrayIndexKey: positional figures
              <Fragment key={i}>
                {i > 0 && ' '}
                <span className="figure">{f}</span>
              </Fragment>
            ))
          : '—'}
      </span>
    </div>
  );
}
