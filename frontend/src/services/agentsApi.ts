import {
  AgentDecisionResponse,
  AgentRunDetail,
  AgentRunList,
  AgentRunSummary,
  AgentTemplateList,
  Playbook,
  PlaybookList,
  type SavePlaybookRequest,
  Schedule,
  type ScheduleInput,
  ScheduleList,
  type StartRunRequest,
} from '@pagi/contracts';
import type { z } from 'zod';
import { gatewayPath } from '../config.ts';
import { csrfHeaders, sessionEnded } from './authSession.ts';
import { ApiError, getJson, postJson } from './http.ts';

// Agents through the gateway: templates, runs (a tree per goal), their live events, approvals of their actions,
// playbooks made from runs that worked, and schedules that start them.

export const AGENT_EVENTS_PATH = '/api/agents/events';

const seg = encodeURIComponent;

/** A PUT, or a DELETE whose success is 204 No Content: the shared JSON client has neither. Throws on refusal. */
async function send(method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(gatewayPath(path), {
      method,
      headers: {
        accept: 'application/json',
        ...csrfHeaders(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    if ((err as Error)?.name === 'TimeoutError') throw new ApiError(0, 'timeout', 'the gateway did not answer in time');
    throw new ApiError(0, 'unreachable', 'cannot reach the gateway');
  }
  if (res.ok) return res;
  if (res.status === 401) sessionEnded();
  const err = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  throw new ApiError(res.status, err?.error?.code ?? `http_${res.status}`, err?.error?.message ?? res.statusText);
}

async function putJson<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  const res = await send('PUT', path, body);
  const parsed = schema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new ApiError(res.status, 'bad_response', `unexpected response: ${parsed.error.message}`);
  return parsed.data;
}

const deleteEmpty = async (path: string): Promise<void> => {
  await send('DELETE', path);
};

export const listTemplates = (signal?: AbortSignal) => getJson('/api/agents/templates', AgentTemplateList, { signal });

/** What starting a run sends (the twin whose tool policy applies defaults to the UI's). */
export type NewRun = z.input<typeof StartRunRequest>;

export const listRuns = (signal?: AbortSignal) => getJson('/api/agents/runs', AgentRunList, { signal });

export const getRun = (id: string, signal?: AbortSignal) =>
  getJson(`/api/agents/runs/${seg(id)}`, AgentRunDetail, { signal });

export const startRun = (request: NewRun) => postJson('/api/agents/runs', request, AgentRunSummary);

/** Stops a run and every run under it. */
export const stopRun = (id: string) => postJson(`/api/agents/runs/${seg(id)}/stop`, {}, AgentRunSummary);

/**
 * Approves or denies an action an agent proposed. A plain JSON call (no event stream): the run carries on by itself
 * and its events show what happened.
 */
export const decideAction = (actionId: string, sessionId: string, decision: 'approve' | 'deny') =>
  postJson(`/v1/actions/${seg(actionId)}/${decision}`, { session_id: sessionId }, AgentDecisionResponse, {
    timeoutMs: 60_000,
  });

/** `params`: parameter name → the value of the run it replaces. */
export const savePlaybook = (runId: string, request: SavePlaybookRequest) =>
  postJson(`/api/agents/runs/${seg(runId)}/playbook`, request, Playbook);

export const listPlaybooks = (signal?: AbortSignal) => getJson('/api/agents/playbooks', PlaybookList, { signal });

export const deletePlaybook = (name: string) => deleteEmpty(`/api/agents/playbooks/${seg(name)}`);

export const runPlaybook = (name: string, params: Record<string, string>) =>
  postJson(`/api/agents/playbooks/${seg(name)}/run`, { params }, AgentRunSummary);

export const listSchedules = (signal?: AbortSignal) => getJson('/api/agents/schedules', ScheduleList, { signal });

export const createSchedule = (input: ScheduleInput) => postJson('/api/agents/schedules', input, Schedule);

export const updateSchedule = (id: string, input: ScheduleInput) =>
  putJson(`/api/agents/schedules/${seg(id)}`, input, Schedule);

export const deleteSchedule = (id: string) => deleteEmpty(`/api/agents/schedules/${seg(id)}`);
