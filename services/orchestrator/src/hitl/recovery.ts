import type { ActionResult, PendingAction } from '@pagi/contracts';
import type { Logger } from '@pagi/runtime';
import type { ChatEngine } from '../chat/chat-engine.ts';
import type { ToolsClient } from '../deps/tools-client.ts';
import { commandLine } from '../planner/answers.ts';
import { toolRunResult } from './action-executor.ts';
import type { PendingActionStore } from './pending-actions.ts';

const RETRY_MS = { first: 500, max: 30_000 };

type Outcome = { result: ActionResult } | { interrupted: string };
interface Settler {
  recover(action: PendingAction, outcome: Outcome): unknown;
}

/**
 * After a restart: actions that were approved but never finished are settled — never run again. A tool run is
 * asked about by its run id (the action id, given to the tools service with the run): if it finished, its outcome
 * is recorded and the turn gets its answer; if it never started or was cut short, the action is marked interrupted
 * and the turn says so. A memory search is simply marked interrupted. Until the tools service answers, it is asked
 * again with backoff; start-up does not wait for it.
 */
export class ApprovedRecovery {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private delay = RETRY_MS.first;
  private readonly d: {
    actions: PendingActionStore;
    tools: ToolsClient;
    engine: ChatEngine;
    logger: Logger;
    /** Agent runs settle their own actions (the run goes on, or is marked interrupted). */
    agents?: Settler & { owns(action: PendingAction): boolean };
  };
  /** Resolves when every unfinished action found at start has been settled (tests wait on it). */
  readonly settled: Promise<void>;
  private resolveSettled!: () => void;

  constructor(deps: ApprovedRecovery['d']) {
    this.d = deps;
    this.settled = new Promise((resolve) => {
      this.resolveSettled = resolve;
    });
  }

  start(): number {
    const pending = this.d.actions.unfinished();
    if (pending.length) this.d.logger.info({ actions: pending.length }, 'settling actions approved before a restart');
    void this.pass(pending);
    return pending.length;
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async pass(pending: PendingAction[]): Promise<void> {
    const left: PendingAction[] = [];
    for (const action of pending) {
      if (this.stopped) return;
      try {
        if (!(await this.settle(action))) left.push(action);
      } catch (err) {
        this.d.logger.warn({ err: (err as Error).message, action_id: action.action_id }, 'cannot settle an action yet');
        left.push(action);
      }
    }
    if (!left.length) {
      this.resolveSettled();
      return;
    }
    this.timer = setTimeout(() => void this.pass(left), this.delay);
    this.delay = Math.min(this.delay * 2, RETRY_MS.max);
  }

  /** Settles one action; false when it must be asked about again later (still running). */
  private async settle(action: PendingAction): Promise<boolean> {
    const { agents } = this.d;
    const engine: Settler = agents?.owns(action) ? agents : this.d.engine;
    if (!('tool_name' in action.args)) {
      await engine.recover(action, {
        interrupted: `The twin restarted before the approved memory search "${action.args.query}" finished; ask again to search.`,
      });
      return true;
    }
    const args = action.args;
    const cmd = commandLine(args.tool_name, args.args);
    const run = await this.d.tools.getRun(action.action_id);
    switch (run.state) {
      case 'running':
        return false;
      case 'finished':
        await engine.recover(action, { result: toolRunResult(args, run.result!) });
        return true;
      case 'interrupted':
        await engine.recover(action, {
          interrupted: `\`${cmd}\` was cut short by a restart and did not finish; it is not started again.`,
        });
        return true;
      default:
        await engine.recover(action, {
          interrupted: `The twin restarted before running \`${cmd}\`; nothing was run. Ask again to run it.`,
        });
        return true;
    }
  }
}
