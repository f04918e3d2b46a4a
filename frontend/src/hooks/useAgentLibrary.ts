import type { AgentTemplateList, PlaybookList, ScheduleList } from '@pagi/contracts';
import { listPlaybooks, listSchedules, listTemplates } from '../services/agentsApi.ts';
import { type Resource, useResource } from './useResource.ts';

/** Templates are hot-reloaded on the server, and schedules move (next run, firings): both are read again now and then. */
const TEMPLATES_MS = 30_000;
const SCHEDULES_MS = 20_000;

export interface AgentLibrary {
  templates: Resource<AgentTemplateList>;
  playbooks: Resource<PlaybookList>;
  schedules: Resource<ScheduleList>;
}

/**
 * What agents are made of and started from: templates, saved playbooks and schedules. `firings` (how many runs
 * schedules started) reloads the schedules as soon as one fires.
 */
export function useAgentLibrary(firings: number): AgentLibrary {
  const templates = useResource(listTemplates, TEMPLATES_MS);
  const playbooks = useResource(listPlaybooks);
  const schedules = useResource(listSchedules, SCHEDULES_MS, firings);
  return { templates, playbooks, schedules };
}
