import type { RunStatus } from '@pagi/contracts';
import { STATUS_TEXT, STATUS_TONE } from './labels.ts';

/** A run's status as a coloured pill; a live status shows a small spinner. */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  const tone = STATUS_TONE[status];
  return (
    <span
      className={`pill run-status run-status--${status}${tone === 'plain' ? '' : ` pill--${tone}`}`}
      data-testid="run-status"
      data-status={status}
    >
      {status === 'running' && <span className="spinner spinner--sm" aria-hidden="true" />}
      {STATUS_TEXT[status]}
    </span>
  );
}
