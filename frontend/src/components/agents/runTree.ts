import type { AgentRunSummary } from '@pagi/contracts';

export interface RunNode {
  run: AgentRunSummary;
  children: RunNode[];
}

/**
 * Builds the run tree from each run's parent_run_id: roots newest first, each run's children in the order they were
 * started. A run whose parent is not in the list (ended and pruned, or not loaded yet) is shown as a root.
 */
export function buildRunTree(runs: readonly AgentRunSummary[]): RunNode[] {
  const nodes = new Map<string, RunNode>();
  for (const run of runs) nodes.set(run.run_id, { run, children: [] });
  const roots: RunNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.run.parent_run_id;
    const parent = parentId && parentId !== node.run.run_id ? nodes.get(parentId) : undefined;
    if (parent && !isAncestor(node, parent, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  const byStart = (a: RunNode, b: RunNode) => a.run.created_at.localeCompare(b.run.created_at);
  for (const node of nodes.values()) node.children.sort(byStart);
  return roots.sort((a, b) => byStart(b, a));
}

/** Whether `node` is `candidate` or one of its ancestors (a parent loop in bad data would hide both runs). */
function isAncestor(node: RunNode, candidate: RunNode, nodes: Map<string, RunNode>): boolean {
  const seen = new Set<string>();
  let at: RunNode | undefined = candidate;
  while (at && !seen.has(at.run.run_id)) {
    if (at === node) return true;
    seen.add(at.run.run_id);
    at = at.run.parent_run_id ? nodes.get(at.run.parent_run_id) : undefined;
  }
  return false;
}
