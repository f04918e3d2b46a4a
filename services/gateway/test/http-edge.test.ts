import http from 'node:http';
import { ServicesHealthResponse } from '@pagi/contracts';
import { createLogger, type RunningGrpcServer, startGrpcServer } from '@pagi/runtime';
import { reservePort } from '@pagi/tests/helpers/ports.ts';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractOrchestrator, startContractOrchestrator } from './helpers/contract-orchestrator.ts';
import { type RunningGateway, type RunningTelemetry, startGateway, startTelemetry } from './helpers/servers.ts';

let orchestrator: ContractOrchestrator;
let telemetry: RunningTelemetry;
let grpc: RunningGrpcServer;
let gateway: RunningGateway;

beforeAll(async () => {
  orchestrator = await startContractOrchestrator();
  telemetry = await startTelemetry();
  grpc = await startGrpcServer({
    name: 'memory',
    host: '127.0.0.1',
    port: 0,
    logger: createLogger('grpc', 'silent'),
    protos: [],
    services: [],
    token: TEST_SERVICE_TOKEN,
  });
  gateway = await startGateway({
    ORCHESTRATOR_URL: orchestrator.url,
    TELEMETRY_URL: telemetry.url,
    MEMORY_GRPC_ADDR: `http://127.0.0.1:${grpc.port}`,
    CORS_ORIGIN: 'http://localhost:3000',
    UPSTREAM_TIMEOUT_MS: '500',
    GATEWAY_BODY_LIMIT: '4096',
  });
});

afterAll(async () => {
  await gateway?.close();
  await grpc?.close();
  await telemetry?.close();
  await orchestrator?.close();
});

describe('gateway health', () => {
  it('GET /api/health is exactly the documented body', async () => {
    const res = await fetch(`${gateway.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"service":"gateway","status":"ok"}');
  });

  it('GET /api/health/services reports every service with latency, down ones included', async () => {
    const body = ServicesHealthResponse.parse(await (await fetch(`${gateway.url}/api/health/services`)).json());
    const by = Object.fromEntries(body.services.map((s) => [s.name, s]));
    expect(Object.keys(by).sort()).toEqual(['build', 'gateway', 'memory', 'orchestrator', 'telemetry', 'tools']);
    for (const name of ['gateway', 'orchestrator', 'telemetry', 'memory']) {
      expect(by[name]!.status).toBe('ok');
      expect(by[name]!.latency_ms).toBeTypeOf('number');
    }
    for (const name of ['tools', 'build']) {
      expect(by[name]).toMatchObject({ status: 'down', latency_ms: null });
      expect(by[name]!.detail).toBeTruthy();
    }
    grpc.health.setStatus('', 'NOT_SERVING');
    const again = ServicesHealthResponse.parse(await (await fetch(`${gateway.url}/api/health/services`)).json());
    expect(again.services.find((s) => s.name === 'memory')).toMatchObject({
      status: 'degraded',
      detail: 'NOT_SERVING',
    });
    grpc.health.setStatus('', 'SERVING');
  });
});

describe('CORS, security headers and limits', () => {
  it('allows the UI origin, not others, and sets security headers', async () => {
    const ok = await fetch(`${gateway.url}/api/health`, { headers: { origin: 'http://localhost:3000' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(ok.headers.get('strict-transport-security')).toBeTruthy();
    const evil = await fetch(`${gateway.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${gateway.url}/api/memory/query`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('proxy to the orchestrator', () => {
  it('forwards /api/* with method, query and body', async () => {
    const res = await fetch(`${gateway.url}/api/echo?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ method: 'POST', query: '?x=1', body: { hello: 'world' } });
  });

  it('passes upstream errors through unchanged', async () => {
    const res = await fetch(`${gateway.url}/api/nowhere`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no route for GET /api/nowhere' } });
  });

  it('refuses a body over the limit with 413 in the shared shape', async () => {
    const res = await fetch(`${gateway.url}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ big: 'x'.repeat(10_000) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('times out a silent orchestrator with 504, and streams SSE beyond the timeout', async () => {
    const started = Date.now();
    const res = await fetch(`${gateway.url}/api/hang`);
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({
      error: { code: 'upstream_timeout', message: 'orchestrator did not answer in time' },
    });
    expect(Date.now() - started).toBeLessThan(3000);
    // The activity stream pauses 400 ms of a 500 ms timeout between events, and is not cut.
    const stream = await fetch(`${gateway.url}/api/activity/stream`);
    expect(await stream.text()).toBe(': connected\n\ndata: {"n":1}\n\ndata: {"n":2}\n\n');
  });

  it('answers 502 in the shared shape when the orchestrator is down, and recovers when it returns', async () => {
    const port = await reservePort();
    const down = await startGateway({ ORCHESTRATOR_URL: `http://127.0.0.1:${port}` });
    const back = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"back":true}');
    });
    try {
      const res = await fetch(`${down.url}/api/status`);
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({
        error: { code: 'upstream_unavailable', message: 'orchestrator is unavailable' },
      });
      const actions = await fetch(`${down.url}/v1/actions?session_id=s`);
      expect(actions.status).toBe(502);
      // A request with a body fails both ways at once; it still gets one answer, and nothing is logged as an error.
      const post = await fetch(`${down.url}/api/memory/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'anything' }),
      });
      expect(post.status).toBe(502);
      expect(await post.json()).toMatchObject({ error: { code: 'upstream_unavailable' } });
      expect(
        down
          .logs()
          .filter((l) => l.level >= 50)
          .map((l) => JSON.stringify(l).slice(0, 600)),
      ).toEqual([]);
      expect(down.logs().some((l) => /already sent/.test(l.msg ?? ''))).toBe(false);
      await new Promise<void>((resolve) => back.listen(port, '127.0.0.1', resolve));
      const recovered = await fetch(`${down.url}/api/status`);
      expect(await recovered.json()).toEqual({ back: true });
    } finally {
      await down.close();
      back.closeAllConnections();
      back.close();
    }
  });

  it('closes without waiting on a proxied event stream that never ends', async () => {
    const own = await startGateway({ ORCHESTRATOR_URL: orchestrator.url });
    const res = await fetch(`${own.url}/api/endless/stream`);
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('data: {"n":1}');
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(5000);
    // The browser sees its stream end (and reconnects elsewhere) instead of hanging on a dead gateway.
    const rest = await reader.read().catch(() => ({ done: true }));
    expect(rest.done).toBe(true);
  });
});
