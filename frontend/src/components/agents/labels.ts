import type { AgentRunSummary, AgentStep, RunStatus } from '@pagi/contracts';

// The words and colours the Agents view uses for run statuses and step kinds.

export const STATUS_TEXT: Record<RunStatus, string> = {
  running: 'Running',
  waiting_approval: 'Waiting for approval',
  waiting_children: 'Waiting for sub-agents',
  completed: 'Completed',
  failed: 'Failed',
  stopped: 'Stopped',
  interrupted: 'Interrupted',
};

/** The pill tone of each status. */
export const STATUS_TONE: Record<RunStatus, 'ok' | 'warn' | 'error' | 'info' | 'plain'> = {
  running: 'info',
  waiting_approval: 'warn',
  waiting_children: 'info',
  completed: 'ok',
  failed: 'error',
  stopped: 'plain',
  interrupted: 'error',
};

export const KIND_TEXT: Record<AgentStep['kind'], string> = {
  plan: 'Plan',
  action: 'Action',
  approval: 'Approval',
  observation: 'Observation',
  spawn: 'Sub-agent',
  child_result: 'Sub-agent result',
  error: 'Error',
  end: 'End',
};

export const SOURCE_TEXT: Record<AgentRunSummary['source'], string> = {
  person: 'started by you',
  agent: 'started by its parent agent',
  playbook: 'a playbook run',
  schedule: 'started by a schedule',
};

/** The readable part of a run id (run_abc… → abc…, 10 characters). */
export const shortRun = (runId: string) => runId.replace(/^run_/, '').slice(0, 10);

/** A date and time in the person's locale, or a dash. */
export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium', hour12: false });
}
