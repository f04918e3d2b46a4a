import { AgentDecision, type AgentStep, type AgentTemplate, CodedError, type PlannerInfo } from '@pagi/contracts';
import { completeValidated, describeLlmFailure, type LlmClient, type LlmMessage } from '@pagi/llm';
import type { Logger } from '@pagi/runtime';
import { mockNextStep } from './mock-agent-planner.ts';

export interface AgentPlanContext {
  goal: string;
  template: AgentTemplate;
  steps: AgentStep[];
  /** Tools the agent may propose: the template's, as far as the tool policy allows them. */
  tools: string[];
}

export interface AgentPlan {
  decision: AgentDecision;
  tokens: number;
  info: PlannerInfo;
}

const FORMAT =
  '{"action":"query_memory","query":"...","domains":["mind"],"reason":"..."} | ' +
  '{"action":"execute_tool","tool_name":"...","args":["..."],"reason":"..."} | ' +
  '{"action":"spawn","template":"<agent name>","goal":"..."} | {"action":"finish","result":"..."} | ' +
  '{"action":"give_up","reason":"..."}';
const STEPS_SHOWN = 24;
const STEP_CHARS = 1500;

/**
 * Decides an agent's next step. With an LLM: the template's role, the goal, the allowed tools and the steps so far,
 * answered as one validated JSON decision (one repair round). Without one, or when it fails: the offline planner.
 */
export class AgentPlanner {
  private readonly llm: LlmClient | null;
  private readonly logger: Logger;

  constructor(deps: { llm: LlmClient | null; logger: Logger }) {
    this.llm = deps.llm;
    this.logger = deps.logger;
  }

  async next(ctx: AgentPlanContext, timeoutMs: number, signal?: AbortSignal): Promise<AgentPlan> {
    if (!this.llm)
      return { decision: mockNextStep(ctx.goal, ctx.steps), tokens: 0, info: { provider: 'mock', fallback: false } };
    let tokens = 0;
    try {
      const { value } = await completeValidated(this.llm, messagesFor(ctx), AgentDecision, {
        timeoutMs,
        logger: this.logger,
        format: FORMAT,
        signal,
        onUsage: (n) => {
          tokens += n;
        },
      });
      return { decision: value, tokens, info: { provider: 'openrouter', model: this.llm.model, fallback: false } };
    } catch (err) {
      if (signal?.aborted) throw new CodedError('cancelled', 'the run was stopped');
      const reason = describeLlmFailure(err);
      if (reason === 'LLM request timed out')
        throw new CodedError('deadline_exceeded', `planning timed out after ${timeoutMs} ms`);
      this.logger.warn({ reason }, 'agent planning failed: using the offline planner');
      return {
        decision: mockNextStep(ctx.goal, ctx.steps),
        tokens,
        info: { provider: 'mock', model: this.llm.model, fallback: true, fallback_reason: reason },
      };
    }
  }
}

function messagesFor(ctx: AgentPlanContext): LlmMessage[] {
  const { template } = ctx;
  const system = [
    template.role,
    '',
    'You work toward the goal one step at a time. Each reply is exactly one JSON object:',
    FORMAT,
    `Tools you may propose: ${ctx.tools.length ? ctx.tools.join(', ') : 'none'}.`,
    `Memory domains you may search: ${template.memory_domains.join(', ')}.`,
    'A person approves or denies each action; when one is denied, choose another way or give up with the reason.',
    'Finish as soon as the goal is reached, with a result that says what you found and cites it.',
  ].join('\n');
  const shown = ctx.steps
    .slice(-STEPS_SHOWN)
    .map((s) => ({ step: s.seq, kind: s.kind, text: s.text.slice(0, STEP_CHARS) }));
  return [
    { role: 'system', content: system },
    { role: 'user', content: JSON.stringify({ goal: ctx.goal, steps_so_far: shown }) },
  ];
}
