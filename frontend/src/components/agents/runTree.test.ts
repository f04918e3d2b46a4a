// The run tree built from each run's parent: roots newest first, sub-agents under their parent in start order.
import { describe, expect, it } from 'vitest';
import { agentRun } from './agentFixtures.ts';
import { buildRunTree, type RunNode } from './runTree.ts';

const shape = (nodes: RunNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? { [n.run.run_id]: shape(n.children) } : n.run.run_id));

describe('buildRunTree', () => {
  it('nests children under their parents, whatever order the list comes in', () => {
    const at = (m: number) => `2026-01-01T10:${String(m).padStart(2, '0')}:00.000Z`;
    const runs = [
      agentRun({ run_id: 'run_grandkid1', parent_run_id: 'run_child0002', created_at: at(5) }),
      agentRun({ run_id: 'run_child0002', parent_run_id: 'run_root00001', created_at: at(3) }),
      agentRun({ run_id: 'run_root00001', created_at: at(1) }),
      agentRun({ run_id: 'run_child0001', parent_run_id: 'run_root00001', created_at: at(2) }),
      agentRun({ run_id: 'run_root00002', created_at: at(4) }),
    ];
    expect(shape(buildRunTree(runs))).toEqual([
      'run_root00002',
      { run_root00001: ['run_child0001', { run_child0002: ['run_grandkid1'] }] },
    ]);
  });

  it('shows a run whose parent is unknown as a root, and survives a parent loop', () => {
    const runs = [
      agentRun({ run_id: 'run_orphan001', parent_run_id: 'run_gone00001' }),
      agentRun({ run_id: 'run_loopaaaa1', parent_run_id: 'run_loopbbbb1' }),
      agentRun({ run_id: 'run_loopbbbb1', parent_run_id: 'run_loopaaaa1' }),
      agentRun({ run_id: 'run_self00001', parent_run_id: 'run_self00001' }),
    ];
    const ids = buildRunTree(runs).map((n) => n.run.run_id);
    expect(ids.sort()).toEqual(['run_loopaaaa1', 'run_loopbbbb1', 'run_orphan001', 'run_self00001']);
  });
});
