import type { RedactionCount } from '@pagi/contracts';
import type { z } from 'zod';

/** What redaction replaced in one text, one badge per kind ("EMAIL ×1"). */
export function RedactionBadges({ redactions }: { redactions: z.infer<typeof RedactionCount>[] }) {
  if (redactions.length === 0) return <span className="muted small">nothing redacted</span>;
  return (
    <ul className="redaction-badges" aria-label="Redacted">
      {redactions.map((r) => (
        <li key={r.type} className="redaction-badge" data-testid="redaction-badge">
          {r.type} ×{r.count}
        </li>
      ))}
    </ul>
  );
}
