import type { ActionResult, PendingAction } from '@pagi/kit/contracts/chat.ts';
import type { MemoryClient } from '../deps/memory-client.ts';
import type { ToolsClient } from '../deps/tools-client.ts';
import { domainAttribution } from '../memory/attribution.ts';
import type { ChatMetrics } from '../metrics/chat-metrics.ts';

/** Runs an approved action against the memory or tools service; throws DependencyError when that fails. */
export class ActionExecutor {
  private readonly memory: MemoryClient;
  private readonly tools: ToolsClient;
  private readonly metrics: ChatMetrics;

  constructor(deps: { memory: MemoryClient; tools: ToolsClient; metrics: ChatMetrics }) {
    this.memory = deps.memory;
    this.tools = deps.tools;
    this.metrics = deps.metrics;
  }

  async run(action: PendingAction): Promise<ActionResult> {
    const args = action.args;
    if (action.kind === 'query_memory' && 'query' in args) {
      try {
        const { hits } = await this.memory.query(args);
        this.metrics.memoryQueries.inc({ outcome: 'ok' });
        return { kind: 'query_memory', query: args.query, results: hits, domain_attribution: domainAttribution(hits) };
      } catch (err) {
        this.metrics.memoryQueries.inc({ outcome: 'error' });
        throw err;
      }
    }
    if (action.kind === 'execute_tool' && 'tool_name' in args) {
      try {
        const res = await this.tools.execute(args.tool_name, args.args, action.twin_id);
        this.metrics.toolRuns.inc({ outcome: res.exit_code === 0 && !res.timed_out ? 'ok' : 'nonzero' });
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
      } catch (err) {
        this.metrics.toolRuns.inc({ outcome: 'error' });
        throw err;
      }
    }
    throw new Error(`action ${action.action_id} has arguments that do not fit its kind ${action.kind}`);
  }
}
