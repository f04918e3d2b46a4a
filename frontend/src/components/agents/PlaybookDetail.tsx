import type { AgentRunSummary, PlaybookList } from '@pagi/contracts';
import { useState } from 'react';
import { errorText } from '../../services/http.ts';
import { Icon } from '../common/Icon.tsx';
import { VisibleText } from '../common/VisibleText.tsx';
import { shortRun } from './labels.ts';
import { RunPlaybookForm } from './RunPlaybookForm.tsx';

type Book = PlaybookList['playbooks'][number];

interface Props {
  playbook: Book;
  /** The person may run playbooks (chat) and delete them (admin). */
  canRun: boolean;
  canDelete: boolean;
  onRun: (name: string, params: Record<string, string>) => Promise<AgentRunSummary>;
  onDelete: (name: string) => Promise<void>;
}

/** A playbook in full: its goal, parameters and steps (exact ones marked pre-approved), Run and Delete. */
export function PlaybookDetail({ playbook: p, canRun, canDelete, onRun, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDelete(p.name);
    } catch (err) {
      setError(`Not deleted: ${errorText(err)}`);
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <div className="playbook-detail" data-testid="playbook-detail" data-name={p.name}>
      <h3 className="agents__subheading">
        {p.name} <span className="muted small">version {p.version}</span>
      </h3>
      <p>{p.description}</p>
      <dl className="facts">
        <dt>Template</dt>
        <dd>{p.template}</dd>
        <dt>Goal</dt>
        <dd>{p.goal}</dd>
        <dt>Parameters</dt>
        <dd>
          {p.params.length === 0
            ? 'none'
            : p.params.map((x) => `${x.name}${x.default ? ` (default ${x.default})` : ''}`).join(', ')}
        </dd>
        {p.source_run_id && (
          <>
            <dt>Made from</dt>
            <dd>run {shortRun(p.source_run_id)}</dd>
          </>
        )}
      </dl>
      <h4 className="agents__minor-heading">Steps</h4>
      <ol className="playbook-steps" data-testid="playbook-steps">
        {p.steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a playbook's steps are positional
          <li key={i} className="playbook-step" data-testid="playbook-step">
            <Icon name={s.kind === 'execute_tool' ? 'tool' : 'search'} size={14} />
            <code>
              <VisibleText text={s.kind === 'execute_tool' ? [s.tool_name, ...s.args].join(' ') : s.query} />
            </code>
            {s.pre_approved ? (
              <span className="pill pill--ok" data-testid="pre-approved">
                pre-approved
              </span>
            ) : (
              <span className="pill">asks first</span>
            )}
          </li>
        ))}
      </ol>
      {canRun && (
        <>
          <h4 className="agents__minor-heading">Run it</h4>
          <RunPlaybookForm key={`${p.name}@${p.version}`} playbook={p} onRun={onRun} />
        </>
      )}
      {canDelete && (
        <div className="agents__danger">
          {confirming ? (
            <>
              <span>Delete playbook {p.name}? Its schedules stop finding it.</span>
              <button
                type="button"
                className="btn btn--danger btn--sm"
                data-testid="playbook-delete-confirm"
                disabled={busy}
                onClick={() => void remove()}
              >
                {busy ? 'Deleting…' : 'Delete'}
              </button>
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              data-testid="playbook-delete"
              onClick={() => setConfirming(true)}
            >
              Delete playbook…
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="approval__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
