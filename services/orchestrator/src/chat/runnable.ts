import { describeIssues, type LLMAction, ToolArgs, ToolName } from '@pagi/contracts';
import type { Logger } from '@pagi/runtime';
import { z } from 'zod';
import type { ToolsClient } from '../deps/tools-client.ts';

/** The shared argv rules a proposed tool run must meet before anyone is asked to approve it. */
const RunnableArgv = z.object({ tool_name: ToolName, args: ToolArgs });

/** Why a proposed tool run could never run (the shared argv rules, the tools service's policy), or undefined. */
export async function whyUnrunnable(
  tools: ToolsClient,
  logger: Logger,
  planned: Extract<LLMAction, { action: 'execute_tool' }>,
  twinId: string,
): Promise<string | undefined> {
  const parsed = RunnableArgv.safeParse(planned);
  if (!parsed.success) return describeIssues(parsed.error);
  try {
    const verdict = await tools.check(planned.tool_name, planned.args, twinId);
    return verdict.allowed ? undefined : verdict.reason;
  } catch (err) {
    // The tools service cannot say right now: the card is shown, and the run itself will be checked again.
    logger.debug({ err: (err as Error).message }, 'cannot check a proposed tool run');
    return undefined;
  }
}
