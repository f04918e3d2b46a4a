// `make stop-mesh`: stops every twin `make run-mesh` started (each one's dev stack, by its data folder).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { existingTwins, MESH_ROOT, twin } from './twins.ts';

const ks = existsSync(MESH_ROOT) ? existingTwins(readdirSync(MESH_ROOT)) : [];
if (!ks.length) console.log('No mesh twins here.');
for (const k of ks) {
  process.stdout.write(`twin ${k}: `);
  spawnSync(process.execPath, [path.join(import.meta.dirname, '../dev/down.ts')], {
    stdio: 'inherit',
    env: { ...process.env, DATA_DIR: twin(k).dataDir },
  });
}
