import type { ActionResult, PendingAction } from '@pagi/contracts';
import type { ExecuteToolResponse__Output } from '@pagi/contracts/gen/tools/ExecuteToolResponse.ts';
import type { MemoryClient } from '@pagi/runtime';
import type { ToolsClient } from '../deps/tools-client.ts';
import type { MemorySharing } from '../exchange/memory-sharing.ts';
import { searchFleet } from '../memory/fleet-search.ts';
import { searchMemory } from '../memory/memory-search.ts';

/** Runs an approved action against the memory or tools service; a failure is a CodedError fit to show. */
export class ActionExecutor {
  private readonly memory: MemoryClient;
  private readonly tools: ToolsClient;
  private readonly minScore: number;

  private readonly fleet: (() => MemorySharing | null) | undefined;
  private readonly fleetDeadlineMs: number;

  constructor(deps: {
    memory: MemoryClient;
    tools: ToolsClient;
    minScore: number;
    /** The Memory Exchange once the mesh runs, for searches approved with the fleet in scope. */
    fleet?: () => MemorySharing | null;
    fleetDeadlineMs?: number;
  }) {
    this.memory = deps.memory;
    this.tools = deps.tools;
    this.minScore = deps.minScore;
    this.fleet = deps.fleet;
    this.fleetDeadlineMs = deps.fleetDeadlineMs ?? 1_500;
  }

  async run(action: PendingAction): Promise<ActionResult> {
    const args = action.args;
    if (action.kind === 'query_memory' && 'query' in args) {
      const sharing = args.scope === 'fleet' ? this.fleet?.() : null;
      const found = sharing
        ? await searchFleet(this.memory, sharing, { ...args, twin_id: '' }, this.minScore, this.fleetDeadlineMs)
        : await searchMemory(this.memory, { ...args, twin_id: '' }, this.minScore).then((f) => ({
            results: f.hits,
            domain_attribution: f.domain_attribution,
          }));
      return {
        kind: 'query_memory',
        query: args.query,
        results: found.results,
        domain_attribution: found.domain_attribution,
      };
    }
    if (action.kind === 'execute_tool' && 'tool_name' in args) {
      // The action id names the run, so it can run at most once, even across restarts of either service.
      const res = await this.tools.execute(args.tool_name, args.args, action.twin_id, action.action_id);
      return toolRunResult(args, res);
    }
    throw new Error(`action ${action.action_id} has arguments that do not fit its kind ${action.kind}`);
  }
}

/** A tool run's outcome as the chat shows it. */
export function toolRunResult(
  args: { tool_name: string; args: string[] },
  res: ExecuteToolResponse__Output,
): Extract<ActionResult, { kind: 'execute_tool' }> {
  return {
    kind: 'execute_tool',
    tool_name: args.tool_name,
    args: args.args,
    output: res.output,
    stderr: res.stderr,
    exit_code: res.exit_code,
    truncated: res.truncated,
    timed_out: res.timed_out,
    duration_ms: res.duration_ms,
    sandbox: res.sandbox,
  };
}
