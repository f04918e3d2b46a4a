import type { AgentTemplateList, Playbook, SavePlaybookRequest } from '@pagi/contracts';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { useRunDetail } from '../../hooks/useRunDetail.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { useAgentRunsContext } from './AgentRunsContext.tsx';
import { RunDetail } from './RunDetail.tsx';
import { RunTree } from './RunTree.tsx';
import { StartRunForm } from './StartRunForm.tsx';

interface Props {
  templates: AgentTemplateList['templates'];
  preset: { template: string; at: number } | null;
  selected: string | null;
  onSelect: (runId: string) => void;
  onSavePlaybook: (runId: string, request: SavePlaybookRequest) => Promise<Playbook>;
}

/** Start a run, the live tree of runs, and the chosen run in full. */
export function RunsTab({ templates, preset, selected, onSelect, onSavePlaybook }: Props) {
  const runs = useAgentRunsContext();
  const canAct = useAuth().can('chat');
  const run = selected ? runs.byId[selected] : undefined;
  const { detail, error } = useRunDetail(run ? run.run_id : null, run ? (runs.touched[run.run_id] ?? 0) : 0);

  if (!canAct) {
    return (
      <StateMessage
        kind="empty"
        title="Agent runs are not part of your role"
        detail="Runs act as the chat does; templates and playbooks are readable in the other tabs."
      />
    );
  }
  return (
    <div className="agents__split" data-testid="agents-runs">
      <div className="agents__column">
        <Panel title="Start a run" subtitle="A template and a goal; each action waits for your approval">
          <StartRunForm
            templates={templates}
            preset={preset}
            onStart={async (request) => {
              const started = await runs.start(request);
              onSelect(started.run_id);
              return started;
            }}
          />
        </Panel>
        <Panel
          title="Runs"
          subtitle={runs.stream === 'open' ? 'Live' : 'Reconnecting to live updates…'}
          testId="runs-panel"
        >
          {runs.error && <StateMessage kind="error" compact title="Runs could not be read" detail={runs.error} />}
          {!runs.loaded ? (
            <StateMessage kind="loading" compact title="Reading your runs…" />
          ) : (
            <RunTree runs={runs.runs} selected={selected} onSelect={onSelect} />
          )}
        </Panel>
      </div>
      <Panel
        title="Run"
        subtitle="Steps in order, actions waiting for you"
        testId="run-panel"
        className="agents__detail"
      >
        {run ? (
          <RunDetail
            key={run.run_id}
            run={run}
            detail={detail && detail.run_id === run.run_id ? detail : null}
            detailError={error}
            canAct={canAct}
            onStop={runs.stop}
            onDecide={runs.decide}
            onSavePlaybook={onSavePlaybook}
            onSelectRun={onSelect}
          />
        ) : (
          <StateMessage
            kind="empty"
            compact
            title={selected ? 'This run is not among yours' : 'No run selected'}
            detail="Pick a run in the tree to see its steps."
          />
        )}
      </Panel>
    </div>
  );
}
