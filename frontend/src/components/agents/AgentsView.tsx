import type { AgentRunSummary, SavePlaybookRequest } from '@pagi/contracts';
import { useState } from 'react';
import { useAgentLibrary } from '../../hooks/useAgentLibrary.ts';
import { savePlaybook } from '../../services/agentsApi.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { useAgentRunsContext } from './AgentRunsContext.tsx';
import { type AgentsTab, AgentsTabs } from './AgentsTabs.tsx';
import { PlaybooksTab } from './PlaybooksTab.tsx';
import { RunsTab } from './RunsTab.tsx';
import { SchedulesTab } from './SchedulesTab.tsx';
import { TemplateList } from './TemplateList.tsx';
import './agents.css';
import './agent-run.css';

/** Agents: start and follow runs (a tree per goal), approve what they propose, and reuse what worked. */
export function AgentsView() {
  const runs = useAgentRunsContext();
  const firings = runs.runs.filter((r) => r.source === 'schedule').length;
  const { templates, playbooks, schedules } = useAgentLibrary(firings);
  const [tab, setTab] = useState<AgentsTab>('runs');
  const [selected, setSelected] = useState<string | null>(null);
  const [preset, setPreset] = useState<{ template: string; at: number } | null>(null);
  const templateList = templates.data?.templates ?? [];

  const showRun = (runId: string) => {
    setSelected(runId);
    setTab('runs');
  };
  const save = async (runId: string, request: SavePlaybookRequest) => {
    const playbook = await savePlaybook(runId, request);
    playbooks.refresh();
    return playbook;
  };

  return (
    <div className="agents" data-testid="agents-view">
      <AgentsTabs tab={tab} onTab={setTab} pending={runs.pendingCount} />
      <div role="tabpanel" aria-labelledby={`agents-tab-${tab}`} className="agents__panel">
        {tab === 'runs' && (
          <RunsTab
            templates={templateList}
            preset={preset}
            selected={selected}
            onSelect={setSelected}
            onSavePlaybook={save}
          />
        )}
        {tab === 'templates' && (
          <Panel title="Templates" subtitle="What each agent is for, the tools it may propose, its bounds">
            {templates.error && (
              <StateMessage kind="error" compact title="Templates could not be read" detail={templates.error} />
            )}
            {templates.data ? (
              <TemplateList
                list={templates.data}
                onUse={(template) => {
                  setPreset({ template, at: Date.now() });
                  setTab('runs');
                }}
              />
            ) : (
              !templates.error && <StateMessage kind="loading" compact title="Reading templates…" />
            )}
          </Panel>
        )}
        {tab === 'playbooks' && (
          <PlaybooksTab playbooks={playbooks} onStarted={(run: AgentRunSummary) => showRun(run.run_id)} />
        )}
        {tab === 'schedules' && (
          <SchedulesTab
            schedules={schedules}
            templates={templateList}
            playbooks={playbooks.data?.playbooks ?? []}
            onSelectRun={showRun}
          />
        )}
      </div>
    </div>
  );
}
