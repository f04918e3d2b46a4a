import {
  type AgentTemplateList,
  type PlaybookList,
  type Schedule,
  ScheduleInput,
  type ScheduleTarget,
} from '@pagi/contracts';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { errorText } from '../../services/http.ts';
import { TextField } from '../common/TextField.tsx';

interface Props {
  templates: AgentTemplateList['templates'];
  playbooks: PlaybookList['playbooks'];
  /** The schedule being edited; absent for a new one. */
  editing?: Schedule;
  onSubmit: (input: ScheduleInput) => Promise<void>;
  onCancel?: () => void;
}

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const zones = (): string[] => {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
};

/** Creates or edits a schedule: a cron expression in a time zone that starts a playbook or a template's goal. */
export function ScheduleForm({ templates, playbooks, editing, onSubmit, onCancel }: Props) {
  const t = editing?.target;
  const [name, setName] = useState(editing?.name ?? '');
  const [cron, setCron] = useState(editing?.cron ?? '0 7 * * *');
  const [timezone, setTimezone] = useState(editing?.timezone ?? localZone());
  const [kind, setKind] = useState<ScheduleTarget['kind']>(t?.kind ?? (playbooks.length ? 'playbook' : 'goal'));
  const [playbook, setPlaybook] = useState(t?.kind === 'playbook' ? t.playbook : (playbooks[0]?.name ?? ''));
  const [params, setParams] = useState<Record<string, string>>(t?.kind === 'playbook' ? t.params : {});
  const [template, setTemplate] = useState(t?.kind === 'goal' ? t.template : (templates[0]?.name ?? ''));
  const [goal, setGoal] = useState(t?.kind === 'goal' ? t.goal : '');
  const [missed, setMissed] = useState<ScheduleInput['missed']>(editing?.missed ?? 'skip');
  const [enabled, setEnabled] = useState(editing?.enabled ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { zones: useId(), kind: useId(), book: useId(), tpl: useId(), goal: useId(), missed: useId() };
  const zoneList = useMemo(zones, []);
  const book = playbooks.find((p) => p.name === playbook);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const target: ScheduleTarget =
      kind === 'playbook'
        ? {
            kind,
            playbook,
            params: Object.fromEntries(
              (book?.params ?? [])
                .map((p) => [p.name, (params[p.name] ?? p.default ?? '').trim()])
                .filter(([, v]) => v),
            ),
          }
        : { kind, template, goal: goal.trim() };
    const parsed = ScheduleInput.safeParse({ name, cron, timezone, target, enabled, missed });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return setError(`${issue.path.join('.') || 'schedule'}: ${issue.message}`);
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(parsed.data);
    } catch (err) {
      setError(`Not saved: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="schedule-form" data-testid="schedule-form" onSubmit={submit} noValidate>
      <TextField label="Schedule name" value={name} onChange={setName} maxLength={100} />
      <div className="agents__row">
        <TextField label="Cron (minute hour day month weekday)" value={cron} onChange={setCron} className="mono" />
        <TextField label="Time zone" value={timezone} onChange={setTimezone} list={ids.zones} />
        <datalist id={ids.zones}>
          {zoneList.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>Starts</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as ScheduleTarget['kind'])}>
          <option value="playbook">a playbook</option>
          <option value="goal">a template with a goal</option>
        </select>
      </div>
      {kind === 'playbook' ? (
        <>
          <div className="field">
            <label htmlFor={ids.book}>Playbook</label>
            <select id={ids.book} value={playbook} onChange={(e) => setPlaybook(e.target.value)}>
              {playbooks.length === 0 && <option value="">no playbooks yet</option>}
              {playbooks.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          {book?.params.map((p) => (
            <TextField
              key={p.name}
              label={`Parameter ${p.name}`}
              value={params[p.name] ?? p.default ?? ''}
              onChange={(v) => setParams((ps) => ({ ...ps, [p.name]: v }))}
            />
          ))}
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor={ids.tpl}>Template</label>
            <select id={ids.tpl} value={template} onChange={(e) => setTemplate(e.target.value)}>
              {templates.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.goal}>Goal</label>
            <textarea id={ids.goal} rows={2} value={goal} maxLength={4000} onChange={(e) => setGoal(e.target.value)} />
          </div>
        </>
      )}
      <div className="agents__row">
        <div className="field">
          <label htmlFor={ids.missed}>Runs missed while the twin was down</label>
          <select id={ids.missed} value={missed} onChange={(e) => setMissed(e.target.value as ScheduleInput['missed'])}>
            <option value="skip">skip them</option>
            <option value="run_once">run once at start-up</option>
          </select>
        </div>
        <label className="agents__check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enabled
        </label>
      </div>
      <div className="agents__form-actions">
        {onCancel && (
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="schedule-save">
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Create schedule'}
        </button>
      </div>
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
