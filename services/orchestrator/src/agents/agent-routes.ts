import type { TemplateRegistry } from '@pagi/agents';
import { identityOf } from '@pagi/auth';
import {
  AgentName,
  type AgentRunList,
  type AgentRunSummary,
  parseWith,
  RunId,
  RunPlaybookRequest,
  RunStatus,
  SavePlaybookRequest,
  ScheduleInput,
  StartRunRequest,
} from '@pagi/contracts';
import { openSse } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AgentRuns } from './agent-runs.ts';
import type { Playbooks } from './playbooks.ts';
import type { Scheduler } from './scheduler.ts';

const RunParams = z.object({ id: RunId });
const NameParams = z.object({ name: AgentName });
const ScheduleParams = z.object({ id: z.string().regex(/^sch_[A-Za-z0-9_-]{6,32}$/, 'a schedule id (sch_…)') });
const RunsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  status: RunStatus.optional(),
});
const PlaybookRunBody = RunPlaybookRequest.extend({ twin_id: StartRunRequest.shape.twin_id });

export interface AgentRouteDeps {
  templates: TemplateRegistry;
  runs: AgentRuns;
  playbooks: Playbooks;
  scheduler: Scheduler;
}

/**
 * Agents over HTTP: templates, runs (each person sees their own), the live events of their runs, playbooks and
 * schedules. Approving an agent's action is the chat's /v1/actions/:id/approve.
 */
export function registerAgentRoutes(app: FastifyInstance, d: AgentRouteDeps): void {
  app.get('/api/agents/templates', async () => d.templates.list());

  app.get('/api/agents/runs', async (req): Promise<AgentRunList> => {
    const { limit, status } = parseWith(RunsQuery, req.query);
    return { runs: d.runs.list(identityOf(req).user_id, limit, status) };
  });

  app.post('/api/agents/runs', async (req, reply): Promise<AgentRunSummary> => {
    const body = parseWith(StartRunRequest, req.body);
    const who = identityOf(req);
    const run = d.runs.start({ ...body, user_id: who.user_id });
    reply.code(201);
    return run;
  });

  app.get('/api/agents/runs/:id', async (req) =>
    d.runs.detail(parseWith(RunParams, req.params).id, identityOf(req).user_id),
  );

  app.post('/api/agents/runs/:id/stop', async (req) => {
    const who = identityOf(req);
    return d.runs.stop(parseWith(RunParams, req.params).id, who.user_id, who.name);
  });

  app.get('/api/agents/events', async (req, reply) => {
    const userId = identityOf(req).user_id;
    const sse = openSse(reply, { subscription: true });
    const send = (event: unknown, owner: string) => {
      if (owner === userId) sse.send(event);
    };
    d.runs.loop.on('event', send);
    reply.raw.on('close', () => d.runs.loop.off('event', send));
  });

  app.post('/api/agents/runs/:id/playbook', async (req, reply) => {
    const { id } = parseWith(RunParams, req.params);
    const playbook = await d.playbooks.saveFromRun(
      id,
      identityOf(req).user_id,
      parseWith(SavePlaybookRequest, req.body),
    );
    reply.code(201);
    return playbook;
  });

  app.get('/api/agents/playbooks', async () => d.playbooks.store.list());

  app.get('/api/agents/playbooks/:name', async (req) => d.playbooks.store.get(parseWith(NameParams, req.params).name));

  app.delete('/api/agents/playbooks/:name', async (req, reply) => {
    d.playbooks.store.delete(parseWith(NameParams, req.params).name);
    reply.code(204);
  });

  app.post('/api/agents/playbooks/:name/run', async (req, reply) => {
    const { name } = parseWith(NameParams, req.params);
    const { params, twin_id } = parseWith(PlaybookRunBody, req.body ?? {});
    const run = d.playbooks.run(name, params, { user_id: identityOf(req).user_id, twin_id });
    reply.code(201);
    return run;
  });

  app.get('/api/agents/schedules', async () => ({ schedules: d.scheduler.list() }));

  app.post('/api/agents/schedules', async (req, reply) => {
    const created = d.scheduler.create(identityOf(req).user_id, parseWith(ScheduleInput, req.body));
    reply.code(201);
    return created;
  });

  app.put('/api/agents/schedules/:id', async (req) =>
    d.scheduler.update(parseWith(ScheduleParams, req.params).id, parseWith(ScheduleInput, req.body)),
  );

  app.delete('/api/agents/schedules/:id', async (req, reply) => {
    d.scheduler.delete(parseWith(ScheduleParams, req.params).id);
    reply.code(204);
  });
}
