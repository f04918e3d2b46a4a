import {
  type AgentRunDetail,
  type AgentRunSummary,
  FINAL_RUN_STATUSES,
  type Playbook,
  type SavePlaybookRequest,
} from '@pagi/contracts';
import { useState } from 'react';
import { errorText } from '../../services/http.ts';
import { Icon } from '../common/Icon.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { AgentApprovalCard } from './AgentApprovalCard.tsx';
import { InlineCode } from './InlineCode.tsx';
import { formatWhen, SOURCE_TEXT, shortRun } from './labels.ts';
import { RunStatusBadge } from './RunStatusBadge.tsx';
import { SavePlaybookForm } from './SavePlaybookForm.tsx';
import { StepList } from './StepList.tsx';

interface Props {
  /** The run as the live list knows it (its status moves with the events). */
  run: AgentRunSummary;
  /** Its steps and pending actions, once read. */
  detail: AgentRunDetail | null;
  detailError: string | null;
  canAct: boolean;
  onStop: (runId: string) => Promise<void>;
  onDecide: (run: AgentRunSummary, actionId: string, decision: 'approve' | 'deny') => Promise<void>;
  onSavePlaybook: (runId: string, request: SavePlaybookRequest) => Promise<Playbook>;
  onSelectRun: (runId: string) => void;
}

/** One run: what it is for, where it stands, the actions it waits on, its steps, Stop, and Save as playbook. */
export function RunDetail({ run, detail, detailError, canAct, onStop, onDecide, onSavePlaybook, onSelectRun }: Props) {
  const [stopping, setStopping] = useState(false);
  const [stopError, setStopError] = useState<string | null>(null);
  const final = FINAL_RUN_STATUSES.includes(run.status);
  // A run that ended waits on nothing, whatever an older read of its detail says.
  const pending = final ? [] : (detail?.pending_actions ?? []).filter((a) => a.status === 'pending');

  const stop = async () => {
    setStopping(true);
    setStopError(null);
    try {
      await onStop(run.run_id);
    } catch (err) {
      setStopError(`Not stopped: ${errorText(err)}`);
    } finally {
      setStopping(false);
    }
  };

  return (
    <div className="run-detail" data-testid="run-detail" data-run-id={run.run_id} data-status={run.status}>
      <header className="run-detail__head">
        <div className="run-detail__title">
          <h3 className="agents__subheading">
            {run.template} <span className="muted small">run {shortRun(run.run_id)}</span>
          </h3>
          <RunStatusBadge status={run.status} />
        </div>
        {!final && canAct && (
          <button
            type="button"
            className="btn btn--danger btn--sm"
            data-testid="run-stop"
            disabled={stopping}
            onClick={() => void stop()}
          >
            <Icon name="stop" size={14} />{' '}
            {stopping ? 'Stopping…' : run.children.length ? 'Stop (and its sub-agents)' : 'Stop'}
          </button>
        )}
      </header>
      <p className="run-detail__goal">{run.goal}</p>
      <dl className="facts run-detail__facts">
        <dt>Steps</dt>
        <dd data-testid="run-detail-steps">
          {run.steps_used} of {run.max_steps}
          {run.tokens_used > 0 && <span className="muted"> · {run.tokens_used} tokens</span>}
        </dd>
        <dt>Started</dt>
        <dd>
          {formatWhen(run.created_at)} · {SOURCE_TEXT[run.source]}
          {run.playbook && (
            <>
              {' '}
              (playbook <code>{run.playbook}</code>)
            </>
          )}
        </dd>
        {run.ended_at && (
          <>
            <dt>Ended</dt>
            <dd>{formatWhen(run.ended_at)}</dd>
          </>
        )}
        {run.reason && (
          <>
            <dt>{final ? 'Why it ended' : 'Now'}</dt>
            <dd data-testid="run-reason">
              <InlineCode text={run.reason} />
            </dd>
          </>
        )}
        {run.parent_run_id && (
          <>
            <dt>Parent</dt>
            <dd>
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => onSelectRun(run.parent_run_id!)}>
                Open run {shortRun(run.parent_run_id)}
              </button>
            </dd>
          </>
        )}
      </dl>
      {run.result && (
        <div className="run-detail__result" data-testid="run-result">
          <strong>Result</strong>
          <p>
            <InlineCode text={run.result} />
          </p>
        </div>
      )}
      {stopError && (
        <p className="approval__error" role="alert">
          {stopError}
        </p>
      )}

      {pending.length > 0 && (
        <div className="run-detail__approvals" data-testid="run-approvals">
          {pending.map((a) => (
            <AgentApprovalCard key={a.action_id} action={a} run={run} canDecide={canAct} onDecide={onDecide} />
          ))}
        </div>
      )}

      <h4 className="agents__minor-heading">Steps</h4>
      {detail ? (
        <StepList steps={detail.steps} runId={run.run_id} onSelectRun={onSelectRun} />
      ) : detailError ? (
        <StateMessage kind="error" compact title="The run's steps could not be read" detail={detailError} />
      ) : (
        <StateMessage kind="loading" compact title="Reading the run's steps…" />
      )}
      {detail && detailError && (
        <StateMessage kind="error" compact title="The run's steps could not be refreshed" detail={detailError} />
      )}

      {run.status === 'completed' && canAct && detail && (
        <SavePlaybookForm key={run.run_id} runId={run.run_id} steps={detail.steps} onSave={onSavePlaybook} />
      )}
    </div>
  );
}
