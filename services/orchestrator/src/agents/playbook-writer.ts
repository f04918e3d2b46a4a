import { ParamName, type PlaybookStep } from '@pagi/contracts';
import { completeValidated, describeLlmFailure, type LlmClient } from '@pagi/llm';
import type { Logger } from '@pagi/runtime';
import { z } from 'zod';
import { commandLine } from '../planner/answers.ts';

const Notes = z.object({
  description: z.string().trim().min(1).max(2000),
  params: z
    .array(
      z.object({ name: ParamName, value: z.string().min(1).max(500), description: z.string().max(300).default('') }),
    )
    .max(8),
});
const FORMAT = '{"description":"...","params":[{"name":"topic","value":"<text from the run>","description":"..."}]}';

/**
 * The model's notes on a run becoming a playbook: what it is for, and which values should be parameters. Values that
 * do not appear in the run are dropped; null when the model fails (the playbook is then extracted plainly).
 */
export async function writePlaybookNotes(
  llm: LlmClient,
  logger: Logger,
  timeoutMs: number,
  goal: string,
  steps: PlaybookStep[],
): Promise<{ description: string; params: Record<string, string>; descriptions: Record<string, string> } | null> {
  const texts = steps.map((s) =>
    s.kind === 'query_memory' ? `search memory for "${s.query}"` : `run ${commandLine(s.tool_name, s.args)}`,
  );
  try {
    const { value } = await completeValidated(
      llm,
      [
        {
          role: 'system',
          content:
            'You turn a finished agent run into a reusable playbook. Describe in one or two sentences what it does, and ' +
            `name the values that a person would change on another run as parameters. Reply with ${FORMAT}.`,
        },
        { role: 'user', content: JSON.stringify({ goal, steps: texts }) },
      ],
      Notes,
      { timeoutMs, logger, format: FORMAT },
    );
    const inRun = (v: string) => goal.includes(v) || texts.some((t) => t.includes(v));
    const kept = value.params.filter((p) => inRun(p.value));
    return {
      description: value.description,
      params: Object.fromEntries(kept.map((p) => [p.name, p.value])),
      descriptions: Object.fromEntries(kept.map((p) => [p.name, p.description])),
    };
  } catch (err) {
    logger.warn(
      { reason: describeLlmFailure(err) },
      'the model did not write the playbook; extracting it from the run',
    );
    return null;
  }
}
