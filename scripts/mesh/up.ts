// `make run-mesh N=3`: N complete twins on this machine, each a dev stack of its own (scripts/dev/up.ts) with its
// data under data/mesh/twin-K and its ports shifted by 1000×K, all holding one swarm key and bootstrapped to each other
// on 127.0.0.1. mDNS stays off: every packet stays on this machine. `make stop-mesh` stops them.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSwarmKey, loadIdentity, peerIdOf } from '@pagi/mesh';
import { MESH_ROOT, SWARM_KEY_FILE, twin } from './twins.ts';

const n = Number(process.env.N ?? 3);
if (!Number.isInteger(n) || n < 1 || n > 9) {
  console.error('N must be a whole number from 1 to 9 (twin K uses the standard ports + 1000×K).');
  process.exit(1);
}
mkdirSync(MESH_ROOT, { recursive: true });
if (!existsSync(SWARM_KEY_FILE)) writeFileSync(SWARM_KEY_FILE, generateSwarmKey(), { mode: 0o600 });

// Each twin's key is made (or read) first, so that every twin's bootstrap list can name the others' peer ids.
const twins = await Promise.all(
  Array.from({ length: n }, async (_, i) => {
    const t = twin(i + 1);
    const peerId = peerIdOf(await loadIdentity(path.join(t.dataDir, 'mesh')));
    return { ...t, address: `/ip4/127.0.0.1/tcp/${t.meshPort}/p2p/${peerId}` };
  }),
);

// The twins start side by side; each one's output is shown as a block once it is up (or has failed).
const results = await Promise.all(
  twins.map(async (t) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, '../dev/up.ts')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...t.ports,
        DATA_DIR: t.dataDir,
        MESH_ENABLED: 'true',
        MESH_SWARM_KEY: SWARM_KEY_FILE,
        MESH_LISTEN: `/ip4/127.0.0.1/tcp/${t.meshPort}`,
        MESH_BOOTSTRAP: twins
          .filter((o) => o !== t)
          .map((o) => o.address)
          .join(','),
        MESH_MDNS: 'false',
        MESH_NODE_NAME: `twin-${t.k}`,
        MESH_TWIN_ID: `twin-${t.k}`,
      },
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (d: Buffer) => (output += d.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    console.log(
      `\n== twin ${t.k}: gateway :${t.ports.GATEWAY_PORT}, UI :${t.ports.FRONTEND_PORT}, mesh :${t.meshPort}`,
    );
    process.stdout.write(output);
    return { t, ok: code === 0 };
  }),
);
const failed = results.filter((r) => !r.ok).map((r) => r.t.k);
if (failed.length) {
  console.error(`twin ${failed.join(', ')} did not start; \`make stop-mesh\` stops the ones that did.`);
  process.exit(1);
}
console.log(
  `\n${n} twins are running. Open http://127.0.0.1:${twins[0]!.ports.FRONTEND_PORT} (twin 1) and its Network view.`,
);
console.log('Stop them with `make stop-mesh`.');
