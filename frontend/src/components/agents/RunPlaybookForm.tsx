import type { AgentRunSummary, PlaybookList } from '@pagi/contracts';
import { type FormEvent, useState } from 'react';
import { errorText } from '../../services/http.ts';
import { Icon } from '../common/Icon.tsx';
import { TextField } from '../common/TextField.tsx';

type Book = PlaybookList['playbooks'][number];

interface Props {
  playbook: Book;
  onRun: (name: string, params: Record<string, string>) => Promise<AgentRunSummary>;
}

const defaults = (p: Book) => Object.fromEntries(p.params.map((x) => [x.name, x.default ?? '']));

/** Runs a playbook again: a field per parameter, its default filled in. */
export function RunPlaybookForm({ playbook, onRun }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() => defaults(playbook));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = playbook.params.find((p) => !values[p.name]?.trim());
    if (missing) return setError(`Give a value for ${missing.name}.`);
    setBusy(true);
    setError(null);
    try {
      await onRun(playbook.name, Object.fromEntries(playbook.params.map((p) => [p.name, values[p.name]!.trim()])));
    } catch (err) {
      setError(`Not started: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="run-playbook" data-testid="run-playbook-form" onSubmit={submit} noValidate>
      {playbook.params.map((p) => (
        <TextField
          key={p.name}
          label={p.description ? `${p.name} — ${p.description}` : p.name}
          value={values[p.name] ?? ''}
          maxLength={500}
          onChange={(v) => setValues((vs) => ({ ...vs, [p.name]: v }))}
        />
      ))}
      <div className="agents__form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="run-playbook">
          <Icon name="play" size={16} /> {busy ? 'Starting…' : `Run ${playbook.name}`}
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
