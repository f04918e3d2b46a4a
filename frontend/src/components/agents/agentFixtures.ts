import type { AgentRunSummary, AgentStep, PendingAction } from '@pagi/contracts';

// Runs, steps and actions as the agents' routes answer them, for the component tests.

export function agentRun(over: Partial<AgentRunSummary> = {}): AgentRunSummary {
  const id = over.run_id ?? 'run_root00001';
  return {
    run_id: id,
    template: 'ops-diagnostician',
    goal: 'run uname -s then run nproc',
    parent_run_id: null,
    root_run_id: id,
    depth: 0,
    session_id: 'agent-session-1',
    status: 'running',
    reason: '',
    result: null,
    source: 'person',
    playbook: null,
    schedule_id: null,
    steps_used: 0,
    max_steps: 8,
    tokens_used: 0,
    pending_action_ids: [],
    children: [],
    created_at: '2026-01-01T10:00:00.000Z',
    updated_at: '2026-01-01T10:00:00.000Z',
    ended_at: null,
    ...over,
  };
}

export function agentStep(seq: number, over: Partial<AgentStep> = {}): AgentStep {
  return {
    seq,
    kind: 'plan',
    at: `2026-01-01T10:00:${String(seq).padStart(2, '0')}.000Z`,
    text: `step ${seq}`,
    ...over,
  };
}

export function toolRun(output: string): NonNullable<AgentStep['result']> {
  return {
    kind: 'execute_tool',
    tool_name: 'uname',
    args: ['-s'],
    output,
    stderr: '',
    exit_code: 0,
    truncated: false,
    timed_out: false,
    duration_ms: 12,
    sandbox: 'process',
  };
}

export function agentAction(over: Partial<PendingAction> = {}): PendingAction {
  return {
    action_id: 'act-agent-1',
    job_id: 'job-agent-1',
    session_id: 'agent-session-1',
    twin_id: 'twin-default',
    kind: 'execute_tool',
    args: { tool_name: 'uname', args: ['-s'], reason: 'to see the kernel' },
    args_hash: 'h',
    status: 'pending',
    created_at: '2026-01-01T10:00:00.000Z',
    expires_at: '2026-01-01T10:10:00.000Z',
    ...over,
  };
}
