import { AgentName, type AgentStep, ParamName, type Playbook, type SavePlaybookRequest } from '@pagi/contracts';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { errorText } from '../../services/http.ts';
import { Icon } from '../common/Icon.tsx';
import { TextField } from '../common/TextField.tsx';

interface ParamRow {
  key: number;
  name: string;
  value: string;
}

interface Props {
  runId: string;
  steps: readonly AgentStep[];
  onSave: (runId: string, request: SavePlaybookRequest) => Promise<Playbook>;
}

/** The values of a run a parameter could replace: every tool argument and memory query it used. */
function valuesOf(steps: readonly AgentStep[]): string[] {
  const values = new Set<string>();
  for (const s of steps) {
    const d = s.decision;
    if (d?.action === 'execute_tool') for (const a of d.args) values.add(a);
    if (d?.action === 'query_memory') values.add(d.query);
  }
  return [...values];
}

/** What is wrong with the form, or null: the server checks again and its refusal is shown too. */
function problem(name: string, rows: ParamRow[]): string | null {
  if (!AgentName.safeParse(name).success) return 'Name: lowercase letters, digits, dot, dash or underscore.';
  const seen = new Set<string>();
  for (const r of rows) {
    if (!r.name && !r.value) continue;
    if (!ParamName.safeParse(r.name).success) return `Parameter “${r.name}”: a-z, 0-9 and _, starting with a letter.`;
    if (!r.value) return `Parameter “${r.name}” needs the value of the run it replaces.`;
    if (seen.has(r.name)) return `Parameter “${r.name}” is named twice.`;
    seen.add(r.name);
  }
  return null;
}

/** Saves a completed run's steps as a playbook; chosen values of the run become {{parameters}}. */
export function SavePlaybookForm({ runId, steps, onSave }: Props) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [rows, setRows] = useState<ParamRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Playbook | null>(null);
  const listId = useId();
  const candidates = useMemo(() => valuesOf(steps), [steps]);

  const edit = (key: number, field: 'name' | 'value', value: string) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const bad = problem(name, rows);
    if (bad) return setError(bad);
    setBusy(true);
    setError(null);
    try {
      const used = rows.filter((r) => r.name);
      const playbook = await onSave(runId, {
        name,
        description: description.trim() || undefined,
        params: used.length ? Object.fromEntries(used.map((r) => [r.name, r.value])) : undefined,
      });
      setSaved(playbook);
    } catch (err) {
      setError(`Not saved: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="save-playbook" data-testid="save-playbook-form" onSubmit={submit} noValidate>
      <h3 className="agents__subheading">Save as playbook</h3>
      <p className="muted small">Its steps run again on demand or on a schedule; exact steps keep their approval.</p>
      <TextField label="Playbook name" value={name} onChange={setName} placeholder="host-check" required />
      <TextField label="Description (optional)" value={description} onChange={setDescription} />
      <fieldset className="save-playbook__params">
        <legend>Parameters (optional)</legend>
        {rows.map((r, i) => (
          <div className="save-playbook__param" key={r.key} data-testid="playbook-param-row">
            <TextField label={`Parameter ${i + 1} name`} value={r.name} onChange={(v) => edit(r.key, 'name', v)} />
            <TextField
              label={`Parameter ${i + 1} replaces (a value of the run)`}
              value={r.value}
              list={listId}
              onChange={(v) => edit(r.key, 'value', v)}
            />
            <button
              type="button"
              className="icon-btn"
              aria-label={`Remove parameter ${i + 1}`}
              onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
            >
              <Icon name="x" size={16} />
            </button>
          </div>
        ))}
        <datalist id={listId}>
          {candidates.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={() => setRows((rs) => [...rs, { key: Date.now() + rs.length, name: '', value: '' }])}
        >
          <Icon name="plus" size={14} /> Add a parameter
        </button>
      </fieldset>
      <div className="agents__form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="save-playbook">
          {busy ? 'Saving…' : 'Save playbook'}
        </button>
      </div>
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="text-info" role="status" data-testid="playbook-saved">
          Saved as playbook <strong>{saved.name}</strong> (version {saved.version}).
        </p>
      )}
    </form>
  );
}
