// One program in its own process group, stopped by its caller: whether the stop comes while it runs or before it
// has even started (a run stopped while it waited for a slot).
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../src/sandbox/process-run.ts';

const sleep = (signal: AbortSignal) =>
  runProcess({
    command: '/usr/bin/sleep',
    args: ['10'],
    cwd: tmpdir(),
    env: { PATH: '/usr/bin:/bin' },
    timeoutMs: 20_000,
    outputMaxBytes: 1024,
    signal,
  });

describe('a stopped process', () => {
  it('is killed at once when its caller aborts while it runs', async () => {
    const stop = new AbortController();
    const t0 = performance.now();
    const run = sleep(stop.signal);
    setTimeout(() => stop.abort(), 200);
    expect(await run).toMatchObject({ signal: 'SIGKILL', timedOut: false });
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it('is killed as soon as it exists when the abort came before it started', async () => {
    const t0 = performance.now();
    expect(await sleep(AbortSignal.abort())).toMatchObject({ signal: 'SIGKILL', timedOut: false });
    expect(performance.now() - t0).toBeLessThan(3_000);
  });
});
