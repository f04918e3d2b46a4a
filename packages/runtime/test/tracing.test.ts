import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startOtlpReceiver } from '@pagi/tests/helpers/otlp-receiver.ts';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { describe, expect, it } from 'vitest';
import { createClient, loadProto, unary } from '../src/index.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/sample-service.ts');

async function startSample(env: Record<string, string>) {
  const child = spawn(process.execPath, [FIXTURE], {
    env: {
      ...process.env,
      PAGI_ENV_FILE: '/nonexistent',
      LOG_LEVEL: 'warn',
      SERVICE_TOKEN: TEST_SERVICE_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ports = await new Promise<{ grpcPort: number; httpPort: number }>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (l) => l.includes('"ready"') && resolve(JSON.parse(l)));
    child.on('exit', (c) => reject(new Error(`exited ${c}`)));
  });
  return { child, ...ports };
}

describe('tracing', () => {
  it('exports server spans that continue the caller trace over HTTP and gRPC, and flushes on shutdown', async () => {
    const receiver = await startOtlpReceiver();
    const svc = await startSample({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await fetch(`http://127.0.0.1:${svc.httpPort}/slow`, {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const { build } = loadProto('build');
    const client = createClient(build.BuildService, `127.0.0.1:${svc.grpcPort}`, TEST_SERVICE_TOKEN);
    const md = new (await import('@grpc/grpc-js')).Metadata();
    md.set('traceparent', `00-${traceId}-00f067aa0ba902b8-01`);
    await unary(client, 'CreateTool', { tool_name: 't', tool_code: '' }, { metadata: md });
    client.close();
    const started = Date.now();
    svc.child.kill('SIGTERM');
    const [code] = await once(svc.child, 'exit');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    const mine = receiver.spans.filter((s) => s.traceId === traceId && s.service === 'sample');
    expect(mine.map((s) => s.name).sort()).toEqual(['GET /slow', 'build.BuildService/CreateTool']);
    expect(mine.find((s) => s.name === 'GET /slow')?.parentSpanId).toBe('00f067aa0ba902b7');
    await receiver.close();
  });

  it('costs nothing at shutdown when no endpoint is configured', async () => {
    const svc = await startSample({});
    const started = Date.now();
    svc.child.kill('SIGTERM');
    const [code] = await once(svc.child, 'exit');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
