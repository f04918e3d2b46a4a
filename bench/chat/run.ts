// Chat turn latency: POST /v1/chat with the mock planner (respond path) next to a bare fastify route, both measured
// in this run with the same keep-alive client, at 1 and 32 concurrent clients. Prints one JSON object.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';

const WARMUP = 300;
const REQUESTS = { 1: 2000, 32: 6000 } as const;

const child = spawn(process.execPath, [path.join(import.meta.dirname, 'servers.ts')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
const ports = JSON.parse(line) as { orchestrator: number; bare: number };

type Target = { name: string; url: string };
const targets: Target[] = [
  { name: 'bare_fastify', url: `http://127.0.0.1:${ports.bare}/echo` },
  { name: 'orchestrator_chat', url: `http://127.0.0.1:${ports.orchestrator}/v1/chat` },
];

// Global fetch (undici) keeps connections alive by default.
async function once_(url: string, client: number, i: number): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: `how are you today ${i}`, twin_id: 'bench', session_id: `bench-${client}` }),
  });
  const body = (await res.json()) as { status?: string };
  if (res.status !== 200 || body.status !== 'completed') throw new Error(`unexpected answer ${res.status}`);
  return performance.now() - t0;
}

async function load(url: string, concurrency: number, total: number) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (next < total) {
        const i = next++;
        latencies.push(await once_(url, client, i));
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return { p50_ms: r(q(0.5)), p99_ms: r(q(0.99)), per_s: Math.round(total / seconds) };
}

const results: Record<string, Record<string, { p50_ms: number; p99_ms: number; per_s: number }>> = {};
try {
  for (const t of targets) await load(t.url, 4, WARMUP);
  for (const concurrency of [1, 32] as const) {
    // Alternate targets so drift on a shared machine affects both alike.
    for (const t of targets) {
      results[t.name] ??= {};
      results[t.name]![`c${concurrency}`] = await load(t.url, concurrency, REQUESTS[concurrency]);
    }
  }
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

const chat = results.orchestrator_chat!;
const bare = results.bare_fastify!;
const r = (n: number) => Math.round(n * 1000) / 1000;
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'chat_turn_mock_planner_respond',
      requests: REQUESTS,
      orchestrator_chat: chat,
      bare_fastify: bare,
      turns_per_s: { c1: chat.c1!.per_s, c32: chat.c32!.per_s },
      overhead_p50_ms: { c1: r(chat.c1!.p50_ms - bare.c1!.p50_ms), c32: r(chat.c32!.p50_ms - bare.c32!.p50_ms) },
      ratio_p50: { c1: r(chat.c1!.p50_ms / bare.c1!.p50_ms), c32: r(chat.c32!.p50_ms / bare.c32!.p50_ms) },
      target_overhead_p50_ms: 3,
      meets_target: chat.c1!.p50_ms - bare.c1!.p50_ms <= 3,
    },
    null,
    2,
  )}\n`,
);
