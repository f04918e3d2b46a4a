import type { ActionArgs, ChatRequest, LLMAction, PendingAction } from '@pagi/contracts';
import { commandLine } from '../planner/answers.ts';

const DEFAULT_TOP_K = 5;

/**
 * The exact arguments a proposed action will run with: what the approval card shows, what is hashed, and what
 * executes after approval. A memory search without a namespace covers the ingested knowledge base.
 */
export function actionArgs(
  action: Exclude<LLMAction, { action: 'respond' }>,
  req: ChatRequest,
  knowledgeNamespace: string,
  fleet = false,
): ActionArgs {
  if (action.action === 'query_memory') {
    return {
      query: action.query,
      domains: action.domains ?? [],
      top_k: action.top_k ?? DEFAULT_TOP_K,
      namespace: req.namespace ?? knowledgeNamespace,
      ...(fleet ? { scope: 'fleet' as const } : {}),
    };
  }
  return { tool_name: action.tool_name, args: action.args, reason: action.reason };
}

/** A one-line description of an action for the activity feed and the audit trail. */
export const describeAction = (a: PendingAction) =>
  'query' in a.args ? `memory search "${a.args.query}"` : `tool run ${commandLine(a.args.tool_name, a.args.args)}`;
