// Federated memory search benchmark: four twins (an orchestrator with the mesh on and a memory service each, one
// process per service) on the loopback of a network namespace of their own (re-runs itself under `unshare --net` when
// started outside one). Three peers each offer a topic of MEMORIES memories and grant it to the asker, which holds as
// many memories itself. Through the asker's HTTP face, the same queries are asked alternately of its own memory
// (scope local) and of the fleet (scope fleet: its own search plus the three peers', merged), after a warm-up; per
// mode the latency percentiles, and the ratio fleet/local. Prints one JSON object.
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { generateSwarmKey } from '@pagi/mesh';
import { seededRandom } from '@pagi/runtime';
import {
  call,
  closeExchangeTwins,
  type ExchangeTwin,
  fleetQuery,
  remember,
  seesOnline,
  startExchangeTwin,
} from '@pagi/tests/helpers/exchange-twins.ts';
import { round } from '../memory/stats.ts';

const MEMORIES = Number(process.env.MEMORIES ?? 200);
const QUERIES = Number(process.env.QUERIES ?? 100);
const WARMUP = Number(process.env.WARMUP ?? 10);
const DEADLINE_MS = Number(process.env.DEADLINE_MS ?? 1_500);
const TOP_K = 5;
/** The whole run stops with an error past this. */
const RUN_LIMIT_MS = 110_000;

if (!process.env.PAGI_BENCH_NETNS) {
  const r = spawnSync(
    'unshare',
    ['--net', 'sh', '-c', `ip link set lo up && exec "${process.execPath}" "${import.meta.filename}"`],
    { stdio: 'inherit', env: { ...process.env, PAGI_BENCH_NETNS: '1' } },
  );
  process.exit(r.status ?? 1);
}

const started = performance.now();
/** Time left of the run limit, for the waits that have their own timeout. */
const left = () => Math.max(1_000, RUN_LIMIT_MS - (performance.now() - started));
const inTime = (what: string) => {
  if (performance.now() - started > RUN_LIMIT_MS) throw new Error(`run limit of ${RUN_LIMIT_MS} ms passed ${what}`);
};

const SUBJECTS = ['billing', 'choir', 'garden', 'lighthouse', 'compiler', 'harbour', 'orchard', 'telescope', 'kiln'];
const VERBS = ['moved', 'needs', 'waits for', 'depends on', 'was checked against', 'replaced', 'follows'];
const OBJECTS = ['the schema review', 'the east hall', 'a spring pruning', 'the night shift', 'the release train'];
const WHEN = ['on Monday', 'every evening', 'after the audit', 'before the rollout', 'in the second week'];

/** A deterministic corpus: sentences from a few word lists, different per twin. */
function corpus(seed: number, n: number): string[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from(
    { length: n },
    (_, i) => `${pick(SUBJECTS)} note ${i}: the ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(WHEN)}.`,
  );
}

const QUESTIONS = SUBJECTS.flatMap((s, i) => [`${s} ${OBJECTS[i % OBJECTS.length]}`, `when does the ${s} move`]);

function percentiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!, 1);
  return { p50: at(50), p90: at(90), p99: at(99), max: round(s[s.length - 1]!, 1) };
}

const key = generateSwarmKey();
const model: Record<string, string> = process.env.EMBEDDING_MODEL_DIR
  ? { EMBEDDING_MODEL_DIR: process.env.EMBEDDING_MODEL_DIR }
  : {};
/** Above the per-peer request limit's default (120 a minute), so that latency is measured, not the limit. */
const REQUESTS_PER_MIN = '6000';
const twins: ExchangeTwin[] = [];
try {
  const asker = await startExchangeTwin('asker', key, { env: { LOG_LEVEL: 'warn', ...model } });
  twins.push(asker);
  const peers = await Promise.all(
    ['p1', 'p2', 'p3'].map((n) =>
      startExchangeTwin(n, key, {
        bootstrap: asker.address,
        env: { LOG_LEVEL: 'warn', MESH_EXCHANGE_REQUESTS_PER_MIN: REQUESTS_PER_MIN, ...model },
      }),
    ),
  );
  twins.push(...peers);
  const startedS = round((performance.now() - started) / 1000, 1);
  inTime('starting the twins');
  await seesOnline(asker, ['p1', 'p2', 'p3'], left());
  await Promise.all(peers.map((p) => seesOnline(p, ['asker'], left())));

  await remember(asker, 'mind', corpus(0, MEMORIES), 'own');
  for (const [i, p] of peers.entries()) {
    await remember(p, 'mind', corpus(i + 1, MEMORIES), `topic-${p.name}`);
    await call(p, 'POST', '/api/phoenix/exchange/offers', { topic: `notes-${p.name}`, domain: 'mind' });
    await call(p, 'POST', '/api/phoenix/exchange/grants', { peer: asker.peerId, topic: `notes-${p.name}` });
  }
  inTime('filling the memories');

  const local = (query: string) =>
    call(asker, 'POST', '/api/memory/query', { query, scope: 'local', top_k: TOP_K, domains: ['mind'] });
  const fleet = (query: string) =>
    fleetQuery(asker, { query, top_k: TOP_K, domains: ['mind'], deadline_ms: DEADLINE_MS });
  const timed = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
    const t0 = performance.now();
    const out = await f();
    return [performance.now() - t0, out];
  };

  for (let i = 0; i < WARMUP; i++) {
    await local(QUESTIONS[i % QUESTIONS.length]!);
    await fleet(QUESTIONS[i % QUESTIONS.length]!);
  }
  const ms = { local: [] as number[], fleet: [] as number[] };
  const peerMs: number[] = [];
  const statuses: Record<string, number> = {};
  let peerHits = 0;
  for (let i = 0; i < QUERIES; i++) {
    const q = QUESTIONS[i % QUESTIONS.length]!;
    // Alternated, and each pair in a different order, so that neither mode always runs right after the other.
    const order = i % 2 === 0 ? (['local', 'fleet'] as const) : (['fleet', 'local'] as const);
    for (const mode of order) {
      if (mode === 'local') {
        ms.local.push((await timed(() => local(q)))[0]);
        continue;
      }
      const [t, res] = await timed(() => fleet(q));
      ms.fleet.push(t);
      for (const p of res.peers ?? []) {
        statuses[p.status] = (statuses[p.status] ?? 0) + 1;
        if (p.status === 'ok') peerMs.push(p.ms);
      }
      peerHits += res.results.filter((h) => h.peer).length;
    }
    inTime('asking');
  }

  const [lo, fl] = [percentiles(ms.local), percentiles(ms.fleet)];
  // Why a peer refused, from its own log (it says so at warn level).
  const refusals: Record<string, number> = {};
  for (const p of peers)
    for (const line of p.stack.logs('orchestrator').split('\n')) {
      if (!line.includes('memory exchange request refused')) continue;
      const reason = String((JSON.parse(line) as { reason?: string }).reason ?? 'unknown');
      refusals[reason] = (refusals[reason] ?? 0) + 1;
    }
  const health = await asker.memory.health();
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'mesh_fleet_search',
        machine: {
          cpus: availableParallelism(),
          cpu: cpus()[0]?.model ?? 'unknown',
          node: process.version,
          load_1m: round(loadavg()[0]!, 2),
        },
        setup: {
          twins: 4,
          peers_asked: 3,
          processes: 'one per service: an orchestrator and a memory service per twin',
          network: 'loopback of a private network namespace (libp2p TCP, Noise, yamux)',
          memories_per_twin: MEMORIES,
          embedder: health.embedder,
          queries_per_mode: QUERIES,
          warmup_per_mode: WARMUP,
          top_k: TOP_K,
          deadline_ms: DEADLINE_MS,
          peer_requests_per_min: Number(REQUESTS_PER_MIN),
          measured: 'HTTP POST /api/memory/query on the asker, request to answer',
        },
        local_ms: lo,
        fleet_ms: fl,
        ratio_fleet_over_local: { p50: round(fl.p50 / lo.p50, 2), p90: round(fl.p90 / lo.p90, 2) },
        peer_answers: {
          statuses,
          refusal_reasons: refusals,
          ms_as_seen_by_asker: percentiles(peerMs),
          peer_hits_per_fleet_query: round(peerHits / QUERIES, 2),
        },
        twins_started_s: startedS,
        run_s: round((performance.now() - started) / 1000, 1),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await closeExchangeTwins(twins);
}
