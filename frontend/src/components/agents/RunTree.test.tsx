// The run tree in jsdom: sub-agents indented under their parent, status, steps and what each waits on.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentRun } from './agentFixtures.ts';
import { RunTree } from './RunTree.tsx';

afterEach(cleanup);

describe('RunTree', () => {
  it('nests a sub-agent under its parent with status badges, steps used and reasons', async () => {
    const onSelect = vi.fn();
    const runs = [
      agentRun({
        run_id: 'run_root00001',
        status: 'waiting_children',
        reason: 'waits for 1 sub-agent',
        steps_used: 2,
        children: ['run_child0001'],
      }),
      agentRun({
        run_id: 'run_child0001',
        template: 'researcher',
        goal: 'find the backup policy',
        parent_run_id: 'run_root00001',
        depth: 1,
        status: 'waiting_approval',
        reason: 'waits for your approval of a memory search',
        steps_used: 1,
        max_steps: 6,
        pending_action_ids: ['act-1'],
        created_at: '2026-01-01T10:01:00.000Z',
      }),
    ];
    render(<RunTree runs={runs} selected="run_child0001" onSelect={onSelect} />);
    const root = screen.getByTestId('run-run_root00001');
    const child = within(root).getByTestId('run-run_child0001');
    expect(child.getAttribute('data-level')).toBe('1');
    expect(within(root).getByRole('list', { name: 'Sub-agents of ops-diagnostician' })).toBeDefined();

    const rootRow = within(root).getAllByRole('button')[0]!;
    expect(within(rootRow).getByTestId('run-status').textContent).toBe('Waiting for sub-agents');
    expect(within(rootRow).getByTestId('run-steps-used').textContent).toBe('2 / 8 steps');
    expect(rootRow.textContent).toContain('waits for 1 sub-agent');

    const childRow = within(child).getByRole('button');
    expect(childRow.getAttribute('aria-current')).toBe('true');
    expect(within(childRow).getByTestId('run-status').getAttribute('data-status')).toBe('waiting_approval');
    expect(within(childRow).getByTestId('run-pending').textContent).toBe('1 to approve');
    expect(within(childRow).getByTestId('run-steps-used').textContent).toBe('1 / 6 steps');

    await userEvent.click(rootRow);
    expect(onSelect).toHaveBeenCalledWith('run_root00001');
  });

  it('says so when there are no runs', () => {
    render(<RunTree runs={[]} selected={null} onSelect={vi.fn()} />);
    expect(screen.getByText('No runs yet')).toBeDefined();
  });
});
