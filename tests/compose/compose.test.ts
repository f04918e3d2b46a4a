// `docker compose up` for real: the images of docker-compose.yml built by a private Docker engine (host networking
// only, loopback traffic only), the stack started with docker-compose, and a person's main paths checked through the
// containers — then everything torn down, with nothing left behind. `make test-compose` runs this file alone.

import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unary } from '@pagi/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CATALOG } from '../../scripts/stack/catalog.ts';
import { releasePorts, reservePort } from '../helpers/ports.ts';
import { buildClient, toolsClient } from '../helpers/service-process.ts';
import { TEST_SERVICE_TOKEN } from '../helpers/service-token.ts';
import { REPO_ROOT } from '../helpers/stack.ts';
import { isFinalResponse, WsClient } from '../helpers/ws-client.ts';
import { baseImagesOf, ensureBaseImages } from './base-images.ts';
import { buildImages } from './build-images.ts';
import { type ComposeDoc, testComposeFile } from './compose-file.ts';
import { type Engine, engineUnavailable, startEngine, UNMASKED_RUNTIME } from './engine.ts';
import { composeProject, type Project } from './project.ts';

const ADMIN_KEY = 'compose-admin-key-0123456789abcdefghij';
const AS_ADMIN = { authorization: `Bearer ${ADMIN_KEY}` };

const CACHE = path.join(REPO_ROOT, '.cache');
const unavailable = engineUnavailable();
if (unavailable && process.env.CI === 'true') throw new Error(`CI runs the compose test; it cannot: ${unavailable}`);
if (unavailable) process.stderr.write(`[compose] not run: ${unavailable}\n`);
const log = (line: string) => process.stderr.write(`[compose] ${line}\n`);
const WORDSTAT = readFileSync(path.join(REPO_ROOT, 'services/build/test/fixtures/wordstat.rs'), 'utf8');
const seconds = (since: number) => Math.round((Date.now() - since) / 1000);

describe.runIf(!unavailable)('docker compose up on a private engine', () => {
  let engine: Engine;
  let project: Project;
  const ports: Record<string, number> = {};
  const url = (v: string) => `http://127.0.0.1:${ports[v]}`;
  const figures: Record<string, number> = {};
  let tornDown = false;
  let buildLog = '';

  const teardown = async () => {
    if (tornDown) return { mounts: [], processes: [] };
    tornDown = true;
    if (project) await project.run(['down', '--volumes', '--remove-orphans', '--timeout', '20'], 120_000);
    const left = engine ? await engine.stop() : { mounts: [], processes: [] };
    releasePorts(Object.values(ports));
    return left;
  };

  beforeAll(async () => {
    const started = Date.now();
    engine = await startEngine(CACHE, log);
    const dockerfiles = ['Dockerfile', 'frontend/Dockerfile'].map((f) => readFileSync(path.join(REPO_ROOT, f), 'utf8'));
    await ensureBaseImages(engine, [...new Set(dockerfiles.flatMap(baseImagesOf))], CACHE, log);
    figures.base_images_s = seconds(started);

    for (const spec of CATALOG) for (const v of Object.keys(spec.ports)) ports[v] = await reservePort();
    project = composeProject(engine, {
      name: 'pagi-compose-test',
      dir: path.join(CACHE, 'compose'),
      source: path.join(REPO_ROOT, 'docker-compose.yml'),
      transform: (resolved) => testComposeFile(resolved, ports),
      env: { SERVICE_TOKEN: TEST_SERVICE_TOKEN, PAGI_ADMIN_API_KEY: ADMIN_KEY },
    });

    let t = Date.now();
    buildLog = await buildImages(project, parse(readFileSync(project.file, 'utf8')) as ComposeDoc);
    figures.build_s = seconds(t);
    t = Date.now();
    try {
      await project.run(['up', '--detach', '--no-build'], 10 * 60_000);
      await allHealthy(project, 5 * 60_000);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${project.unhealthyLogs()}`);
    }
    figures.healthy_after_up_s = seconds(t);
    figures.total_s = seconds(started);
    log(`figures ${JSON.stringify(figures)}`);
  }, 30 * 60_000);

  afterAll(async () => {
    await teardown();
  }, 5 * 60_000);

  it('brings every service of the compose file up healthy, each in its own container', () => {
    const running = project.containers();
    expect(running.map((c) => c.name.replace(/^pagi-compose-test_|_1$/g, '')).sort()).toEqual([
      'frontend',
      'rust-build-service',
      'rust-gateway',
      'rust-memory-service',
      'rust-orchestrator',
      'rust-tools-service',
      'telemetry',
    ]);
    for (const c of running) expect(`${c.name} ${c.state} ${c.health}`).toBe(`${c.name} running healthy`);
  });

  it('builds what the six backend images share once: everything before the service is chosen', () => {
    // One section per image: `Building <service>` alone on its line (apt's "Building dependency tree..." is not one).
    const backend = buildLog.split(/^Building [\w-]+$/m).filter((section) => section.includes('ARG SERVICE'));
    expect(backend).toHaveLength(6);
    for (const step of ['RUN apt-get update', 'RUN pnpm fetch --prod']) {
      const ran = backend.filter((section) => new RegExp(`: ${step}.*\\n ---> Running in`).test(section));
      expect(ran.length, `${step} ran ${ran.length} times`).toBeLessThanOrEqual(1);
    }
  });

  it('serves the UI from its image and forwards the API and the WebSocket to the gateway', async () => {
    const ui = url('FRONTEND_PORT');
    const index = await fetch(`${ui}/`);
    expect(index.status).toBe(200);
    const html = await index.text();
    expect(html).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(ui + script);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    // A route of the app, not a file: the app itself, so a reload on any page works.
    expect(await (await fetch(`${ui}/knowledge/atlas`)).text()).toBe(html);

    expect(await (await fetch(`${ui}/api/health`)).json()).toEqual({ service: 'gateway', status: 'ok' });
    // Accounts are on, as in any compose deployment: the seeded admin key opens the door, nothing else does.
    expect((await fetch(`${ui}/api/health/services`)).status).toBe(401);
    expect(await (await fetch(`${ui}/api/auth/me`)).json()).toMatchObject({ auth_mode: 'on', user: null });
    const services = (await (await fetch(`${ui}/api/health/services`, { headers: AS_ADMIN })).json()) as {
      services: { name: string; status: string }[];
    };
    expect(Object.fromEntries(services.services.map((s) => [s.name, s.status]))).toEqual({
      gateway: 'ok',
      orchestrator: 'ok',
      telemetry: 'ok',
      memory: 'ok',
      tools: 'ok',
      build: 'ok',
    });
  });

  it('runs a tool under bubblewrap inside the tools container: its own network, no capabilities', async () => {
    const tools = toolsClient(ports.TOOLS_GRPC_PORT!);
    const run = (tool_name: string, args: string[]) =>
      unary(tools, 'ExecuteTool', { tool_name, args, twin_id: '', timeout_ms: 0, stdin: '' }, { deadlineMs: 15_000 });
    try {
      const status = await run('cat', ['/proc/self/status']);
      expect(status).toMatchObject({ exit_code: 0, sandbox: 'bwrap' });
      for (const set of ['CapInh', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb']) {
        expect(status.output).toMatch(new RegExp(`^${set}:\\s+0{16}$`, 'm'));
      }
      const net = await run('cat', ['/proc/net/dev']);
      const interfaces = net.output
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((l) => l.split(':')[0]!.trim());
      expect(interfaces).toEqual(['lo']);
    } finally {
      tools.close();
    }
    // The service is root inside its container, so each run gets a host user (and a process budget) of its own.
    const id = project.containers().find((c) => c.name.includes('rust-tools-service'))!.id;
    const logs = spawnSync(engine.cli, ['logs', id], { env: engine.env, encoding: 'utf8' });
    expect(logs.stdout + logs.stderr).toContain('"service":"tools"');
    expect(logs.stdout + logs.stderr).not.toContain('share one process budget');
    // The container around it: not privileged, every capability dropped but the few that hand each run a user.
    const host = JSON.parse(engine.docker(['inspect', '--format', '{{json .HostConfig}}', id]));
    expect(host).toMatchObject({ Privileged: false, CapDrop: ['ALL'], Runtime: UNMASKED_RUNTIME, NetworkMode: 'host' });
    expect(host.CapAdd.map((c: string) => c.replace(/^CAP_/, '')).sort()).toEqual([
      'CHOWN',
      'DAC_OVERRIDE',
      'FOWNER',
      'KILL',
      'SETGID',
      'SETUID',
    ]);
  });

  it('builds a Rust tool in the build container that the tools container then runs', async () => {
    const build = buildClient(ports.BUILD_SERVICE_PORT!);
    const tools = toolsClient(ports.TOOLS_GRPC_PORT!);
    try {
      const t = Date.now();
      const res = await unary(
        build,
        'CreateTool',
        { tool_name: 'wordstat', tool_code: WORDSTAT },
        { deadlineMs: 120_000 },
      );
      figures.create_tool_ms = Date.now() - t;
      expect(res).toMatchObject({ exit_code: 0, installed_tool: 'wordstat' });
      const run = await unary(
        tools,
        'ExecuteTool',
        { tool_name: 'wordstat', args: ['the cat and the dog'], twin_id: '', timeout_ms: 0, stdin: '' },
        { deadlineMs: 15_000 },
      );
      expect(run).toMatchObject({ exit_code: 0, sandbox: 'bwrap', output: 'words: 5\nthe x2\n' });
    } finally {
      build.close();
      tools.close();
    }
  });

  it('runs a chat turn with an approval end to end, through the UI origin', async () => {
    const c = await WsClient.open(url('FRONTEND_PORT'), '/ws/chat/me', { headers: AS_ADMIN });
    try {
      c.send({
        type: 'chat',
        message: 'run echo hello from compose',
        session_id: 'compose-1',
        twin_id: 'twin-compose',
      });
      const ask = (await c.next((f) => f.type === 'approval_required', 20_000)) as {
        action: { action_id: string; kind: string };
      };
      expect(ask.action.kind).toBe('execute_tool');
      c.send({ type: 'approval', action_id: ask.action.action_id, decision: 'approve', session_id: 'compose-1' });
      const result = (await c.next((f) => f.type === 'action_result', 20_000)) as {
        result: { output: string; exit_code: number };
      };
      expect(result.result).toMatchObject({ output: 'hello from compose\n', exit_code: 0 });
      await c.next((f) => isFinalResponse(f) && f.status === 'completed', 20_000);
    } finally {
      await c.close();
    }
  });

  it('makes a file dropped into the ingest volume searchable, by query and by an approved chat search', async () => {
    const volume = JSON.parse(engine.docker(['volume', 'inspect', `${project.name}_pagi_data`]))[0].Mountpoint;
    const ingest = path.join(volume, 'ingest');
    mkdirSync(ingest, { recursive: true });
    const staging = path.join(volume, '.compose-note.md');
    writeFileSync(
      staging,
      '# Greenhouse irrigation\n\nThe greenhouse drip lines run at dawn; the quokka valve closes when soil moisture passes 40%.\n',
    );
    // The services run as the image's `node` user (uid 1000), as a file copied in by that user would be.
    chownSync(staging, 1000, 1000);
    renameSync(staging, path.join(ingest, 'greenhouse.md'));

    const ui = url('FRONTEND_PORT');
    const deadline = Date.now() + 60_000;
    let hits: { content: string; source_file?: string }[] = [];
    while (Date.now() < deadline) {
      const res = await fetch(`${ui}/api/memory/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...AS_ADMIN },
        body: JSON.stringify({ query: 'quokka valve', top_k: 3 }),
      });
      hits = ((await res.json()) as { results: typeof hits }).results;
      if (hits.some((h) => h.content.includes('quokka valve'))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(hits[0]?.content).toContain('quokka valve');
    expect(hits[0]?.source_file).toBe('ingest:greenhouse.md');

    const c = await WsClient.open(ui, '/ws/chat/me', { headers: AS_ADMIN });
    try {
      c.send({
        type: 'chat',
        message: 'search my memory for quokka valve',
        session_id: 'compose-2',
        twin_id: 'twin-compose',
      });
      const ask = (await c.next((f) => f.type === 'approval_required', 20_000)) as { action: { action_id: string } };
      c.send({ type: 'approval', action_id: ask.action.action_id, decision: 'approve', session_id: 'compose-2' });
      const result = (await c.next((f) => f.type === 'action_result', 20_000)) as { result: unknown };
      expect(JSON.stringify(result.result)).toContain('quokka valve');
    } finally {
      await c.close();
    }
  });

  it('tears down to nothing: no container, mount or process of the engine is left', async () => {
    await project.run(['down', '--volumes', '--remove-orphans', '--timeout', '20'], 120_000);
    expect(project.containers()).toEqual([]);
    expect(engine.docker(['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project.name}`])).toBe(
      '',
    );
    const left = await teardown();
    expect(left).toEqual({ mounts: [], processes: [] });
    log(`figures ${JSON.stringify(figures)}`);
  });
});

/** Waits until every container of the project is healthy; fails at once on one that died or is unhealthy. */
async function allHealthy(project: Project, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const containers = project.containers();
    const broken = containers.find((c) => c.state === 'exited' || c.health === 'unhealthy');
    if (broken) throw new Error(`${broken.name} is ${broken.state} ${broken.health}`);
    if (containers.length > 0 && containers.every((c) => c.health === 'healthy')) return;
    if (Date.now() > deadline) throw new Error(`not every container is healthy after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
