import type { AgentRunSummary, PlaybookList as Playbooks } from '@pagi/contracts';
import { useState } from 'react';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import type { Resource } from '../../hooks/useResource.ts';
import { deletePlaybook, runPlaybook } from '../../services/agentsApi.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { useAgentRunsContext } from './AgentRunsContext.tsx';
import { PlaybookDetail } from './PlaybookDetail.tsx';
import { PlaybookList } from './PlaybookList.tsx';

interface Props {
  playbooks: Resource<Playbooks>;
  /** A playbook's run started: the view shows it. */
  onStarted: (run: AgentRunSummary) => void;
}

/** Saved playbooks: the list, one in full, Run with its parameters, and Delete. */
export function PlaybooksTab({ playbooks, onStarted }: Props) {
  const runs = useAgentRunsContext();
  const { can } = useAuth();
  const [selected, setSelected] = useState<string | null>(null);
  const list = playbooks.data;
  const shown = list?.playbooks.find((p) => p.name === selected) ?? list?.playbooks[0];

  const run = async (name: string, params: Record<string, string>) => {
    const started = await runPlaybook(name, params);
    runs.upsert(started);
    onStarted(started);
    return started;
  };
  const remove = async (name: string) => {
    await deletePlaybook(name);
    setSelected(null);
    playbooks.refresh();
  };

  return (
    <div className="agents__split" data-testid="agents-playbooks">
      <Panel title="Playbooks" subtitle="Runs that worked, saved to run again">
        {playbooks.error && (
          <StateMessage kind="error" compact title="Playbooks could not be read" detail={playbooks.error} />
        )}
        {list ? (
          <PlaybookList list={list} selected={shown?.name ?? null} onSelect={setSelected} />
        ) : (
          !playbooks.error && <StateMessage kind="loading" compact title="Reading playbooks…" />
        )}
      </Panel>
      <Panel title="Playbook" className="agents__detail">
        {shown ? (
          <PlaybookDetail
            key={shown.name}
            playbook={shown}
            canRun={can('chat')}
            canDelete={can('admin')}
            onRun={run}
            onDelete={remove}
          />
        ) : (
          <StateMessage kind="empty" compact title="No playbook selected" />
        )}
      </Panel>
    </div>
  );
}
