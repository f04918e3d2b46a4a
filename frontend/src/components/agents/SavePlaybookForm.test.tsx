// Saving a run as a playbook in jsdom: parameters replace values of the run, checked before anything is sent.
import type { Playbook } from '@pagi/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../services/http.ts';
import { agentStep } from './agentFixtures.ts';
import { SavePlaybookForm } from './SavePlaybookForm.tsx';

afterEach(cleanup);

const steps = [
  agentStep(1, {
    kind: 'action',
    decision: { action: 'execute_tool', tool_name: 'uname', args: ['-s'], reason: '' },
  }),
];
const saved: Playbook = {
  name: 'host-check',
  version: 1,
  description: 'Kernel name',
  template: 'ops-diagnostician',
  goal: 'run uname {{flag}}',
  params: [{ name: 'flag', description: '', default: '-s' }],
  steps: [{ kind: 'execute_tool', tool_name: 'uname', args: ['{{flag}}'], pre_approved: false }],
  written_by: 'extracted',
};

describe('SavePlaybookForm', () => {
  it('sends the name, description and each parameter with the value of the run it replaces', async () => {
    const onSave = vi.fn(async () => saved);
    render(<SavePlaybookForm runId="run_root00001" steps={steps} onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('Playbook name'), 'host-check');
    await userEvent.type(screen.getByLabelText('Description (optional)'), 'Kernel name');
    await userEvent.click(screen.getByRole('button', { name: 'Add a parameter' }));
    await userEvent.type(screen.getByLabelText('Parameter 1 name'), 'flag');
    await userEvent.type(screen.getByLabelText('Parameter 1 replaces (a value of the run)'), '-s');
    // The run's values are offered as suggestions.
    expect([...document.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual(['-s']);
    await userEvent.click(screen.getByTestId('save-playbook'));
    expect(onSave).toHaveBeenCalledWith('run_root00001', {
      name: 'host-check',
      description: 'Kernel name',
      params: { flag: '-s' },
    });
    expect(screen.getByTestId('playbook-saved').textContent).toBe('Saved as playbook host-check (version 1).');
  });

  it('refuses a bad name or parameter before sending, and shows the server’s refusal', async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError(409, 'failed_precondition', 'only a completed run can become a playbook');
    });
    render(<SavePlaybookForm runId="run_root00001" steps={steps} onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('Playbook name'), 'Host Check');
    await userEvent.click(screen.getByTestId('save-playbook'));
    expect(screen.getByRole('alert').textContent).toMatch(/^Name: lowercase/);
    await userEvent.clear(screen.getByLabelText('Playbook name'));
    await userEvent.type(screen.getByLabelText('Playbook name'), 'host-check');
    await userEvent.click(screen.getByRole('button', { name: 'Add a parameter' }));
    await userEvent.type(screen.getByLabelText('Parameter 1 name'), 'flag');
    await userEvent.click(screen.getByTestId('save-playbook'));
    expect(screen.getByRole('alert').textContent).toBe('Parameter “flag” needs the value of the run it replaces.');
    expect(onSave).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Remove parameter 1' }));
    await userEvent.click(screen.getByTestId('save-playbook'));
    expect(screen.getByRole('alert').textContent).toBe('Not saved: only a completed run can become a playbook');
  });
});
