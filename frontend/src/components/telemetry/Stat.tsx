/** One headline figure; a value of several figures wraps between them, never inside one. */
export function Stat({ label, figures, testId }: { label: string; figures: string[] | null; testId: string }) {
  return (
    <div className="stat">
      <span className="stat__label">{label}</span>
      <span className="stat__value" data-testid={testId}>
        {figures
          ? figures.map((f, i) => (
              // Figures are positional (CPU / total, 1 / 5 / 15 min): the index is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: positional figures
              <span key={i} className="figure">
                {f}
              </span>
            ))
          : '—'}
      </span>
    </div>
  );
}
