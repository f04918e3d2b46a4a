// Mesh benchmark: a fleet of 10 mesh nodes (one process each, node.ts) on loopback, inside a network namespace of
// its own so that its loopback counters see the fleet's traffic and nothing else (re-runs itself under
// `unshare --net` when started as root outside one). Measures how long a new node takes to be listed online by every
// other node (p50 over several joins), the bytes each node sends per second at rest (heartbeats, gossip upkeep, pings),
// and CPU and RSS per node at rest, at the default heartbeat period. Prints one JSON object.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { generateSwarmKey } from '@pagi/mesh';
import { round, summary } from '../memory/stats.ts';

const FLEET = Number(process.env.FLEET ?? 10);
const JOINS = Number(process.env.JOINS ?? 7);
const HEARTBEAT_MS = Number(process.env.HEARTBEAT_MS ?? 5_000);
const REST_S = Number(process.env.REST_S ?? 30);

if (!process.env.PAGI_BENCH_NETNS) {
  // Into a namespace of our own: its only interface is its own loopback.
  const r = spawnSync(
    'unshare',
    ['--net', 'sh', '-c', `ip link set lo up && exec "${process.execPath}" "${import.meta.filename}"`],
    { stdio: 'inherit', env: { ...process.env, PAGI_BENCH_NETNS: '1' } },
  );
  process.exit(r.status ?? 1);
}

const key = generateSwarmKey();
const NODE = path.join(import.meta.dirname, 'node.ts');

interface Node {
  name: string;
  child: ChildProcess;
  peerId: string;
  address: string;
  /** When it said it had started (its libp2p node listening). */
  readyAt: number;
  /** Peers this node lists online, and when each first appeared. */
  online: Set<string>;
  seenAt: Map<string, number>;
}

async function startNode(name: string, bootstrap: string[]): Promise<Node> {
  const child = spawn(process.execPath, [NODE], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MESH_BENCH: JSON.stringify({ name, key, bootstrap, heartbeatMs: HEARTBEAT_MS }) },
  });
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    let node: Node | undefined;
    child.once('exit', (code) => !node && reject(new Error(`${name} exited with ${code}`)));
    lines.on('line', (line) => {
      const msg = JSON.parse(line) as { peer_id?: string; address?: string; online?: string[] };
      if (msg.peer_id) {
        node = {
          name,
          child,
          peerId: msg.peer_id,
          address: msg.address!,
          readyAt: performance.now(),
          online: new Set(),
          seenAt: new Map(),
        };
        resolve(node);
      } else if (msg.online && node) {
        node.online = new Set(msg.online);
        for (const p of msg.online) if (!node.seenAt.has(p)) node.seenAt.set(p, performance.now());
      }
    });
  });
}

const stop = (n: Node) =>
  new Promise<void>((resolve) => {
    if (n.child.exitCode !== null) return resolve();
    n.child.once('exit', () => resolve());
    n.child.kill('SIGTERM');
  });

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** CPU seconds (user + system) and RSS in bytes of a process, from /proc. */
function usage(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
  return { cpu_s: ticks / 100, rss };
}

/** Bytes sent on this namespace's loopback (/proc/net/dev is per network namespace, unlike /sys). */
function loBytes(): number {
  const line = readFileSync('/proc/net/dev', 'utf8')
    .split('\n')
    .find((l) => l.trim().startsWith('lo:'))!;
  return Number(line.split(':')[1]!.trim().split(/\s+/)[8]);
}

const started = performance.now();
const fleet: Node[] = [];
let joining: Node | undefined;
fleet.push(await startNode('n0', []));
fleet.push(
  ...(await Promise.all(Array.from({ length: FLEET - 1 }, (_, i) => startNode(`n${i + 1}`, [fleet[0]!.address])))),
);
try {
  await until(() => fleet.every((n) => n.online.size === FLEET - 1), 120_000, 'the fleet to form');

  // At rest: bytes on loopback (all of it the fleet's, in this namespace), CPU and RSS per node.
  const before = fleet.map((n) => usage(n.child.pid!));
  const bytes0 = loBytes();
  await new Promise((r) => setTimeout(r, REST_S * 1000));
  const bytes = loBytes() - bytes0;
  const after = fleet.map((n) => usage(n.child.pid!));
  const cpuShare = after.map((a, i) => (a.cpu_s - before[i]!.cpu_s) / REST_S);

  // Joins: a new node bootstrapped to n0; the time until every member lists it online.
  const joins: number[] = [];
  const fromStart: number[] = [];
  for (let j = 0; j < JOINS; j++) {
    const t0 = performance.now();
    const fresh = await startNode(`join${j}`, [fleet[0]!.address]);
    joining = fresh;
    await until(() => fleet.every((n) => n.online.has(fresh.peerId)), 60_000, `join ${j}`).catch((err: Error) => {
      const missing = fleet.filter((n) => !n.online.has(fresh.peerId)).map((n) => n.name);
      throw new Error(`${err.message}: not listed by ${missing.join(', ')}`);
    });
    const last = Math.max(...fleet.map((n) => n.seenAt.get(fresh.peerId)!));
    joins.push(last - t0);
    fromStart.push(last - fresh.readyAt);
    await stop(fresh);
    joining = undefined;
  }

  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'mesh',
        machine: { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
        fleet: { nodes: FLEET, heartbeat_ms: HEARTBEAT_MS, network: 'loopback of a private network namespace' },
        join_listed_online_by_all_ms: {
          joins: JOINS,
          from_node_started: summary(fromStart),
          from_process_spawn: summary(joins),
        },
        at_rest: {
          seconds: REST_S,
          bytes_sent_per_node_per_s: Math.round(bytes / FLEET / REST_S),
          cpu_share_of_a_core_per_node: summary(cpuShare.map((c) => round(c, 4))),
          rss_mb_per_node: summary(after.map((a) => round(a.rss / 2 ** 20, 1))),
        },
        run_s: round((performance.now() - started) / 1000, 1),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await Promise.all([...fleet, ...(joining ? [joining] : [])].map(stop));
}
