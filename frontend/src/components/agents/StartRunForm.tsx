import type { AgentRunSummary, AgentTemplateList } from '@pagi/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { NewRun } from '../../services/agentsApi.ts';
import { errorText } from '../../services/http.ts';
import { Icon } from '../common/Icon.tsx';

type Template = AgentTemplateList['templates'][number];

interface Props {
  templates: readonly Template[];
  /** A template picked elsewhere (the templates list), with when, so picking the same one again still applies. */
  preset: { template: string; at: number } | null;
  onStart: (request: NewRun) => Promise<AgentRunSummary>;
}

/** Starts a run: a template and a goal in plain words. */
export function StartRunForm({ templates, preset, onStart }: Props) {
  const [template, setTemplate] = useState('');
  const [goal, setGoal] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const templateId = useId();
  const goalId = useId();
  const chosen = templates.find((t) => t.name === template) ?? templates[0];

  useEffect(() => {
    if (preset) setTemplate(preset.template);
  }, [preset]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    if (!goal.trim()) return setError('Type a goal for the agent.');
    setBusy(true);
    setError(null);
    try {
      await onStart({ template: chosen.name, goal: goal.trim() });
      setGoal('');
    } catch (err) {
      setError(`Not started: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="start-run" data-testid="start-run-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={templateId}>Template</label>
        <select
          id={templateId}
          value={chosen?.name ?? ''}
          disabled={templates.length === 0}
          onChange={(e) => setTemplate(e.target.value)}
        >
          {templates.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
        {chosen && <span className="muted small">{chosen.description}</span>}
      </div>
      <div className="field">
        <label htmlFor={goalId}>Goal</label>
        <textarea
          id={goalId}
          rows={3}
          value={goal}
          maxLength={4000}
          placeholder="What should the agent find out or do?"
          onChange={(e) => setGoal(e.target.value)}
        />
      </div>
      <div className="agents__form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !chosen} data-testid="start-run">
          <Icon name="play" size={16} /> {busy ? 'Starting…' : 'Start'}
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
