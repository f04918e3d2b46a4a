// One mesh node of the benchmark fleet, as its own process: configured by MESH_BENCH (JSON), it prints one JSON line
// when started ({peer_id, address}) and one whenever the set of peers it lists online changes ({online: [...]}).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Mesh } from '@pagi/mesh';
import { createLogger } from '@pagi/runtime';

const cfg = JSON.parse(process.env.MESH_BENCH ?? '{}') as {
  name: string;
  key: string;
  bootstrap: string[];
  heartbeatMs: number;
};
const dir = mkdtempSync(path.join(tmpdir(), 'pagi-mesh-bench-'));
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
  // Logs (BENCH_LOG=info to see them) go to stderr: stdout carries the reports.
  logger: createLogger(`bench-${cfg.name}`, process.env.BENCH_LOG ?? 'silent', (line) =>
    process.stderr.write(`${line}\n`),
  ),
});
// The benchmark may stop reading before this node stops.
process.stdout.on('error', () => undefined);
const say = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
say({ peer_id: mesh.peerId, address: mesh.status().listen_addresses[0] });
let last = '';
const report = () => {
  const online = mesh.fleet
    .list()
    .filter((n) => !n.self && n.status === 'online')
    .map((n) => n.peer_id)
    .sort();
  const key = online.join(',');
  if (key !== last) {
    last = key;
    say({ online });
  }
};
mesh.fleet.on('event', report);
process.on('SIGTERM', () => void mesh.stop().then(() => process.exit(0)));
