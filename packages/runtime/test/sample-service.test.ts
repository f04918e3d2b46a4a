import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import * as grpc from '@grpc/grpc-js';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { GrpcReflection } from 'grpc-js-reflection-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkGrpcHealth,
  createClient,
  loadProto,
  resolveServiceToken,
  serviceTokenFile,
  unary,
} from '../src/index.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/sample-service.ts');
const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  grpcPort: number;
  httpPort: number;
  output: () => string;
}

function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [FIXTURE], {
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      PAGI_ENV_FILE: '/nonexistent',
      SERVICE_TOKEN: TEST_SERVICE_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stderr!.on('data', (d) => {
    output += d;
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output += `${line}\n`;
      if (line.includes('"ready":true')) {
        const { grpcPort, httpPort } = JSON.parse(line);
        resolve({ child, grpcPort, httpPort, output: () => output });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('a service built from the runtime', () => {
  it('lists its services through reflection and answers the standard health check', async () => {
    const svc = await start({});
    const reflection = new GrpcReflection(`127.0.0.1:${svc.grpcPort}`, grpc.credentials.createInsecure());
    const services = await reflection.listServices();
    expect(services).toEqual(expect.arrayContaining(['build.BuildService', 'grpc.health.v1.Health']));
    const methods = await reflection.listMethods('build.BuildService');
    expect(methods.map((m) => m.name)).toEqual(expect.arrayContaining(['CreateTool', 'HealthCheck']));

    expect(await checkGrpcHealth(`127.0.0.1:${svc.grpcPort}`)).toBe('SERVING');
    expect(await checkGrpcHealth(`127.0.0.1:${svc.grpcPort}`, 'build.BuildService')).toBe('SERVING');
    await expect(checkGrpcHealth(`127.0.0.1:${svc.grpcPort}`, 'no.Such')).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
    });
  });

  it('refuses calls without the service token (health stays open) and takes the token from the data folder', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sample-token-'));
    // No SERVICE_TOKEN: the service makes one in the data folder, readable by its owner only.
    const svc = await start({ SERVICE_TOKEN: '', DATA_DIR: dataDir });
    const file = serviceTokenFile(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { build } = loadProto('build');
    const address = `127.0.0.1:${svc.grpcPort}`;
    for (const token of [TEST_SERVICE_TOKEN, `${readFileSync(file, 'utf8')}x`]) {
      const stranger = createClient(build.BuildService, address, token);
      const err = await unary(stranger, 'CreateTool', { tool_name: 'x', tool_code: '' }).catch((e) => e);
      expect(err.code).toBe(grpc.status.UNAUTHENTICATED);
      expect(err.details).toMatch(/service token/);
      stranger.close();
    }
    const plain = new grpc.Client(address, grpc.credentials.createInsecure());
    const noMetadata = await new Promise<grpc.ServiceError>((resolve) =>
      plain.makeUnaryRequest(
        '/build.BuildService/CreateTool',
        (x: Buffer) => x,
        (x: Buffer) => x,
        Buffer.alloc(0),
        (err) => resolve(err as grpc.ServiceError),
      ),
    );
    expect(noMetadata.code).toBe(grpc.status.UNAUTHENTICATED);
    plain.close();
    expect(await checkGrpcHealth(address)).toBe('SERVING');
    // A second service of the same node finds the same token.
    const client = createClient(build.BuildService, address, resolveServiceToken({ DATA_DIR: dataDir }));
    expect(await unary(client, 'CreateTool', { tool_name: 'x', tool_code: '' })).toMatchObject({ stdout: 'built x' });
    client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('maps handler failures to INTERNAL without leaking the message', async () => {
    const svc = await start({});
    const { build } = loadProto('build');
    const client = createClient(build.BuildService, `http://127.0.0.1:${svc.grpcPort}`, TEST_SERVICE_TOKEN);
    expect(await unary(client, 'CreateTool', { tool_name: 'x', tool_code: '' })).toMatchObject({ stdout: 'built x' });
    const err = await unary(client, 'CreateTool', { tool_name: '', tool_code: '' }).catch((e) => e);
    expect(err.code).toBe(grpc.status.INTERNAL);
    expect(err.details).not.toContain('secret');
    client.close();
  });

  it('answers bad HTTP bodies with the shared error shape', async () => {
    const svc = await start({});
    const base = `http://127.0.0.1:${svc.httpPort}`;
    const bad = await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_request', message: /not valid JSON/ } });
    // Valid JSON with a prototype-poisoning key is refused as such, not called invalid JSON.
    const poisoned = await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a": 1, "__proto__": {"admin": true}}',
    });
    expect(poisoned.status).toBe(400);
    expect(await poisoned.json()).toEqual({
      error: { code: 'invalid_request', message: expect.stringContaining('"__proto__"') },
    });
    // Errors fastify raises before any route runs have the shared shape too.
    const longParam = await fetch(`${base}/items/${'x'.repeat(500)}`);
    expect(longParam.status).toBe(414);
    expect(await longParam.json()).toEqual({ error: { code: 'uri_too_long', message: expect.any(String) } });
    expect(await (await fetch(`${base}/items/short`)).json()).toEqual({ id: 'short' });
    // Refused before it is read, yet the client gets the answer every time: the rest of the body is drained
    // instead of the connection being reset under a client that is still sending.
    for (let i = 0; i < 10; i++) {
      const big = await fetch(`${base}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ x: 'a'.repeat(2_000_000) }),
      });
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    }
    const missing = await fetch(`${base}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ service: 'sample', status: 'ok' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('process_cpu_seconds_total');
    expect(metrics).toContain('http_request_duration_seconds_bucket');
  });

  it('lets in-flight gRPC and HTTP requests finish on SIGTERM, then exits 0', async () => {
    const svc = await start({ SAMPLE_DELAY_MS: '700' });
    const { build } = loadProto('build');
    const client = createClient(build.BuildService, `127.0.0.1:${svc.grpcPort}`, TEST_SERVICE_TOKEN);
    const rpc = unary(client, 'CreateTool', { tool_name: 'slow', tool_code: '' }, { deadlineMs: 5000 });
    const http = fetch(`http://127.0.0.1:${svc.httpPort}/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 200));
    svc.child.kill('SIGTERM');
    const [exitCode] = await Promise.all([once(svc.child, 'exit').then(([code]) => code), rpc, http]);
    await expect(rpc).resolves.toMatchObject({ stdout: 'built slow' });
    await expect(http).resolves.toEqual({ done: true });
    expect(exitCode).toBe(0);
    client.close();
  });

  it('ends open event-stream subscriptions on SIGTERM instead of waiting on them', async () => {
    const svc = await start({});
    const res = await fetch(`http://127.0.0.1:${svc.httpPort}/events`);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const body = res.text();
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    svc.child.kill('SIGTERM');
    const [code] = await once(svc.child, 'exit');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await body).toContain('data: {"hello":true}');
  });

  it('refuses to start on a bad env value and names the variable', async () => {
    const err = await start({ SAMPLE_GRPC_PORT: 'abc', LOG_LEVEL: 'loud' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String(err)).toContain('exited 1');
    expect(String(err)).toContain('SAMPLE_GRPC_PORT');
    expect(String(err)).toContain('LOG_LEVEL');
  });
});
