// One mesh node of the Consensus Sync benchmark, as its own process: configured by CONSENSUS_BENCH (JSON), it votes
// accept on every proposal the moment it sees one (a person answering at once) and prints one JSON line per step,
// each stamped with this machine's wall clock in fractional milliseconds, so that the benchmark can compare the
// stamps of different processes. Commands come on stdin, one JSON line each: {propose: n}, {stats: true}.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Mesh, memoryAppliers } from '@pagi/mesh';
import { createLogger } from '@pagi/runtime';

const cfg = JSON.parse(process.env.CONSENSUS_BENCH ?? '{}') as {
  name: string;
  key: string;
  bootstrap: string[];
  heartbeatMs: number;
};
const now = () => performance.timeOrigin + performance.now();
const dir = mkdtempSync(path.join(tmpdir(), 'pagi-consensus-bench-'));
const mesh = await Mesh.start({
  identityDir: dir,
  stateDir: dir,
  swarmKey: cfg.key,
  listen: ['/ip4/127.0.0.1/tcp/0'],
  bootstrap: cfg.bootstrap,
  mdns: false,
  trustedPeers: [],
  twinId: `twin-${cfg.name}`,
  nodeName: cfg.name,
  version: '1.0.0',
  role: 'voter',
  heartbeatMs: cfg.heartbeatMs,
  suspectAfterMs: cfg.heartbeatMs * 3,
  offlineAfterMs: cfg.heartbeatMs * 9,
  clockWindowMs: 120_000,
  handshakeTimeoutMs: 5_000,
  health: async () => ({ cpu: 0, memory: 0, memory_count: 0, ingestion_queue: 0, pending_approvals: 0 }),
  // The orchestrator's settings at their defaults (start-mesh.ts), artifacts in memory.
  consensus: {
    file: path.join(dir, 'consensus.sqlite'),
    appliers: memoryAppliers({ system_prompt: { default: 'be helpful' } }),
    quorumRatio: 2 / 3,
    autoReject: [],
    tickMs: 1_000,
    resendTicks: 10,
    syncMs: 15_000,
    requestTimeoutMs: 5_000,
    graceMs: 5_000,
    maxSkewMs: 120_000,
    memberTtlMs: 24 * 3600_000,
  },
  logger: createLogger(`bench-${cfg.name}`, process.env.BENCH_LOG ?? 'silent', (line) =>
    process.stderr.write(`${line}\n`),
  ),
});
const consensus = mesh.consensus!;
const core = consensus.core;

// Gossip messages that reach this node's consensus topic validator: past gossipsub's duplicate filter, so each
// distinct message counts once per node that receives it.
let received = 0;
const receive = consensus.receive.bind(consensus);
consensus.receive = (bytes) => {
  received++;
  return receive(bytes);
};

process.stdout.on('error', () => undefined);
const say = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
say({ peer_id: mesh.peerId, address: mesh.status().listen_addresses[0] });

const reported = new Set<string>();
const once = (key: string, line: Record<string, unknown>) => {
  if (reported.has(key)) return;
  reported.add(key);
  say(line);
};
consensus.on('event', (e) => {
  const rec = core.recs.get(e.proposal_id);
  if (!rec) return;
  const t = now();
  if (e.type === 'proposed' && rec.body.proposer !== mesh.peerId) {
    once(`seen ${rec.id}`, { seen: rec.id, t });
    // After the message that brought it has been taken in: the vote is a new message, not part of its validation.
    setImmediate(() => {
      try {
        consensus.vote(rec.id, 'accept');
      } catch {
        // Decided before this node's vote was needed.
      }
    });
  }
  if (rec.outcome) once(`decided ${rec.id}`, { decided: rec.id, outcome: rec.outcome, quorum: rec.body.quorum, t });
  if (rec.applications.has(mesh.peerId)) once(`applied ${rec.id}`, { applied: rec.id, t });
});

let lastOnline = -1;
mesh.fleet.on('event', () => {
  const online = mesh.fleet.list().filter((n) => !n.self && n.status === 'online').length;
  if (online === lastOnline) return;
  lastOnline = online;
  say({ online });
});

createInterface({ input: process.stdin }).on('line', (line) => {
  const cmd = JSON.parse(line) as { propose?: number; stats?: boolean };
  if (cmd.propose !== undefined) {
    const t = now();
    const payload = Buffer.from(`answer briefly (${cfg.name}, change ${cmd.propose})`);
    try {
      const id = consensus.propose({
        kind: 'system_prompt',
        target: 'default',
        payload,
        reason: 'bench',
        deadlineMs: 60_000,
      });
      say({ proposed: id, t });
    } catch (err) {
      say({ error: (err as Error).message });
    }
  }
  if (cmd.stats) {
    const pings = mesh.fleet
      .list()
      .map((n) => n.latency_ms)
      .filter((ms): ms is number => typeof ms === 'number' && ms >= 0);
    say({ stats: { published: core.published, received, ping_ms: pings } });
  }
});
process.on('SIGTERM', () => void mesh.stop().then(() => process.exit(0)));
