import { z } from 'zod';
import { AgentName } from './agents.ts';
import { ActionResult, PendingAction } from './chat.ts';
import { Domain } from './domains.ts';
import { ToolArgs, ToolName, TwinId } from './ids.ts';

// Agent runs: an agent works through a goal over many steps (plan → action → approval → observation → …), each step
// stored. The HTTP routes live under /api/agents; approvals use the chat's /v1/actions/:id/approve|deny.

export const RunId = z.string().regex(/^run_[A-Za-z0-9_-]{8,64}$/, 'a run id (run_…)');

/** waiting_*: the run waits for a person or for its sub-agents, without using steps. The last four are final. */
export const RUN_STATUSES = [
  'running',
  'waiting_approval',
  'waiting_children',
  'completed',
  'failed',
  'stopped',
  'interrupted',
] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;
export const FINAL_RUN_STATUSES: readonly RunStatus[] = ['completed', 'failed', 'stopped', 'interrupted'];

export const AgentGoal = z
  .string()
  .trim()
  .min(1, 'goal must not be empty')
  .max(4000, 'goal is at most 4000 characters');

/** What the agent's planner decides at each step. */
export const AgentDecision = z.discriminatedUnion('action', [
  z.object({ action: z.literal('finish'), result: z.string().trim().min(1).max(8000) }),
  z.object({ action: z.literal('give_up'), reason: z.string().trim().min(1).max(2000) }),
  z.object({
    action: z.literal('query_memory'),
    query: z.string().trim().min(1).max(1000),
    domains: z.array(Domain).max(4).optional(),
    reason: z.string().max(500).default(''),
  }),
  z.object({
    action: z.literal('execute_tool'),
    tool_name: z.string().min(1).max(128),
    args: z.array(z.string()).max(64).default([]),
    reason: z.string().max(500).default(''),
  }),
  z.object({ action: z.literal('spawn'), template: AgentName, goal: AgentGoal }),
]);
export type AgentDecision = z.infer<typeof AgentDecision>;

export const STEP_KINDS = [
  'plan',
  'action',
  'approval',
  'observation',
  'spawn',
  'child_result',
  'error',
  'end',
] as const;
export const StepKind = z.enum(STEP_KINDS);

/** One stored step of a run; `text` says what happened in a sentence a person reads. */
export const AgentStep = z.object({
  seq: z.number().int().min(1),
  kind: StepKind,
  at: z.string(),
  text: z.string(),
  decision: AgentDecision.optional(),
  action_id: z.string().optional(),
  /** An approval step's outcome. */
  outcome: z.enum(['approved', 'denied', 'expired', 'pre_approved']).optional(),
  result: ActionResult.optional(),
  child_run_id: z.string().optional(),
});
export type AgentStep = z.infer<typeof AgentStep>;

export const RunSource = z.enum(['person', 'agent', 'playbook', 'schedule']);

export const AgentRunSummary = z.object({
  run_id: RunId,
  template: AgentName,
  goal: z.string(),
  parent_run_id: RunId.nullable(),
  root_run_id: RunId,
  depth: z.number().int().min(0),
  /** The session its approval cards belong to (shared by a run tree). */
  session_id: z.string(),
  status: RunStatus,
  /** Why it waits or why it ended, in a sentence. */
  reason: z.string(),
  result: z.string().nullable(),
  source: RunSource,
  playbook: z.string().nullable(),
  schedule_id: z.string().nullable(),
  steps_used: z.number().int(),
  max_steps: z.number().int(),
  tokens_used: z.number().int(),
  pending_action_ids: z.array(z.string()),
  children: z.array(RunId),
  created_at: z.string(),
  updated_at: z.string(),
  ended_at: z.string().nullable(),
});
export type AgentRunSummary = z.infer<typeof AgentRunSummary>;

/** GET /api/agents/runs/:id */
export const AgentRunDetail = AgentRunSummary.extend({
  steps: z.array(AgentStep),
  pending_actions: z.array(PendingAction),
});
export type AgentRunDetail = z.infer<typeof AgentRunDetail>;

export const AgentRunList = z.object({ runs: z.array(AgentRunSummary) });
export type AgentRunList = z.infer<typeof AgentRunList>;

/** POST /api/agents/runs */
export const StartRunRequest = z
  .object({
    template: AgentName,
    goal: AgentGoal,
    parent_run_id: RunId.optional(),
    /** Whose tool policy applies to its tool runs; the UI's twin by default. */
    twin_id: TwinId.default('twin-default'),
  })
  .strict();
export type StartRunRequest = z.infer<typeof StartRunRequest>;

/** SSE /api/agents/events: a run changed (status, counts), or a run stored a step. */
export const AgentEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), run: AgentRunSummary }),
  z.object({ type: z.literal('step'), run_id: RunId, root_run_id: RunId, step: AgentStep }),
]);
export type AgentEvent = z.infer<typeof AgentEvent>;

/** The answer to approving or denying an agent's action: the run goes on by itself. */
export const AgentDecisionResponse = z.object({ action: PendingAction, run_id: RunId });
export type AgentDecisionResponse = z.infer<typeof AgentDecisionResponse>;

// Playbooks: the steps of a finished run that worked, with {{parameters}}, run again on demand or on a schedule.

export const ParamName = z.string().regex(/^[a-z_][a-z0-9_]{0,31}$/, 'a parameter name: a-z, 0-9 and _, at most 32');
export const ParamValue = z.string().min(1).max(500);
const PreApproved = z.boolean().default(false);

export const PlaybookStep = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('query_memory'),
    query: z.string().min(1).max(1000),
    domains: z.array(Domain).max(4).optional(),
    pre_approved: PreApproved,
  }),
  z.object({ kind: z.literal('execute_tool'), tool_name: ToolName, args: ToolArgs.max(64), pre_approved: PreApproved }),
]);
export type PlaybookStep = z.infer<typeof PlaybookStep>;

const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g;
/** Parameter names used as {{name}} in a text. */
export const placeholdersIn = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
const stepTexts = (s: PlaybookStep) => (s.kind === 'query_memory' ? [s.query] : [s.tool_name, ...s.args]);

export const Playbook = z
  .object({
    name: AgentName,
    version: z.number().int().min(1).default(1),
    description: z.string().trim().min(1).max(2000),
    /** The template whose role and bounds a run of the playbook has. */
    template: AgentName,
    goal: AgentGoal,
    params: z
      .array(
        z.object({ name: ParamName, description: z.string().max(300).default(''), default: ParamValue.optional() }),
      )
      .max(16)
      .default([]),
    steps: z.array(PlaybookStep).min(1).max(50),
    source_run_id: z.string().optional(),
    written_by: z.enum(['llm', 'extracted', 'person']).default('person'),
  })
  .strict()
  .superRefine((p, ctx) => {
    const declared = new Set(p.params.map((x) => x.name));
    p.steps.forEach((s, i) => {
      const used = stepTexts(s).flatMap(placeholdersIn);
      for (const name of used) {
        if (!declared.has(name))
          ctx.addIssue({ code: 'custom', path: ['steps', i], message: `{{${name}}} is not a declared parameter` });
      }
      // Only an exact step may be pre-approved: one whose arguments no parameter can change.
      if (s.pre_approved && used.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'pre_approved'],
          message: 'a step with parameters cannot be pre-approved',
        });
      }
      if (s.pre_approved && s.kind === 'execute_tool' && s.tool_name.includes('{{')) {
        ctx.addIssue({ code: 'custom', path: ['steps', i], message: 'a tool name cannot be a parameter' });
      }
    });
    for (const name of placeholdersIn(p.goal)) {
      if (!declared.has(name))
        ctx.addIssue({ code: 'custom', path: ['goal'], message: `{{${name}}} is not a declared parameter` });
    }
  });
export type Playbook = z.infer<typeof Playbook>;

export const PlaybookList = z.object({
  playbooks: z.array(Playbook.safeExtend({ file: z.string() })),
  errors: z.array(z.object({ file: z.string(), message: z.string() })),
});
export type PlaybookList = z.infer<typeof PlaybookList>;

/** POST /api/agents/runs/:id/playbook: `params` names values of the run that become {{parameters}}. */
export const SavePlaybookRequest = z
  .object({
    name: AgentName,
    description: z.string().trim().min(1).max(2000).optional(),
    params: z.record(ParamName, ParamValue).optional(),
  })
  .strict();
export type SavePlaybookRequest = z.infer<typeof SavePlaybookRequest>;

/** POST /api/agents/playbooks/:name/run */
export const RunPlaybookRequest = z.object({ params: z.record(ParamName, ParamValue).default({}) }).strict();

// Schedules: a cron expression in a time zone that starts a playbook or an agent goal.

export const ScheduleTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('playbook'), playbook: AgentName, params: z.record(ParamName, ParamValue).default({}) }),
  z.object({ kind: z.literal('goal'), template: AgentName, goal: AgentGoal }),
]);
export type ScheduleTarget = z.infer<typeof ScheduleTarget>;

/** Missed runs while the twin was down: `skip` them, or `run_once` for all of them at start-up. */
export const MissedPolicy = z.enum(['skip', 'run_once']);

export const ScheduleInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    cron: z.string().trim().min(9).max(120),
    timezone: z.string().min(1).max(64).default('UTC'),
    target: ScheduleTarget,
    enabled: z.boolean().default(true),
    missed: MissedPolicy.default('skip'),
  })
  .strict();
export type ScheduleInput = z.infer<typeof ScheduleInput>;

export const ScheduleFiring = z.object({
  scheduled_for: z.string(),
  at: z.string(),
  outcome: z.enum(['started', 'missed', 'failed']),
  run_id: z.string().nullable(),
  detail: z.string(),
});
export type ScheduleFiring = z.infer<typeof ScheduleFiring>;

export const Schedule = z.object({
  id: z.string(),
  name: z.string(),
  cron: z.string(),
  timezone: z.string(),
  target: ScheduleTarget,
  enabled: z.boolean(),
  missed: MissedPolicy,
  next_run_at: z.string().nullable(),
  last_fired_at: z.string().nullable(),
  created_at: z.string(),
  history: z.array(ScheduleFiring),
});
export type Schedule = z.infer<typeof Schedule>;

export const ScheduleList = z.object({ schedules: z.array(Schedule) });
export type ScheduleList = z.infer<typeof ScheduleList>;
