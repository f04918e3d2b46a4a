// Consensus Sync benchmark: fleets of 3 and 10 mesh nodes (one process each, consensus-node.ts) on the loopback of
// a network namespace of their own (re-runs itself under `unshare --net` when started outside one), every node a
// voter that accepts each proposal the moment it sees it. Per fleet size, PROPOSALS changes of the system prompt are
// proposed one after the other, by each node in turn, after one warm-up change that is not counted. Measured per
// decision: the time from the proposer's propose() to the change applied on every node; the gossip messages all nodes
// published and received for it. Baselines from the same run, for ratios: the time the proposal itself took to reach
// every node (one gossip message, one way, to all) and the nodes' libp2p ping round trips. Prints one JSON object.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { generateSwarmKey } from '@pagi/mesh';
import { round } from '../memory/stats.ts';

const SIZES = (process.env.SIZES ?? '3,10').split(',').map(Number);
const PROPOSALS = Number(process.env.PROPOSALS ?? 20);
const HEARTBEAT_MS = Number(process.env.HEARTBEAT_MS ?? 5_000);
/** No single step (a fleet forming, a decision, a reply) may take longer; the whole run is bounded by it. */
const STEP_TIMEOUT_MS = 120_000;

if (!process.env.PAGI_BENCH_NETNS) {
  const r = spawnSync(
    'unshare',
    ['--net', 'sh', '-c', `ip link set lo up && exec "${process.execPath}" "${import.meta.filename}"`],
    { stdio: 'inherit', env: { ...process.env, PAGI_BENCH_NETNS: '1' } },
  );
  process.exit(r.status ?? 1);
}

type Line = Record<string, unknown> & { t?: number };

interface Node {
  name: string;
  child: ChildProcess;
  address: string;
  online: number;
  /** When this node first held each proposal, saw it decided, and applied it (its own clock, ms). */
  seen: Map<string, number>;
  decided: Map<string, Line>;
  applied: Map<string, number>;
  waiters: Array<(line: Line) => boolean>;
}

const NODE = path.join(import.meta.dirname, 'consensus-node.ts');
const key = generateSwarmKey();

function startNode(name: string, bootstrap: string[]): Promise<Node> {
  const child = spawn(process.execPath, [NODE], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, CONSENSUS_BENCH: JSON.stringify({ name, key, bootstrap, heartbeatMs: HEARTBEAT_MS }) },
  });
  return new Promise((resolve, reject) => {
    let node: Node | undefined;
    child.once('exit', (code) => !node && reject(new Error(`${name} exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (text) => {
      const line = JSON.parse(text) as Line;
      if (typeof line.peer_id === 'string') {
        const base = { name, child, address: String(line.address), online: 0 };
        node = { ...base, seen: new Map(), decided: new Map(), applied: new Map(), waiters: [] };
        return resolve(node);
      }
      if (!node) return;
      if (typeof line.online === 'number') node.online = line.online;
      if (typeof line.seen === 'string') node.seen.set(line.seen, line.t!);
      if (typeof line.decided === 'string') node.decided.set(line.decided, line);
      if (typeof line.applied === 'string') node.applied.set(line.applied, line.t!);
      node.waiters = node.waiters.filter((w) => !w(line));
    });
  });
}

/** Sends a command to a node and resolves with its first reply that has `field`. */
function ask(node: Node, cmd: object, field: string): Promise<Line> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${node.name} did not answer ${field}`)), STEP_TIMEOUT_MS);
    node.waiters.push((line) => {
      if (!(field in line) && !('error' in line)) return false;
      clearTimeout(timer);
      if ('error' in line) reject(new Error(`${node.name}: ${line.error}`));
      else resolve(line);
      return true;
    });
    node.child.stdin!.write(`${JSON.stringify(cmd)}\n`);
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const stop = (n: Node) =>
  new Promise<void>((resolve) => {
    if (n.child.exitCode !== null) return resolve();
    n.child.once('exit', () => resolve());
    n.child.kill('SIGTERM');
  });

interface Stats {
  published: number;
  received: number;
  ping_ms: number[];
}

async function stats(fleet: Node[]): Promise<Stats> {
  const all = await Promise.all(fleet.map(async (n) => (await ask(n, { stats: true }, 'stats')).stats as Stats));
  return {
    published: all.reduce((s, x) => s + x.published, 0),
    received: all.reduce((s, x) => s + x.received, 0),
    ping_ms: all.flatMap((x) => x.ping_ms),
  };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const spread = (xs: number[]) => ({ p50: round(percentile(xs, 50), 2), p90: round(percentile(xs, 90), 2) });

/** One decision: proposed by `proposer`, voted on by everyone at once, awaited until applied on every node. */
async function decide(fleet: Node[], proposer: Node, n: number) {
  const before = await stats(fleet);
  const { proposed: id, t: t0 } = (await ask(proposer, { propose: n }, 'proposed')) as Line & { proposed: string };
  await until(() => fleet.every((node) => node.applied.has(id)), `change ${n} applied on every node`);
  const after = await stats(fleet);
  const decision = proposer.decided.get(id)!;
  if (decision.outcome !== 'accepted') throw new Error(`change ${n} was ${decision.outcome}`);
  const others = fleet.filter((node) => node !== proposer);
  return {
    reachedAll: Math.max(...others.map((node) => node.seen.get(id)!)) - t0!,
    decided: decision.t! - t0!,
    appliedAll: Math.max(...fleet.map((node) => node.applied.get(id)!)) - t0!,
    published: after.published - before.published,
    quorum: Number(decision.quorum),
  };
}

async function measure(size: number) {
  const fleet: Node[] = [await startNode('n0', [])];
  try {
    fleet.push(
      ...(await Promise.all(Array.from({ length: size - 1 }, (_, i) => startNode(`n${i + 1}`, [fleet[0]!.address])))),
    );
    const formedFrom = performance.now();
    await until(() => fleet.every((node) => node.online === size - 1), `the fleet of ${size} to form`);
    const formed_ms = round(performance.now() - formedFrom, 0);
    await decide(fleet, fleet[0]!, 0);
    const first = await stats(fleet);
    const runs = [];
    for (let n = 1; n <= PROPOSALS; n++) runs.push(await decide(fleet, fleet[n % size]!, n));
    // Messages still travelling when the last change was applied arrive in a moment; wait until the count settles.
    let last = await stats(fleet);
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const again = await stats(fleet);
      if (again.received === last.received) break;
      last = again;
    }
    const applied = spread(runs.map((r) => r.appliedAll));
    const reached = spread(runs.map((r) => r.reachedAll));
    const ping = spread(last.ping_ms);
    const published = runs.map((r) => r.published);
    return {
      nodes: size,
      quorum: runs[0]!.quorum,
      fleet_formed_ms: formed_ms,
      proposal_to_applied_on_all_ms: applied,
      proposal_to_decided_at_proposer_ms: spread(runs.map((r) => r.decided)),
      baseline: { proposal_reached_all_ms: reached, ping_round_trip_ms: ping },
      ratio_p50: {
        applied_on_all_over_proposal_reached_all: round(applied.p50 / reached.p50, 2),
        applied_on_all_over_ping_round_trip: round(applied.p50 / ping.p50, 1),
      },
      messages_per_decision: {
        published_by_all_nodes: {
          p50: percentile(published, 50),
          min: Math.min(...published),
          max: Math.max(...published),
        },
        received_by_all_nodes_mean: round((last.received - first.received) / PROPOSALS, 1),
      },
    };
  } finally {
    await Promise.all(fleet.map(stop));
  }
}

const started = performance.now();
// Other work on the machine slows every figure: the load averages say how much there was.
const loadAtStart = round(loadavg()[0]!, 2);
const sizes = [];
for (const size of SIZES) sizes.push(await measure(size));
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'mesh-consensus',
      machine: {
        cpus: availableParallelism(),
        cpu: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        load_average_1m: { at_start: loadAtStart, at_end: round(loadavg()[0]!, 2) },
      },
      setup: {
        network: 'loopback of a private network namespace',
        nodes: 'one process per node, all voters; quorum 2/3 of the voters (and a strict majority)',
        voting: 'every node votes accept the moment it sees a proposal (a person answering at once)',
        proposals_per_size: PROPOSALS,
        warm_up_proposals_not_counted: 1,
        heartbeat_ms: HEARTBEAT_MS,
        clock: "each process's wall clock (performance.timeOrigin + performance.now()), one machine",
        messages:
          'published: gossip messages the nodes themselves sent (proposal, votes, decision, one application per node); ' +
          'received: messages that reached a node’s consensus validator after gossipsub dropped duplicates',
      },
      sizes,
      run_s: round((performance.now() - started) / 1000, 1),
    },
    null,
    2,
  )}\n`,
);
