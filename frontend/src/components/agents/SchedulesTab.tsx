import type { AgentTemplateList, PlaybookList, Schedule, ScheduleInput, ScheduleList } from '@pagi/contracts';
import { useState } from 'react';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import type { Resource } from '../../hooks/useResource.ts';
import { createSchedule, deleteSchedule, updateSchedule } from '../../services/agentsApi.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';
import { ScheduleItem } from './ScheduleItem.tsx';

interface Props {
  schedules: Resource<ScheduleList>;
  templates: AgentTemplateList['templates'];
  playbooks: PlaybookList['playbooks'];
  onSelectRun: (runId: string) => void;
}

/** Schedules that start playbooks or goals: the list with their firings, and the form to create or edit one. */
export function SchedulesTab({ schedules, templates, playbooks, onSelectRun }: Props) {
  // Schedules start runs unattended: managing them is the owner's.
  const canAct = useAuth().can('admin');
  const [editing, setEditing] = useState<Schedule | null>(null);
  const [formKey, setFormKey] = useState(0);
  const list = schedules.data?.schedules ?? [];

  const save = async (input: ScheduleInput) => {
    if (editing) await updateSchedule(editing.id, input);
    else await createSchedule(input);
    setEditing(null);
    setFormKey((k) => k + 1);
    schedules.refresh();
  };
  const update = async (id: string, input: ScheduleInput) => {
    await updateSchedule(id, input);
    schedules.refresh();
  };
  const remove = async (id: string) => {
    await deleteSchedule(id);
    if (editing?.id === id) setEditing(null);
    schedules.refresh();
  };

  return (
    <div className="agents__split" data-testid="agents-schedules">
      <Panel title="Schedules" subtitle="Each firing starts a run; its actions still wait for you">
        {schedules.error && (
          <StateMessage kind="error" compact title="Schedules could not be read" detail={schedules.error} />
        )}
        {!schedules.data && !schedules.error && <StateMessage kind="loading" compact title="Reading schedules…" />}
        {schedules.data && list.length === 0 && (
          <StateMessage kind="empty" compact title="No schedules" detail="Create one with the form." />
        )}
        {list.length > 0 && (
          <ul className="agents__cards" data-testid="schedule-list">
            {list.map((s) => (
              <ScheduleItem
                key={s.id}
                schedule={s}
                canAct={canAct}
                onUpdate={update}
                onDelete={remove}
                onEdit={setEditing}
                onSelectRun={onSelectRun}
              />
            ))}
          </ul>
        )}
      </Panel>
      {canAct && (
        <Panel title={editing ? `Edit ${editing.name}` : 'New schedule'} className="agents__detail">
          <ScheduleForm
            key={editing ? `edit-${editing.id}` : `new-${formKey}`}
            templates={templates}
            playbooks={playbooks}
            editing={editing ?? undefined}
            onSubmit={save}
            onCancel={editing ? () => setEditing(null) : undefined}
          />
        </Panel>
      )}
    </div>
  );
}
