import type { Schedule, ScheduleInput } from '@pagi/contracts';
import { useState } from 'react';
import { errorText } from '../../services/http.ts';
import { formatWhen, shortRun } from './labels.ts';

interface Props {
  schedule: Schedule;
  canAct: boolean;
  onUpdate: (id: string, input: ScheduleInput) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onEdit: (schedule: Schedule) => void;
  onSelectRun: (runId: string) => void;
}

const inputOf = (s: Schedule): ScheduleInput => ({
  name: s.name,
  cron: s.cron,
  timezone: s.timezone,
  target: s.target,
  enabled: s.enabled,
  missed: s.missed,
});

const OUTCOME_TONE = { started: 'pill--ok', missed: 'pill--warn', failed: 'pill--error' } as const;

/** One schedule: when it fires and what it starts, on or off, its next and last firing, and what each firing did. */
export function ScheduleItem({ schedule: s, canAct, onUpdate, onDelete, onEdit, onSelectRun }: Props) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target =
    s.target.kind === 'playbook'
      ? `playbook ${s.target.playbook}${
          Object.keys(s.target.params).length
            ? ` (${Object.entries(s.target.params)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ')})`
            : ''
        }`
      : `${s.target.template}: ${s.target.goal}`;

  const act = async (what: string, work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(`Not ${what}: ${errorText(err)}`);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <li className="agents__card schedule" data-testid={`schedule-${s.id}`} data-enabled={s.enabled}>
      <div className="agents__card-head">
        <strong>{s.name}</strong>
        <code className="chip chip--static">{s.cron}</code>
        <span className="muted small">{s.timezone}</span>
        <span className={`pill ${s.enabled ? 'pill--ok' : ''}`}>{s.enabled ? 'enabled' : 'disabled'}</span>
      </div>
      <p className="small">Starts {target}</p>
      <dl className="facts">
        <dt>Next run</dt>
        <dd data-testid="schedule-next">{s.enabled ? formatWhen(s.next_run_at) : '— (disabled)'}</dd>
        <dt>Last fired</dt>
        <dd>{formatWhen(s.last_fired_at)}</dd>
        <dt>Missed runs</dt>
        <dd>{s.missed === 'skip' ? 'skipped' : 'run once at start-up'}</dd>
      </dl>
      {s.history.length > 0 && (
        <details className="schedule__history">
          <summary>History ({s.history.length})</summary>
          <ol className="agents__rows">
            {s.history.map((f) => (
              <li key={`${f.scheduled_for}-${f.at}`} className="small">
                <span className={`pill ${OUTCOME_TONE[f.outcome]}`}>{f.outcome}</span> {formatWhen(f.scheduled_for)}
                {f.detail && <span className="muted"> — {f.detail}</span>}
                {f.run_id && (
                  <button type="button" className="btn btn--ghost btn--sm" onClick={() => onSelectRun(f.run_id!)}>
                    run {shortRun(f.run_id)}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
      {canAct && (
        <div className="agents__form-actions agents__form-actions--start">
          <label className="agents__check">
            <input
              type="checkbox"
              checked={s.enabled}
              disabled={busy}
              data-testid="schedule-toggle"
              onChange={(e) => void act('changed', () => onUpdate(s.id, { ...inputOf(s), enabled: e.target.checked }))}
            />{' '}
            Enabled
          </label>
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => onEdit(s)}>
            Edit
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                className="btn btn--danger btn--sm"
                disabled={busy}
                onClick={() => void act('deleted', () => onDelete(s.id))}
              >
                Delete {s.name}
              </button>
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" className="btn btn--ghost btn--sm" onClick={() => setConfirming(true)}>
              Delete…
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
