// The Agents view with its live run list in jsdom: the navigation badge counts waiting actions on any view, a run's
// card approves through /v1/actions without an event stream, and the run's events move the tree and the badge.
import { type AgentEvent, type AgentRunDetail, type AgentRunSummary, CSRF_HEADER } from '@pagi/contracts';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../context/auth/AuthContext.tsx';
import { ToastProvider } from '../../context/toast/ToastContext.tsx';
import { me, meAsViewer } from '../../test/fixtures.ts';
import { NavRail } from '../shell/NavRail.tsx';
import { AgentRunsProvider } from './AgentRunsContext.tsx';
import { AgentsView } from './AgentsView.tsx';
import { agentAction, agentRun, agentStep } from './agentFixtures.ts';

class FakeEventSource {
  static readonly CLOSED = 2;
  static last: FakeEventSource | null = null;
  readonly url: string;
  readyState = 1;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners: ((m: MessageEvent) => void)[] = [];
  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }
  addEventListener(_type: string, fn: (m: MessageEvent) => void) {
    this.listeners.push(fn);
  }
  emit(event: AgentEvent) {
    for (const fn of this.listeners) fn(new MessageEvent('message', { data: JSON.stringify(event) }));
  }
  close() {}
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const TEMPLATE = {
  name: 'ops-diagnostician',
  description: 'Looks at the host',
  role: 'You diagnose the machine the twin runs on.',
  tools: ['uname', 'nproc'],
  origin: 'config',
  file: 'ops-diagnostician.yaml',
};

const PLAYBOOK = {
  name: 'host-check',
  version: 1,
  description: 'Kernel name and CPU count',
  template: 'ops-diagnostician',
  goal: 'run uname {{flag}} then run nproc',
  params: [{ name: 'flag', description: '', default: '-s' }],
  steps: [
    { kind: 'execute_tool', tool_name: 'uname', args: ['{{flag}}'], pre_approved: false },
    { kind: 'execute_tool', tool_name: 'nproc', args: [], pre_approved: true },
  ],
  file: 'host-check.yaml',
};
let playbooksAnswer: unknown;
let run: AgentRunSummary;
let detail: AgentRunDetail;
const calls: { url: string; init?: RequestInit }[] = [];

beforeEach(() => {
  run = agentRun({
    run_id: 'run_live000001',
    status: 'waiting_approval',
    reason: 'waits for your approval of uname -s',
    steps_used: 1,
    pending_action_ids: ['act-agent-1'],
  });
  detail = {
    ...run,
    steps: [agentStep(1, { kind: 'action', text: 'Proposes uname -s' })],
    pending_actions: [agentAction()],
  };
  calls.length = 0;
  playbooksAnswer = { playbooks: [], errors: [] };
  FakeEventSource.last = null;
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      if (url === '/api/agents/runs') return json({ runs: [run] });
      if (url === `/api/agents/runs/${run.run_id}`) return json(detail);
      if (url === '/api/agents/templates') return json({ templates: [TEMPLATE], errors: [] });
      if (url === '/api/agents/playbooks') return json(playbooksAnswer);
      if (url === '/api/agents/schedules') return json({ schedules: [] });
      if (url === '/v1/actions/act-agent-1/approve')
        return json({ action: { ...agentAction(), status: 'approved' }, run_id: run.run_id });
      return json({ error: { code: 'not_found', message: 'no such route' } }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderView(who = me()) {
  render(
    <ToastProvider>
      <AuthProvider initial={who}>
        <AgentRunsProvider>
          <NavRail view="agents" onNavigate={vi.fn()} />
          <AgentsView />
        </AgentRunsProvider>
      </AuthProvider>
    </ToastProvider>,
  );
}

describe('AgentsView', () => {
  it('counts waiting actions on the nav, approves from the card, and follows the run’s events', async () => {
    renderView();
    const badge = await screen.findByTestId('agents-pending-badge');
    expect(badge.textContent).toBe('1 action waits for approval');
    expect(screen.getByRole('link', { name: /^Agents/ })).toBeDefined();

    await userEvent.click(within(await screen.findByTestId('run-run_live000001')).getByRole('button'));
    const card = await screen.findByTestId('agent-approval-card');
    expect(within(card).getByTestId('agent-approval-command').textContent).toBe('uname -s');
    await userEvent.click(within(card).getByTestId('agent-approve'));

    const approve = calls.find((c) => c.url === '/v1/actions/act-agent-1/approve')!;
    expect(approve.init?.method).toBe('POST');
    expect(JSON.parse(String(approve.init?.body))).toEqual({ session_id: 'agent-session-1' });
    const headers = approve.init?.headers as Record<string, string>;
    expect(headers.accept).toBe('application/json');
    expect(headers[CSRF_HEADER]).toBe('csrf-1');
    expect(headers.accept).not.toContain('text/event-stream');

    // The run goes on by itself: its events complete it, and the badge goes away.
    await waitFor(() => expect(FakeEventSource.last?.url).toBe('/api/agents/events'));
    run = {
      ...run,
      status: 'completed',
      reason: 'finished',
      result: 'Linux',
      steps_used: 3,
      pending_action_ids: [],
      updated_at: '2026-01-01T10:01:00.000Z',
    };
    detail = {
      ...run,
      steps: [
        ...detail.steps,
        agentStep(2, { kind: 'observation', text: 'uname -s printed Linux' }),
        agentStep(3, { kind: 'end', text: 'Done' }),
      ],
      pending_actions: [],
    };
    act(() => FakeEventSource.last!.emit({ type: 'run', run }));
    await waitFor(() => expect(screen.queryByTestId('agents-pending-badge')).toBeNull());
    const runDetail = screen.getByTestId('run-detail');
    expect(runDetail.getAttribute('data-status')).toBe('completed');
    await waitFor(() => expect(within(runDetail).getAllByTestId('run-step')).toHaveLength(3));
    expect(within(runDetail).getByTestId('run-result').textContent).toContain('Linux');
    expect(screen.getByTestId('save-playbook-form')).toBeDefined();
    expect(screen.queryByTestId('run-stop')).toBeNull();
  });

  it('shows why a run could not be started', async () => {
    renderView();
    await screen.findByTestId('run-run_live000001');
    vi.mocked(fetch).mockImplementationOnce(async () =>
      json({ error: { code: 'not_found', message: 'no template named ghost' } }, 404),
    );
    await userEvent.type(screen.getByLabelText('Goal'), 'run uname -s');
    await userEvent.click(screen.getByTestId('start-run'));
    expect((await screen.findByRole('alert')).textContent).toBe('Not started: no template named ghost');
  });

  it('asks nothing about runs for a role without chat, and offers a viewer no action', async () => {
    playbooksAnswer = { playbooks: [PLAYBOOK], errors: [] };
    renderView(meAsViewer());
    expect(screen.getByText('Agent runs are not part of your role')).toBeDefined();
    await userEvent.click(screen.getByTestId('agents-tab-playbooks'));
    await screen.findByTestId('playbook-detail');
    expect(screen.queryByTestId('run-playbook')).toBeNull();
    expect(screen.queryByTestId('playbook-delete')).toBeNull();
    await userEvent.click(screen.getByTestId('agents-tab-schedules'));
    await screen.findByText('No schedules');
    expect(screen.queryByTestId('schedule-form')).toBeNull();
    expect(calls.map((c) => c.url)).not.toContain('/api/agents/runs');
    expect(FakeEventSource.last).toBeNull();
  });

  it('lets an operator run a playbook but leaves deleting it to the owner', async () => {
    playbooksAnswer = { playbooks: [PLAYBOOK], errors: [] };
    renderView();
    await userEvent.click(screen.getByTestId('agents-tab-playbooks'));
    const shown = await screen.findByTestId('playbook-detail');
    expect(within(shown).getByTestId('pre-approved').textContent).toBe('pre-approved');
    expect(within(shown).getByLabelText('flag').getAttribute('value')).toBe('-s');
    expect(within(shown).getByTestId('run-playbook')).toBeDefined();
    expect(within(shown).queryByTestId('playbook-delete')).toBeNull();
  });
});
