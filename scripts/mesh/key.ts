// `make mesh-key`: writes a new swarm key to data/mesh/swarm.key (never over an existing one) and says how to use it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSwarmKey, parseSwarmKey } from '@pagi/mesh';
import { SWARM_KEY_FILE } from './twins.ts';

const rel = path.relative(process.cwd(), SWARM_KEY_FILE);
if (existsSync(SWARM_KEY_FILE)) {
  console.log(
    `${rel} already exists (fingerprint ${parseSwarmKey(SWARM_KEY_FILE).fingerprint}); it was left as it is.`,
  );
} else {
  mkdirSync(path.dirname(SWARM_KEY_FILE), { recursive: true });
  writeFileSync(SWARM_KEY_FILE, generateSwarmKey(), { mode: 0o600 });
  console.log(`Wrote a new swarm key to ${rel} (fingerprint ${parseSwarmKey(SWARM_KEY_FILE).fingerprint}).`);
}
console.log(`
Every twin of the mesh needs this same file. Copy it to the other machines over a channel you trust (scp, a
password manager; never chat or e-mail), then on each machine set in .env:
  MESH_ENABLED=true
  MESH_SWARM_KEY=${rel}
Twins compare fingerprints in the Network view and in GET /api/phoenix/status; the key itself is never shown.`);
