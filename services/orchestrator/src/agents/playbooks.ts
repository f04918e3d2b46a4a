import { type PlaybookStore, parameterize, renderPlaybook, stepsThatWorked } from '@pagi/agents';
import { type AgentRunSummary, CodedError, type Playbook, type SavePlaybookRequest } from '@pagi/contracts';
import type { LlmClient } from '@pagi/llm';
import type { Logger } from '@pagi/runtime';
import type { AgentRuns } from './agent-runs.ts';
import { writePlaybookNotes } from './playbook-writer.ts';

/** Playbooks made from finished runs, and runs of playbooks (each tool step still raises its card). */
export class Playbooks {
  readonly store: PlaybookStore;
  private readonly d: { runs: AgentRuns; llm: LlmClient | null; logger: Logger; timeoutMs: number };

  constructor(store: PlaybookStore, deps: Playbooks['d']) {
    this.store = store;
    this.d = deps;
  }

  /**
   * The run's goal and the steps that worked, with the values named in `params` turned into parameters. With an
   * LLM and nothing said about them, the model writes the description and picks the parameters; else they come
   * from the request, or plainly from the run.
   */
  async saveFromRun(runId: string, userId: string, req: SavePlaybookRequest): Promise<Playbook> {
    const run = this.d.runs.detail(runId, userId);
    if (run.status !== 'completed') {
      throw new CodedError(
        'failed_precondition',
        `only a completed run can become a playbook; this one is ${run.status}`,
      );
    }
    const worked = stepsThatWorked(run.steps);
    if (!worked.length) throw new CodedError('failed_precondition', 'the run has no action that worked to keep');
    const notes =
      this.d.llm && !req.params && !req.description
        ? await writePlaybookNotes(this.d.llm, this.d.logger, this.d.timeoutMs, run.goal, worked)
        : null;
    const params = req.params ?? notes?.params ?? {};
    const { goal, steps } = parameterize(run.goal, worked, params);
    return this.store.save({
      name: req.name,
      version: 1,
      description:
        req.description ??
        notes?.description ??
        `Made from a run of the ${run.template} agent: ${run.goal}`.slice(0, 2000),
      template: run.template,
      goal,
      params: Object.entries(params).map(([name, value]) => ({
        name,
        description: notes?.descriptions[name] ?? '',
        default: value,
      })),
      steps,
      source_run_id: run.run_id,
      written_by: notes ? 'llm' : 'extracted',
    });
  }

  run(
    name: string,
    params: Record<string, string>,
    who: { user_id: string; twin_id: string },
    schedule?: string,
  ): AgentRunSummary {
    const playbook = this.store.get(name);
    const { goal, steps } = renderPlaybook(playbook, params);
    return this.d.runs.start({
      template: playbook.template,
      goal,
      plan: steps,
      playbook: `${playbook.name}@v${playbook.version}`,
      source: schedule ? 'schedule' : 'playbook',
      ...(schedule ? { schedule_id: schedule } : {}),
      ...who,
    });
  }
}
