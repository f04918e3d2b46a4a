import type { ActionResult, AgentDecision } from '@pagi/contracts';
import { commandLine, sourceOf } from '../planner/answers.ts';

// The sentences a run's steps are stored with: what a person reads in the run's timeline, and what the planner sees
// of the steps so far.

const OUTPUT_CHARS = 400;

export function describeDecision(d: AgentDecision): string {
  switch (d.action) {
    case 'finish':
      return 'Plans to finish: the goal is reached.';
    case 'give_up':
      return `Gives up: ${d.reason}`;
    case 'spawn':
      return `Plans to ask the ${d.template} agent to: ${d.goal}`;
    case 'query_memory':
      return `Plans to search memory for "${d.query}"${d.reason ? ` (${d.reason})` : ''}.`;
    case 'execute_tool':
      return `Plans to run \`${commandLine(d.tool_name, d.args)}\`${d.reason ? ` (${d.reason})` : ''}.`;
  }
}

export const actionPhrase = (d: Extract<AgentDecision, { action: 'query_memory' | 'execute_tool' }>) =>
  d.action === 'query_memory' ? `searching memory for "${d.query}"` : `running \`${commandLine(d.tool_name, d.args)}\``;

export function observe(result: ActionResult): string {
  if (result.kind === 'query_memory') {
    if (!result.results.length) return `Found no memories for "${result.query}".`;
    const hits = result.results
      .slice(0, 3)
      .map((h, i) => `[${i + 1}] ${sourceOf(h)}: ${h.content.replace(/\s+/g, ' ').slice(0, 120)}`);
    return `Found ${result.results.length} memories for "${result.query}": ${hits.join(' ')}`;
  }
  const out = result.output.trim();
  const shown = out.length > OUTPUT_CHARS ? `${out.slice(0, OUTPUT_CHARS)}…` : out;
  const how = result.timed_out ? 'timed out' : `exited ${result.exit_code}`;
  const cut = result.truncated ? ' (output cut)' : '';
  return `\`${commandLine(result.tool_name, result.args)}\` ${how}: ${shown || '(no output)'}${cut}`;
}
