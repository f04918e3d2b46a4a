import type { ActionArgs, ActionResult, MemoryHit, PendingAction } from '@pagi/contracts';

const EXCERPT_CHARS = 280;
const OUTPUT_CHARS = 2000;

const excerpt = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** A printable command line for argv (quoting only where needed, for display). */
export function commandLine(tool: string, args: string[]): string {
  return [tool, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function sourceOf(hit: MemoryHit): string {
  return hit.title || hit.source_file || hit.metadata.source_file || hit.metadata.source || hit.id;
}

/** "[1] Security Audit (soul)" lines: the numbering the answer's citations refer to. */
export function sourcesFooter(hits: MemoryHit[]): string {
  if (hits.length === 0) return '';
  return `\n\nSources:\n${hits.map((h, i) => `[${i + 1}] ${sourceOf(h)}${h.domain ? ` (${h.domain})` : ''}`).join('\n')}`;
}

/** What the twin says while an action waits for approval. */
export function approvalRequest(action: PendingAction): string {
  const args = action.args as ActionArgs;
  if ('query' in args) {
    const scope = args.domains.length
      ? ` in the ${args.domains.join(', ')} domain${args.domains.length > 1 ? 's' : ''}`
      : '';
    return `I'd like to search your memory for "${args.query}"${scope} (top ${args.top_k}). Approve or deny this request.`;
  }
  const why = args.reason ? ` — ${args.reason}` : '';
  return `I'd like to run \`${commandLine(args.tool_name, args.args)}\`${why}. Approve or deny this request.`;
}

/** The answer after a denial: what was not done, the command in code style as the card shows it. */
export function denialAnswer(action: PendingAction): string {
  const args = action.args as ActionArgs;
  if ('query' in args) return `I did not search your memory for "${args.query}".`;
  return `I did not run \`${commandLine(args.tool_name, args.args)}\`.`;
}

const lineCount = (text: string) => text.trimEnd().split('\n').length;

/**
 * The readable final answer of the offline planner for an executed action. A tool's output is shown once, in its
 * result card: the answer says how the run ended and how much it printed, and whether the output was cut.
 */
export function templateAnswer(result: ActionResult): string {
  if (result.kind === 'query_memory') {
    if (result.results.length === 0) return `I found nothing in your memory about "${result.query}".`;
    const lines = result.results.map((h, i) => `[${i + 1}] ${excerpt(h.content, EXCERPT_CHARS)}`);
    return `Here is what I found in your memory about "${result.query}":\n${lines.join('\n')}`;
  }
  const cmd = commandLine(result.tool_name, result.args);
  const lines = lineCount(result.output);
  const out = result.output.trim()
    ? ` It printed ${lines} line${lines === 1 ? '' : 's'}, shown in the result above.`
    : ' It printed nothing.';
  const err = result.stderr.trim() ? ' It also wrote to its error output, shown under it.' : '';
  const how = result.timed_out
    ? 'was stopped after timing out'
    : result.exit_code === 0
      ? 'finished successfully'
      : `exited with code ${result.exit_code}`;
  const cut = result.truncated ? ' The output was cut at the size limit, so only its beginning was kept.' : '';
  return `\`${cmd}\` ${how}.${out}${err}${cut}`;
}

function excerpt2(text: string): string {
  const t = text.trimEnd();
  return t.length > OUTPUT_CHARS ? `${t.slice(0, OUTPUT_CHARS)}\n…` : t;
}

/** The action's result as the LLM sees it when writing the final answer. */
export function resultForLlm(result: ActionResult): string {
  if (result.kind === 'query_memory') {
    if (result.results.length === 0) return `Memory search for "${result.query}" found nothing.`;
    return `Memory search for "${result.query}" returned:\n${result.results
      .map((h, i) => `[${i + 1}] (source: ${sourceOf(h)}, domain: ${h.domain || 'none'}) ${excerpt(h.content, 1200)}`)
      .join('\n')}`;
  }
  return (
    `Tool run \`${commandLine(result.tool_name, result.args)}\`: exit code ${result.exit_code}${
      result.timed_out ? ' (timed out)' : ''
    }${result.truncated ? ' (output cut at the size limit: only its beginning was kept; say so)' : ''}\n` +
    `stdout:\n${excerpt2(result.output)}\nstderr:\n${excerpt2(result.stderr)}\n` +
    '(The person sees this output in the result card: summarize it, do not repeat it whole.)'
  );
}
