import { type AgentStep, CodedError, type Playbook, type PlaybookStep } from '@pagi/contracts';

// From a run to a playbook (the steps that worked, values named as parameters), and back (parameters filled in).

/** The run's actions that worked, in order: memory searches, and tool runs that exited 0 in time. */
export function stepsThatWorked(steps: AgentStep[]): PlaybookStep[] {
  const out: PlaybookStep[] = [];
  for (const s of steps) {
    if (s.kind !== 'observation' || !s.result) continue;
    const r = s.result;
    if (r.kind === 'query_memory') {
      const plan = steps.find(
        (p) => p.kind === 'plan' && p.decision?.action === 'query_memory' && p.decision.query === r.query,
      );
      const domains = plan?.decision?.action === 'query_memory' ? plan.decision.domains : undefined;
      out.push({ kind: 'query_memory', query: r.query, pre_approved: false, ...(domains ? { domains } : {}) });
    } else if (r.exit_code === 0 && !r.timed_out) {
      out.push({ kind: 'execute_tool', tool_name: r.tool_name, args: r.args, pre_approved: false });
    }
  }
  return out;
}

/** Replaces each parameter's value from the run with `{{name}}`, in the goal and the steps' texts. */
export function parameterize(
  goal: string,
  steps: PlaybookStep[],
  params: Record<string, string>,
): { goal: string; steps: PlaybookStep[] } {
  const swap = (text: string) =>
    Object.entries(params).reduce((t, [name, value]) => t.split(value).join(`{{${name}}}`), text);
  for (const [name, value] of Object.entries(params)) {
    const used =
      goal.includes(value) ||
      steps.some((s) => (s.kind === 'query_memory' ? [s.query] : s.args).some((t) => t.includes(value)));
    if (!used)
      throw new CodedError(
        'invalid_request',
        `parameter ${name}: "${value}" appears nowhere in the run's goal or steps`,
      );
  }
  return {
    goal: swap(goal),
    steps: steps.map((s) =>
      s.kind === 'query_memory' ? { ...s, query: swap(s.query) } : { ...s, args: s.args.map(swap) },
    ),
  };
}

/** The playbook's goal and steps with its parameters filled in (defaults where none is given). */
export function renderPlaybook(
  playbook: Playbook,
  given: Record<string, string>,
): { goal: string; steps: PlaybookStep[] } {
  const declared = new Map(playbook.params.map((p) => [p.name, p]));
  const unknown = Object.keys(given).filter((n) => !declared.has(n));
  if (unknown.length)
    throw new CodedError(
      'invalid_request',
      `unknown parameter ${unknown.join(', ')} (the playbook takes: ${[...declared.keys()].join(', ') || 'none'})`,
    );
  const values: Record<string, string> = {};
  for (const p of playbook.params) {
    const v = given[p.name] ?? p.default;
    if (v === undefined) throw new CodedError('invalid_request', `parameter ${p.name} is required`);
    values[p.name] = v;
  }
  const fill = (text: string) => text.replace(/\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g, (_, n: string) => values[n] ?? '');
  return {
    goal: fill(playbook.goal),
    steps: playbook.steps.map((s) =>
      s.kind === 'query_memory' ? { ...s, query: fill(s.query) } : { ...s, args: s.args.map(fill) },
    ),
  };
}
