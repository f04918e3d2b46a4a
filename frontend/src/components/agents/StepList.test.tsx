// A run's steps in jsdom: in sequence order with kind, text and time; long observations capped until "Show all".
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentStep, toolRun } from './agentFixtures.ts';
import { StepList } from './StepList.tsx';
import { OUTPUT_LINES } from './StepResult.tsx';

afterEach(cleanup);

describe('StepList', () => {
  it('lists the steps by sequence with their kind, text, time and the exact command', () => {
    const steps = [
      agentStep(3, { kind: 'observation', text: '`uname -s` exited 0: Linux', result: toolRun('Linux\n') }),
      agentStep(1, { kind: 'plan', text: 'The goal has two clauses' }),
      agentStep(2, {
        kind: 'action',
        text: 'Proposes uname -s',
        decision: { action: 'execute_tool', tool_name: 'uname', args: ['-s'], reason: '' },
        action_id: 'act-1',
      }),
    ];
    render(<StepList steps={steps} runId="run_root00001" />);
    const items = screen.getAllByTestId('run-step');
    expect(items.map((li) => li.getAttribute('data-kind'))).toEqual(['plan', 'action', 'observation']);
    expect(within(items[0]!).getByTestId('step-text').textContent).toBe('The goal has two clauses');
    expect(items[1]!.querySelector('code')?.textContent).toBe('uname -s');
    expect(items[0]!.querySelector('time')?.getAttribute('dateTime')).toBe('2026-01-01T10:00:01.000Z');
    expect(within(items[2]!).getByText('Observation')).toBeDefined();
    const said = within(items[2]!).getByTestId('step-text');
    expect(said.textContent).toBe('uname -s exited 0: Linux');
    expect(said.querySelector('code')?.textContent).toBe('uname -s');
    expect(within(items[2]!).getByTestId('step-output').textContent).toBe('Linux\n');
    expect(within(items[2]!).queryByRole('button', { name: /show all/i })).toBeNull();
  });

  it('caps a long output and shows all of it on request', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');
    render(<StepList steps={[agentStep(1, { kind: 'observation', result: toolRun(long) })]} runId="run_x0000001" />);
    const output = screen.getByTestId('step-output');
    expect(output.textContent).toContain(`line ${OUTPUT_LINES}\n…`);
    expect(output.textContent).not.toContain(`line ${OUTPUT_LINES + 1}`);
    await userEvent.click(screen.getByRole('button', { name: 'Show all (40 lines)' }));
    expect(screen.getByTestId('step-output').textContent).toContain('line 40');
    await userEvent.click(screen.getByRole('button', { name: 'Show less' }));
    expect(screen.getByTestId('step-output').textContent).not.toContain('line 40');
  });

  it('links a spawn step to the sub-agent run', async () => {
    const onSelectRun = vi.fn();
    const spawn = agentStep(1, {
      kind: 'spawn',
      text: 'Asks researcher',
      decision: { action: 'spawn', template: 'researcher', goal: 'find the policy' },
      child_run_id: 'run_child0001',
    });
    render(<StepList steps={[spawn]} runId="run_root00001" onSelectRun={onSelectRun} />);
    expect(screen.getByTestId('run-step').querySelector('code')?.textContent).toBe('researcher: find the policy');
    await userEvent.click(screen.getByRole('button', { name: 'Open sub-agent run child0001' }));
    expect(onSelectRun).toHaveBeenCalledWith('run_child0001');
  });

  it('says so when the run has no step yet', () => {
    render(<StepList steps={[]} runId="run_x0000001" />);
    expect(screen.getByText('No steps yet')).toBeDefined();
  });
});
