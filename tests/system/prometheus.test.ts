// A real Prometheus (Debian's package) scrapes the running stack: every target is up and each service's own
// metrics are there.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prometheusConfig, SCRAPE_PORTS } from '../../scripts/ops/prometheus-config.ts';
import { reservePort } from '../helpers/ports.ts';
import { REPO_ROOT, type Stack, startStack } from '../helpers/stack.ts';

const hasPrometheus = (() => {
  try {
    execFileSync('prometheus', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPrometheus && process.env.CI === 'true') throw new Error('prometheus is required in CI (scripts/setup.sh)');

let stack: Stack;
let prom: ChildProcess;
let promUrl: string;
let dir: string;

async function query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
  return ((await res.json()) as { data: { result: never[] } }).data.result;
}

describe.runIf(hasPrometheus)('Prometheus scraping the stack', () => {
  beforeAll(async () => {
    stack = await startStack({
      services: ['memory', 'tools', 'build', 'telemetry', 'orchestrator', 'gateway'],
      env: { LOG_LEVEL: 'warn' },
    });
    dir = mkdtempSync(path.join(tmpdir(), 'pagi-prom-'));
    writeFileSync(path.join(dir, 'prometheus.yml'), prometheusConfig(stack.ports, 1));
    const port = await reservePort();
    promUrl = `http://127.0.0.1:${port}`;
    prom = spawn(
      'prometheus',
      [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(dir, 'tsdb')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore' },
    );
    // Every target scraped successfully at least once.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const up = await query('up').catch(() => []);
      if (up.length === Object.keys(SCRAPE_PORTS).length && up.every((r) => r.value[1] === '1')) break;
      if (Date.now() > deadline) throw new Error(`targets not up: ${JSON.stringify(up)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 150_000);

  afterAll(async () => {
    if (prom && prom.exitCode === null) {
      prom.kill('SIGTERM');
      await once(prom, 'exit');
    }
    await stack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has every target up', async () => {
    const up = await query('up');
    expect(up.map((r) => r.metric.job).sort()).toEqual(Object.keys(SCRAPE_PORTS).sort());
  });

  it('collects process metrics labelled by service and the services own metrics', async () => {
    await fetch(`${stack.url('orchestrator')}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'hello', twin_id: 'twin-p', session_id: 'prom-1' }),
    });
    const services = (await query('process_cpu_seconds_total')).map((r) => r.metric.service).sort();
    expect(services).toEqual(['build', 'gateway', 'memory', 'orchestrator', 'telemetry', 'tools']);
    const deadline = Date.now() + 10_000;
    let turns: Awaited<ReturnType<typeof query>> = [];
    while (turns.length === 0 && Date.now() < deadline) {
      turns = await query('sum(orchestrator_chat_turns_total)');
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(Number(turns[0]?.value[1])).toBeGreaterThanOrEqual(1);
  });

  it('scrapes the same jobs as the compose configuration', () => {
    const compose = parse(readFileSync(path.join(REPO_ROOT, 'config/prometheus.yml'), 'utf8')) as {
      scrape_configs: { job_name: string }[];
    };
    expect(compose.scrape_configs.map((j) => j.job_name).sort()).toEqual(Object.keys(SCRAPE_PORTS).sort());
  });
});
