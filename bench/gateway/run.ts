// WS chat round trip through gateway + orchestrator (mock planner, respond path) at 1 and 50 concurrent sockets,
// against a bare ws echo server measured in the same run; then gateway memory per idle socket. Prints one JSON.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startStack } from '@pagi/tests/helpers/stack.ts';
import WebSocket from 'ws';

const ROUND_TRIPS = { 1: 400, 50: 2000 } as const;
const WARMUP = 100;
const IDLE_SOCKETS = 500;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

async function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  await once(socket, 'open');
  return socket;
}

/** Sends a frame and resolves when `isReply` accepts an incoming frame. */
function roundTrip(socket: WebSocket, frame: string, isReply: (data: string) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now();
    const onMessage = (data: WebSocket.RawData) => {
      if (!isReply(data.toString())) return;
      socket.off('message', onMessage);
      resolve(performance.now() - started);
    };
    socket.on('message', onMessage);
    socket.send(frame);
  });
}

/** `total` round trips spread over `concurrency` sockets, each socket sending its next frame after the reply. */
async function measure(
  url: (i: number) => string,
  concurrency: number,
  total: number,
  frameOf: (socket: number, n: number) => string,
  isReply: (data: string) => boolean,
) {
  const sockets = await Promise.all(Array.from({ length: concurrency }, (_, i) => openSocket(url(i))));
  const run = async (count: number, record: number[] | null) => {
    await Promise.all(
      sockets.map(async (s, i) => {
        for (let n = 0; n < Math.ceil(count / concurrency); n++) {
          const ms = await roundTrip(s, frameOf(i, n), isReply);
          record?.push(ms);
        }
      }),
    );
  };
  await run(Math.max(WARMUP, concurrency * 2), null);
  const samples: number[] = [];
  const started = performance.now();
  await run(total, samples);
  const seconds = (performance.now() - started) / 1000;
  for (const s of sockets) s.terminate();
  samples.sort((a, b) => a - b);
  return {
    round_trips: samples.length,
    p50_ms: round(quantile(samples, 0.5)),
    p99_ms: round(quantile(samples, 0.99)),
    throughput_per_s: round(samples.length / seconds, 1),
  };
}

/** The same turn sent straight to the orchestrator over HTTP/SSE: what the gateway's own hop adds is the rest. */
async function measureDirect(orchestrator: string, concurrency: number, total: number) {
  const turn = async (s: number, n: number) => {
    const started = performance.now();
    const res = await fetch(`${orchestrator}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message: `hello twin ${n}`, session_id: `direct-${s}`, twin_id: 'bench' }),
    });
    const text = await res.text();
    if (!text.includes('"type":"done"')) throw new Error(`direct turn failed: ${text.slice(0, 200)}`);
    return performance.now() - started;
  };
  const run = async (count: number, record: number[] | null) => {
    await Promise.all(
      Array.from({ length: concurrency }, async (_, s) => {
        for (let n = 0; n < Math.ceil(count / concurrency); n++) record?.push(await turn(s, n));
      }),
    );
  };
  await run(Math.max(WARMUP, concurrency * 2), null);
  const samples: number[] = [];
  const started = performance.now();
  await run(total, samples);
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  return {
    round_trips: samples.length,
    p50_ms: round(quantile(samples, 0.5)),
    p99_ms: round(quantile(samples, 0.99)),
    throughput_per_s: round(samples.length / seconds, 1),
  };
}

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

async function gatewayRss(gw: string): Promise<number> {
  const text = await (await fetch(`${gw}/metrics`)).text();
  return Number(/^process_resident_memory_bytes(?:\{[^}]*\})? (\d+)/m.exec(text)![1]);
}

/** Memory growth of a server process while it holds IDLE_SOCKETS open sockets. */
async function idleCost(url: (i: number) => string, rss: () => Promise<number>) {
  await new Promise((r) => setTimeout(r, 500));
  const before = await rss();
  const sockets: WebSocket[] = [];
  for (let i = 0; i < IDLE_SOCKETS; i += 50) {
    sockets.push(...(await Promise.all(Array.from({ length: 50 }, (_, k) => openSocket(url(i + k))))));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const after = await rss();
  for (const s of sockets) s.terminate();
  return {
    rss_before_mb: round(before / 2 ** 20, 1),
    rss_after_mb: round(after / 2 ** 20, 1),
    per_socket_kb: round((after - before) / IDLE_SOCKETS / 1024, 1),
  };
}

const echo = spawn(process.execPath, [path.join(import.meta.dirname, 'echo-server.ts')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [line] = (await once(createInterface({ input: echo.stdout! }), 'line')) as [string];
const echoUrl = `ws://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;

const stack = await startStack({
  services: ['orchestrator', 'gateway'],
  env: { LOG_LEVEL: 'warn' },
  serviceEnv: { gateway: { WS_RATE_LIMIT_PER_SEC: '1000000', WS_RATE_LIMIT_BURST: '1000000' } },
});
try {
  const gw = stack.url('gateway');
  const wsGw = gw.replace(/^http/, 'ws');
  const chatFrame = (s: number, n: number) =>
    JSON.stringify({ type: 'chat', message: `hello twin ${n}`, session_id: `bench-${s}`, twin_id: 'bench' });
  const isFinal = (d: string) => d.includes('"type":"response"') && d.includes('"done":true');
  const sample = chatFrame(0, 0);

  const results: Record<string, unknown> = {};
  for (const c of [1, 50] as const) {
    const gateway = await measure((i) => `${wsGw}/ws/chat/bench-user-${i}`, c, ROUND_TRIPS[c], chatFrame, isFinal);
    const bare = await measure(
      () => echoUrl,
      c,
      ROUND_TRIPS[c],
      () => sample,
      () => true,
    );
    const direct = await measureDirect(stack.url('orchestrator'), c, ROUND_TRIPS[c]);
    results[`sockets_${c}`] = {
      gateway_orchestrator: gateway,
      bare_ws_echo: bare,
      orchestrator_direct_http_sse: direct,
      gateway_hop_p50_ms: round(gateway.p50_ms - direct.p50_ms),
      p50_ratio: round(gateway.p50_ms / bare.p50_ms, 1),
      p99_ratio: round(gateway.p99_ms / bare.p99_ms, 1),
    };
  }
  const idleGateway = await idleCost(
    (i) => `${wsGw}/ws/chat/idle-${i}`,
    () => gatewayRss(gw),
  );
  const idleEcho = await idleCost(
    () => echoUrl,
    async () => rssOf(echo.pid!),
  );
  const p50 = (results.sockets_1 as { gateway_orchestrator: { p50_ms: number } }).gateway_orchestrator.p50_ms;
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'gateway',
        node: process.version,
        cpus: os.cpus().length,
        what: 'WS chat frame → gateway → orchestrator POST /v1/chat (SSE, mock planner, respond path, turn persisted) → final response frame',
        round_trip: results,
        target: { gateway_orchestrator_p50_ms_at_1_socket: 5, measured: p50, met: p50 <= 5 },
        idle_sockets: { count: IDLE_SOCKETS, gateway: idleGateway, bare_ws_echo: idleEcho },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await stack.close();
  echo.kill('SIGTERM');
}
