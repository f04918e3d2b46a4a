import type { AgentDecision, AgentStep, PlaybookStep } from '@pagi/contracts';
import { mockDecide } from '../planner/mock-planner.ts';

// The offline planner of agent runs: deterministic, so tests and the no-key experience can drive a run. The goal is
// read as explicit steps, separated by "then", ";" or new lines, each phrased as in the chat ("search my memory for
// …", "run <command> …"), plus "ask <agent> to <goal>" for a sub-agent and "repeat: <step>" for a step that never ends.

const SPAWN = /^(?:ask|delegate\s+to)\s+(?:the\s+)?([a-z0-9][a-z0-9._-]*)(?:\s+agent)?\s+to\s+(.+)$/i;
const REPEAT = /^(?:repeat|forever)\s*:\s*(.+)$/i;
const SEPARATORS = /\s*(?:\bthen\b|;|\n)\s*/i;

export const OFFLINE_HELP =
  'The offline planner follows explicit steps only: "search my memory for <topic>", "run <command> <args>" or ' +
  '"ask <agent> to <goal>", separated by "then".';

interface Clause {
  decision: Exclude<AgentDecision, { action: 'finish' | 'give_up' }>;
  repeat: boolean;
}

function clauseOf(text: string): Clause | null {
  const repeated = REPEAT.exec(text);
  const body = (repeated?.[1] ?? text).trim().replace(/^(?:and|,)\s+/i, '');
  const spawn = SPAWN.exec(body);
  if (spawn?.[1] && spawn[2]) {
    return {
      decision: { action: 'spawn', template: spawn[1].toLowerCase(), goal: spawn[2].trim() },
      repeat: !!repeated,
    };
  }
  const planned = mockDecide(body);
  if (planned.action === 'query_memory') {
    const { query, domains } = planned;
    return {
      decision: { action: 'query_memory', query, reason: 'a step of the goal', ...(domains ? { domains } : {}) },
      repeat: !!repeated,
    };
  }
  if (planned.action === 'execute_tool') {
    const { tool_name, args } = planned;
    return { decision: { action: 'execute_tool', tool_name, args, reason: 'a step of the goal' }, repeat: !!repeated };
  }
  return null;
}

/** Steps that planned something to do (each consumes one step of the goal). */
const planned = (steps: AgentStep[]) =>
  steps.filter(
    (s) => s.kind === 'plan' && s.decision && s.decision.action !== 'finish' && s.decision.action !== 'give_up',
  );

/** Why the last planned action did not run, when a person refused it or let it expire. */
function refusal(steps: AgentStep[]): string | null {
  const lastPlan = steps.findLastIndex((s) => s.kind === 'plan');
  const approval = steps.slice(lastPlan + 1).find((s) => s.kind === 'approval');
  if (approval?.outcome === 'denied' || approval?.outcome === 'expired') return approval.text;
  return null;
}

/** What the run found, one line per observation, as the final result. */
export function summarize(steps: AgentStep[]): string {
  const lines = steps
    .filter((s) => s.kind === 'observation' || s.kind === 'child_result' || s.kind === 'error')
    .map((s) => `- ${s.text}`);
  return lines.length ? `Done.\n${lines.join('\n')}` : 'Done; there was nothing to do.';
}

/** The next decision of an offline run toward `goal`, from the steps so far. */
export function mockNextStep(goal: string, steps: AgentStep[]): AgentDecision {
  const refused = refusal(steps);
  if (refused) return { action: 'give_up', reason: `${refused} I cannot reach the goal without it, so I stop here.` };
  const clauses = goal
    .split(SEPARATORS)
    .map((c) => clauseOf(c))
    .filter((c): c is Clause => c !== null);
  if (!clauses.length)
    return { action: 'give_up', reason: `I did not find a step I can take in the goal. ${OFFLINE_HELP}` };
  let position = planned(steps).length;
  for (const clause of clauses) {
    if (clause.repeat || position === 0) return clause.decision;
    position--;
  }
  return { action: 'finish', result: summarize(steps) };
}

/** The next decision of a playbook run: its fixed steps in order, then the summary. */
export function playbookNextStep(plan: PlaybookStep[], steps: AgentStep[]): AgentDecision {
  const refused = refusal(steps);
  if (refused)
    return { action: 'give_up', reason: `${refused} The playbook cannot go on without it, so it stops here.` };
  const next = plan[planned(steps).length];
  if (!next) return { action: 'finish', result: summarize(steps) };
  if (next.kind === 'query_memory') {
    return {
      action: 'query_memory',
      query: next.query,
      reason: 'a step of the playbook',
      ...(next.domains ? { domains: next.domains } : {}),
    };
  }
  return { action: 'execute_tool', tool_name: next.tool_name, args: next.args, reason: 'a step of the playbook' };
}
