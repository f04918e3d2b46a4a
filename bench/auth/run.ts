// What authentication adds to a request: the same trivial route with no guard, and behind the guard with an API key,
// a session cookie and the gateway's signed identity (what the orchestrator checks on every forwarded request).
// Sequential keep-alive requests, the modes interleaved in rounds so drift hits them alike. Prints one JSON object.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROUNDS = 20;
const PER_ROUND = 250;
const WARMUP = 500;

const child = spawn(process.execPath, [path.join(import.meta.dirname, 'servers.ts')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
const s = JSON.parse(line) as { bare: number; guarded: number; key: string; cookie: string; signed: string };

const modes: Record<string, { url: string; headers: Record<string, string> }> = {
  no_auth: { url: `http://127.0.0.1:${s.bare}/api/thing`, headers: {} },
  api_key: { url: `http://127.0.0.1:${s.guarded}/api/thing`, headers: { authorization: `Bearer ${s.key}` } },
  cookie: { url: `http://127.0.0.1:${s.guarded}/api/thing`, headers: { cookie: s.cookie } },
  signed_identity: { url: `http://127.0.0.1:${s.guarded}/api/thing`, headers: { 'x-pagi-identity': s.signed } },
};

async function one(m: { url: string; headers: Record<string, string> }): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(m.url, { headers: m.headers });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`unexpected ${res.status} from ${m.url}`);
  return performance.now() - t0;
}

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(modes).map((k) => [k, []]));
for (const m of Object.values(modes)) for (let i = 0; i < WARMUP; i++) await one(m);
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, m] of Object.entries(modes)) {
    for (let i = 0; i < PER_ROUND; i++) samples[name]!.push(await one(m));
  }
}
child.kill();

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const base = pct(samples.no_auth!, 0.5);
const result: Record<string, unknown> = { requests_per_mode: ROUNDS * PER_ROUND };
for (const [name, xs] of Object.entries(samples)) {
  const p50 = pct(xs, 0.5);
  result[name] = {
    p50_ms: r3(p50),
    p99_ms: r3(pct(xs, 0.99)),
    ...(name === 'no_auth' ? {} : { added_p50_ms: r3(p50 - base), ratio_p50: r3(p50 / base) }),
  };
}
result.target = 'added p50 <= 0.1 ms';
console.log(JSON.stringify(result, null, 2));
