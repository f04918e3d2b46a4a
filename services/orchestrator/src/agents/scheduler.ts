import { checkSchedule, firesBetween, nextFire } from '@pagi/agents';
import type { AgentRunSummary, Schedule, ScheduleInput } from '@pagi/contracts';
import type { Logger } from '@pagi/runtime';
import type { ScheduleStore, StoredSchedule } from './schedule-store.ts';

export interface SchedulerDeps {
  store: ScheduleStore;
  /** Starts what the schedule names (a playbook or an agent goal) as its owner; throws a CodedError when it cannot. */
  start: (schedule: StoredSchedule) => AgentRunSummary;
  logger: Logger;
  /** The clock schedules are read by (tests move it). */
  now: () => number;
  /** Longest wait between two looks at the clock. */
  pollMs: number;
}

/**
 * Fires schedules on time. A firing found late by more than the grace period was missed (the twin was down, or the
 * clock jumped): the schedule's policy either skips it or runs once for all of them. A scheduled run is an ordinary
 * run: its actions raise cards like any other, and it never approves them itself.
 */
export class Scheduler {
  private readonly d: SchedulerDeps;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly graceMs: number;

  constructor(deps: SchedulerDeps) {
    this.d = deps;
    this.graceMs = Math.max(60_000, deps.pollMs * 2);
  }

  create(userId: string, input: ScheduleInput): Schedule {
    checkSchedule(input.cron, input.timezone);
    const created = this.d.store.create(userId, input);
    this.rearm();
    return this.view(created);
  }

  update(id: string, input: ScheduleInput): Schedule {
    checkSchedule(input.cron, input.timezone);
    const updated = this.d.store.update(id, input);
    this.rearm();
    return this.view(updated);
  }

  delete(id: string): void {
    this.d.store.delete(id);
  }

  list(): Schedule[] {
    return this.d.store.list().map((s) => this.view(s));
  }

  start(): void {
    this.tick();
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Fires what is due, then sleeps until the next firing (at most pollMs). */
  tick(): void {
    if (this.stopped) return;
    const now = this.d.now();
    for (const s of this.d.store.list()) {
      if (!s.enabled) continue;
      try {
        this.handleDue(s, now);
      } catch (err) {
        this.d.logger.error({ err, schedule: s.id }, 'schedule could not be handled');
      }
    }
    this.rearm();
  }

  private rearm(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const now = this.d.now();
    const next = Math.min(
      ...this.d.store
        .list()
        .filter((s) => s.enabled)
        .map(
          (s) =>
            nextFire(s.cron, s.timezone, new Date(Math.max(s.since, now - 1)))?.getTime() ?? Number.POSITIVE_INFINITY,
        ),
    );
    const wait = Math.max(0, Math.min(this.d.pollMs, next - now));
    this.timer = setTimeout(() => this.tick(), wait);
    this.timer.unref();
  }

  private handleDue(s: StoredSchedule, now: number): void {
    const due = firesBetween(s.cron, s.timezone, new Date(s.since), new Date(now));
    if (!due.length) return;
    const last = (due.at(-1) as Date).getTime();
    const onTime = due.filter((d) => now - d.getTime() <= this.graceMs);
    const missed = due.length - onTime.length;
    if (missed && (s.missed === 'skip' || onTime.length)) {
      this.d.store.record(s.id, last, {
        scheduled_for: (due[missed - 1] as Date).toISOString(),
        outcome: 'missed',
        run_id: null,
        detail: `${missed} firing${missed === 1 ? '' : 's'} missed while the twin was not running; skipped.`,
      });
    }
    const fireAt = onTime.at(-1) ?? (s.missed === 'run_once' ? due.at(-1) : undefined);
    if (!fireAt) return;
    const detail = onTime.length ? 'started on time' : `ran once for ${missed} missed firing${missed === 1 ? '' : 's'}`;
    try {
      const run = this.d.start(s);
      this.d.store.record(s.id, last, {
        scheduled_for: fireAt.toISOString(),
        outcome: 'started',
        run_id: run.run_id,
        detail,
      });
      this.d.logger.info({ schedule: s.id, run_id: run.run_id }, 'schedule fired');
    } catch (err) {
      const message = (err as Error).message;
      this.d.store.record(s.id, last, {
        scheduled_for: fireAt.toISOString(),
        outcome: 'failed',
        run_id: null,
        detail: message,
      });
      this.d.logger.warn({ schedule: s.id, err: message }, 'schedule could not start its run');
    }
  }

  private view(s: StoredSchedule): Schedule {
    const now = this.d.now();
    const next = s.enabled ? nextFire(s.cron, s.timezone, new Date(Math.max(s.since, now))) : null;
    return {
      id: s.id,
      name: s.name,
      cron: s.cron,
      timezone: s.timezone,
      target: s.target,
      enabled: s.enabled,
      missed: s.missed,
      next_run_at: next ? next.toISOString() : null,
      last_fired_at: s.last_fired_at === null ? null : new Date(s.last_fired_at).toISOString(),
      created_at: new Date(s.created_at).toISOString(),
      history: this.d.store.history(s.id),
    };
  }
}
