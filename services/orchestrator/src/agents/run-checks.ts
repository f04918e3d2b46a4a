import type { ActionArgs, AgentDecision, AgentTemplate } from '@pagi/contracts';
import { CodedError } from '@pagi/contracts';
import { whyUnrunnable } from '../chat/runnable.ts';
import { commandLine } from '../planner/answers.ts';
import type { RunLoopDeps } from './run-steps.ts';
import type { RunRow } from './run-store.ts';

// The bounds and rules a run's next step must meet: its time, steps and tokens; an action within the template's
// tools and domains and the tool policy; a sub-agent within the depth and fan-out limits.

const TOP_K = 5;
type Acting = Extract<AgentDecision, { action: 'query_memory' | 'execute_tool' }>;

export /** A call bounded by `ms`: rejects with deadline_exceeded after it (the call itself is left to finish or fail). */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CodedError('deadline_exceeded', `${what} took longer than ${ms / 1000} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The time the next step may take, or why the run must end now. */
export function stepBudget(
  row: RunRow,
  template: AgentTemplate,
  segmentMs: number,
  planning: boolean,
  /** The model's price (LLM_USD_PER_MILLION_TOKENS), which a money budget is counted with. */
  usdPerMillionTokens?: number,
): number | string {
  // Steps and tokens are spent by planning; an action already approved still runs within the time left.
  if (planning && row.steps_used >= row.max_steps) {
    return `Stopped after ${row.max_steps} steps without reaching the goal (the template's max_steps).`;
  }
  const maxTokens = template.budget.max_tokens;
  if (planning && maxTokens !== undefined && row.tokens_used >= maxTokens) {
    return `Stopped: the run used ${row.tokens_used} tokens of its budget of ${maxTokens}.`;
  }
  const maxCost = template.budget.max_cost_usd;
  const spent = usdPerMillionTokens === undefined ? undefined : (row.tokens_used * usdPerMillionTokens) / 1e6;
  if (planning && maxCost !== undefined && spent !== undefined && spent >= maxCost) {
    return `Stopped: the run cost about $${spent.toFixed(4)} of its budget of $${maxCost}.`;
  }
  const left = template.timeout_s * 1000 - (row.active_ms + segmentMs);
  if (left <= 0) return `Stopped: the run used its ${template.timeout_s} s of working time.`;
  return Math.min(template.step_timeout_s * 1000, left);
}

/** The exact arguments of a planned action, or why it is not proposed (said to the planner as a step). */
export async function checkAction(
  d: Pick<RunLoopDeps, 'tools' | 'logger' | 'limits'>,
  row: RunRow,
  template: AgentTemplate,
  decision: Acting,
): Promise<{ args: ActionArgs } | { refusal: string }> {
  if (decision.action === 'execute_tool') {
    const cmd = commandLine(decision.tool_name, decision.args);
    if (!template.tools.includes(decision.tool_name)) {
      const tools = template.tools.join(', ') || 'none';
      return {
        refusal: `\`${cmd}\` was not proposed: ${decision.tool_name} is not among the ${template.name} agent's tools (${tools}).`,
      };
    }
    const why = await whyUnrunnable(d.tools, d.logger, { ...decision, action: 'execute_tool' }, row.twin_id);
    if (why !== undefined) return { refusal: `\`${cmd}\` cannot run: ${why}` };
    return { args: { tool_name: decision.tool_name, args: decision.args, reason: decision.reason } };
  }
  const domains = decision.domains ?? template.memory_domains;
  const outside = domains.filter((x) => !template.memory_domains.includes(x));
  if (outside.length) {
    return { refusal: `The search was not proposed: the ${template.name} agent may not search ${outside.join(', ')}.` };
  }
  return { args: { query: decision.query, domains, top_k: TOP_K, namespace: d.limits.namespace } };
}

/** Why `parent` may not get another sub-agent of `template`, or null. */
export function spawnRefusal(
  d: Pick<RunLoopDeps, 'templates' | 'limits' | 'store'>,
  parent: RunRow,
  template: string,
): string | null {
  if (!d.templates.get(template)) return `there is no agent template named "${template}".`;
  if (parent.depth + 1 > d.limits.maxDepth) return `sub-agents nest at most ${d.limits.maxDepth} deep.`;
  if (d.store.children(parent.run_id).length >= d.limits.maxChildren) {
    return `a run has at most ${d.limits.maxChildren} sub-agents.`;
  }
  return null;
}
