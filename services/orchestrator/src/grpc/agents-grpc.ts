import {
  type AgentEvent,
  type AgentRunDetail,
  type AgentRunSummary,
  type AgentStep,
  parseWith,
  RunId,
  RunStatus,
  StartRunRequest,
} from '@pagi/contracts';
import type { AgentRun } from '@pagi/contracts/gen/orchestrator/AgentRun.ts';
import type { AgentStep as AgentStepMessage } from '@pagi/contracts/gen/orchestrator/AgentStep.ts';
import type { AsyncHandlers } from '@pagi/runtime';
import type { OrchestratorServiceHandlers } from '@pagi/runtime/gen/orchestrator/OrchestratorService.ts';
import { z } from 'zod';
import type { Agents } from '../agents/start-agents.ts';

// Agents over gRPC: the HTTP routes' requests and answers, checked by the same schemas. The service token stands for
// the twin's owner, the person "local" of a twin without accounts. Proto3 has no null: absent values travel as ''.

const OWNER = { user_id: 'local', name: 'local' };
const RunParam = z.object({ run_id: RunId });
const ListParams = z.object({ limit: z.number().int().min(0).max(500), status: RunStatus.or(z.literal('')) });

const stepMessage = (s: AgentStep): AgentStepMessage => ({
  seq: s.seq,
  kind: s.kind,
  at: s.at,
  text: s.text,
  action_id: s.action_id ?? '',
  outcome: s.outcome ?? '',
  child_run_id: s.child_run_id ?? '',
  result_json: s.result ? JSON.stringify(s.result) : '',
  decision_json: s.decision ? JSON.stringify(s.decision) : '',
});

const runMessage = (r: AgentRunSummary | AgentRunDetail): AgentRun => ({
  ...r,
  parent_run_id: r.parent_run_id ?? '',
  result: r.result ?? '',
  playbook: r.playbook ?? '',
  schedule_id: r.schedule_id ?? '',
  ended_at: r.ended_at ?? '',
  steps: 'steps' in r ? r.steps.map(stepMessage) : [],
});

type AgentHandlers = Pick<
  AsyncHandlers<OrchestratorServiceHandlers>,
  'ListAgentTemplates' | 'StartAgentRun' | 'GetAgentRun' | 'ListAgentRuns' | 'StopAgentRun' | 'WatchAgentRuns'
>;

export function agentHandlers(agents: Agents): AgentHandlers {
  const { runs } = agents;
  return {
    ListAgentTemplates: async () => {
      const list = agents.templates.list();
      return {
        errors: list.errors,
        templates: list.templates.map((t) => ({ ...t, auto_approve: [...t.auto_approve] })),
      };
    },
    StartAgentRun: async (req) => {
      const body = parseWith(StartRunRequest, {
        template: req.template,
        goal: req.goal,
        ...(req.parent_run_id ? { parent_run_id: req.parent_run_id } : {}),
        ...(req.twin_id ? { twin_id: req.twin_id } : {}),
      });
      return runMessage(runs.start({ ...body, user_id: OWNER.user_id }));
    },
    GetAgentRun: async (req) => runMessage(runs.detail(parseWith(RunParam, req).run_id, OWNER.user_id)),
    ListAgentRuns: async (req) => {
      const { limit, status } = parseWith(ListParams, req);
      return { runs: runs.list(OWNER.user_id, limit || 200, status || undefined).map(runMessage) };
    },
    StopAgentRun: async (req) => {
      const { run_id } = parseWith(RunParam, req);
      runs.stop(run_id, OWNER.user_id, OWNER.name);
      return runMessage(runs.detail(run_id, OWNER.user_id));
    },
    WatchAgentRuns: (_req, call) => {
      const send = (event: AgentEvent, owner: string) => {
        if (owner !== OWNER.user_id) return;
        call.write(
          event.type === 'run'
            ? { type: 'run', run: runMessage(event.run), run_id: event.run.run_id }
            : { type: 'step', run_id: event.run_id, step: stepMessage(event.step) },
        );
      };
      const done = () => {
        runs.loop.off('event', send);
        runs.loop.off('closed', end);
      };
      // The twin shutting down ends the stream, so the server need not wait for the caller to hang up.
      const end = () => {
        done();
        call.end();
      };
      runs.loop.on('event', send);
      runs.loop.on('closed', end);
      call.on('cancelled', done);
      call.on('close', done);
    },
  };
}
