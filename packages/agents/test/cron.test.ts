// Schedules' cron expressions read in their time zone (croner), and the checks that refuse bad ones with the reason.
import { describe, expect, it } from 'vitest';
import { checkSchedule, firesBetween, nextFire } from '../src/index.ts';

describe('cron in a time zone', () => {
  it('fires at the local hour, across a daylight-saving change', () => {
    // 09:00 in Paris: 08:00 UTC in winter, 07:00 UTC in summer (the clocks go forward on 29 March 2026).
    expect(nextFire('0 9 * * *', 'Europe/Paris', new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    expect(nextFire('0 9 * * *', 'Europe/Paris', new Date('2026-12-01T12:00:00Z'))?.toISOString()).toBe(
      '2026-12-02T08:00:00.000Z',
    );
    expect(nextFire('*/15 * * * * *', 'UTC', new Date('2026-12-01T12:00:00Z'))?.toISOString()).toBe(
      '2026-12-01T12:00:15.000Z',
    );
  });

  it('counts the firings in a window, bounded', () => {
    const from = new Date('2026-12-01T00:00:00Z');
    expect(firesBetween('0 * * * *', 'UTC', from, new Date('2026-12-01T05:30:00Z'))).toHaveLength(5);
    expect(firesBetween('* * * * * *', 'UTC', from, new Date('2026-12-02T00:00:00Z'), 100)).toHaveLength(100);
  });

  it('refuses an expression that is not one, or a zone that does not exist', () => {
    expect(() => checkSchedule('0 9 * * *', 'Europe/Paris')).not.toThrow();
    expect(() => checkSchedule('61 * * * *', 'UTC')).toThrow(/not a cron expression/);
    expect(() => checkSchedule('every day', 'UTC')).toThrow(/not a cron expression/);
    expect(() => checkSchedule('0 9 * * *', 'Nowhere/City')).toThrow(/not a time zone/);
    expect(() => checkSchedule('0 0 30 2 *', 'UTC')).toThrow(/never fires|not a cron expression/);
  });
});
