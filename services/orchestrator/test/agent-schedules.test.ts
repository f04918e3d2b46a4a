// Schedules on a running orchestrator with an injected clock: a cron expression in its time zone fires on time and its
// run waits for approval (never approving itself, and saying so in the activity feed); firings missed while the twin
// was down are skipped or run once, as each schedule says; bad expressions and zones are refused with the reason.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AgentRunDetail, Schedule, ScheduleList } from '@pagi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, refused, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

const agents = mkdtempSync(path.join(tmpdir(), 'pagi-agent-sched-'));
const data = mkdtempSync(path.join(tmpdir(), 'pagi-agent-sched-data-'));
let clock = Date.parse('2026-12-02T07:59:58.000Z');
let orch: TestOrchestrator;
const boot = () =>
  startTestOrchestrator({ AGENTS_DIR: agents, AGENTS_SCHEDULER_POLL_MS: '50' }, data, { now: () => clock });

const schedule = async (name: string, cron: string, extra: Record<string, unknown> = {}) =>
  ok(
    await orch.post('/api/agents/schedules', {
      name,
      cron,
      timezone: 'Europe/Paris',
      target: { kind: 'goal', template: 'helper', goal: `run echo ${name}` },
      ...extra,
    }),
    Schedule,
  );
const listed = async (id: string) =>
  ok(await orch.get('/api/agents/schedules'), ScheduleList).schedules.find((s) => s.id === id)!;
const run = async (id: string) => ok(await orch.get(`/api/agents/runs/${id}`), AgentRunDetail);

beforeAll(async () => {
  writeFileSync(
    path.join(agents, 'helper.yaml'),
    'name: helper\ndescription: Helps\nrole: Helps the owner with small tasks, one at a time.\ntools: [echo]\n',
  );
  orch = await boot();
});
afterAll(() => orch?.close());

describe('agent schedules', () => {
  let daily: Schedule;

  it('fires at 09:00 Paris time, and the run waits for approval', async () => {
    daily = await schedule('daily', '0 9 * * *');
    // 09:00 in Paris is 08:00 UTC in December.
    expect(daily.next_run_at).toBe('2026-12-02T08:00:00.000Z');
    await new Promise((r) => setTimeout(r, 300));
    expect((await listed(daily.id)).history).toEqual([]);

    clock = Date.parse('2026-12-02T08:00:00.200Z');
    await expect.poll(async () => (await listed(daily.id)).history.length, { timeout: 5_000, interval: 50 }).toBe(1);
    const fired = await listed(daily.id);
    expect(fired.history[0]).toMatchObject({
      scheduled_for: '2026-12-02T08:00:00.000Z',
      outcome: 'started',
      detail: 'started on time',
    });
    expect(fired.next_run_at).toBe('2026-12-03T08:00:00.000Z');
    const runId = fired.history[0]!.run_id!;
    await expect.poll(async () => (await run(runId)).status, { timeout: 5_000 }).toBe('waiting_approval');
    // It never approves itself: still waiting, one card, and the feed tells the owner.
    await new Promise((r) => setTimeout(r, 300));
    const waiting = await run(runId);
    expect(waiting).toMatchObject({ status: 'waiting_approval', source: 'schedule', schedule_id: daily.id });
    expect(waiting.pending_actions).toHaveLength(1);
    const feed = (await orch.get('/api/activity')).body as { events: { summary: string }[] };
    expect(feed.events.some((e) => /scheduled helper run waits for your approval/.test(e.summary))).toBe(true);
  });

  it('skips or runs once for the firings missed while the twin was down', async () => {
    // Created at 09:00 on the 2nd: 09:30 on the 2nd, 3rd, 4th and 5th pass while it is down.
    const once = await schedule('once', '30 9 * * *', { missed: 'run_once' });
    const disabled = await schedule('off', '45 9 * * *', { enabled: false });
    await orch.close({ keepData: true });
    clock = Date.parse('2026-12-05T12:00:00.000Z');
    orch = await boot();
    await expect.poll(async () => (await listed(once.id)).history.length, { timeout: 5_000, interval: 50 }).toBe(1);
    expect((await listed(once.id)).history[0]).toMatchObject({
      outcome: 'started',
      scheduled_for: '2026-12-05T08:30:00.000Z',
      detail: 'ran once for 4 missed firings',
    });
    await expect.poll(async () => (await listed(daily.id)).history.length, { timeout: 5_000, interval: 50 }).toBe(2);
    expect((await listed(daily.id)).history[0]).toMatchObject({
      outcome: 'missed',
      run_id: null,
      detail: '3 firings missed while the twin was not running; skipped.',
    });
    expect((await listed(disabled.id)).history).toEqual([]);
    expect((await listed(disabled.id)).next_run_at).toBeNull();
  });

  it('ends a run whose card expired unanswered, saying so', async () => {
    const started = ok(
      await orch.post('/api/agents/runs', { template: 'helper', goal: 'run echo nobody-answers' }),
      AgentRunDetail.pick({ run_id: true }),
    );
    await expect.poll(async () => (await run(started.run_id)).status, { timeout: 5_000 }).toBe('waiting_approval');
    clock += 601_000;
    await expect.poll(async () => (await run(started.run_id)).status, { timeout: 5_000 }).toBe('failed');
    const ended = await run(started.run_id);
    expect(ended.reason).toMatch(/Nobody decided on the tool run echo nobody-answers before it expired/);
    expect(ended.steps.find((s) => s.kind === 'approval')).toMatchObject({ outcome: 'expired' });
  });

  it('refuses a bad cron expression or time zone, and an unknown schedule', async () => {
    const base = { name: 'bad', timezone: 'UTC', target: { kind: 'goal', template: 'helper', goal: 'x' } };
    expect(refused(await orch.post('/api/agents/schedules', { ...base, cron: '61 * * * *' }), 400).message).toMatch(
      /not a cron expression/,
    );
    expect(
      refused(await orch.post('/api/agents/schedules', { ...base, cron: '0 9 * * *', timezone: 'Mars/Olympus' }), 400)
        .message,
    ).toMatch(/not a time zone/);
    const res = await fetch(`${orch.url}/api/agents/schedules/sch_nosuchone`, { method: 'DELETE' });
    expect(res.status).toBe(404);
  });
});
