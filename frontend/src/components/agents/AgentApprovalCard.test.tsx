// An agent's approval card in jsdom: the exact command or query, which agent and run asks, and how a decision reads.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../services/http.ts';
import { AgentApprovalCard } from './AgentApprovalCard.tsx';
import { agentAction, agentRun } from './agentFixtures.ts';

afterEach(cleanup);

const run = agentRun({ run_id: 'run_abcdefghij12', status: 'waiting_approval', pending_action_ids: ['act-agent-1'] });

describe('AgentApprovalCard', () => {
  it('shows the exact command tagged with the template and run, and approves it', async () => {
    const onDecide = vi.fn(async () => undefined);
    render(<AgentApprovalCard action={agentAction()} run={run} canDecide onDecide={onDecide} />);
    expect(screen.getByRole('heading').textContent).toBe('Run a tool');
    expect(screen.getByTestId('agent-approval-command').textContent).toBe('uname -s');
    expect(screen.getByTestId('agent-approval-who').textContent).toBe(
      'Proposed by agent ops-diagnostician · run abcdefghij',
    );
    expect(screen.getByText('to see the kernel')).toBeDefined();

    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onDecide).toHaveBeenCalledWith(run, 'act-agent-1', 'approve');
    expect(screen.getByTestId('agent-approval-card').getAttribute('data-phase')).toBe('approved');
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('shows a memory search with its query and domains', () => {
    const action = agentAction({
      kind: 'query_memory',
      args: { query: 'backup policy', domains: ['soul'], top_k: 5, namespace: 'default' },
    });
    render(<AgentApprovalCard action={action} run={run} canDecide onDecide={vi.fn()} />);
    expect(screen.getByRole('heading').textContent).toBe('Search memory');
    expect(screen.getByTestId('agent-approval-query').textContent).toBe('backup policy');
    expect(screen.getByText('up to 5')).toBeDefined();
  });

  it('says why a decision was refused and lets the person try again', async () => {
    const onDecide = vi.fn(async () => {
      throw new ApiError(409, 'conflict', 'the action was already decided');
    });
    render(<AgentApprovalCard action={agentAction()} run={run} canDecide onDecide={onDecide} />);
    await userEvent.click(screen.getByRole('button', { name: 'Deny' }));
    expect(screen.getByRole('alert').textContent).toBe('Not denied: the action was already decided');
    expect(screen.getByTestId('agent-approval-card').getAttribute('data-phase')).toBe('pending');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Deny' }).disabled).toBe(false);
  });

  it('shows what would run but no buttons to a role that cannot decide', () => {
    render(<AgentApprovalCard action={agentAction()} run={run} canDecide={false} onDecide={vi.fn()} />);
    expect(screen.getByTestId('agent-approval-command').textContent).toBe('uname -s');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
