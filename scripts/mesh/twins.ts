// The twins of `make run-mesh`: twin K keeps its data under data/mesh/twin-K and uses every standard port plus
// 1000×K (its gateway on 8181 + 1000×K, its mesh node on 50058 + 1000×K). A port variable set in the environment (or
// MESH_PORT for the mesh) moves that base.
import path from 'node:path';
import { fromRoot, loadDotEnv } from '@pagi/runtime';
import { CATALOG } from '../stack/catalog.ts';

loadDotEnv();

export const MESH_ROOT = path.join(fromRoot(process.env.DATA_DIR || 'data'), 'mesh');
export const SWARM_KEY_FILE = path.join(MESH_ROOT, 'swarm.key');
const MESH_PORT = Number(process.env.MESH_PORT ?? 50058);

export interface TwinLayout {
  k: number;
  dataDir: string;
  /** Every port variable of the catalog, shifted. */
  ports: Record<string, string>;
  meshPort: number;
}

export function twin(k: number): TwinLayout {
  const ports: Record<string, string> = {};
  for (const spec of CATALOG) {
    for (const [v, fallback] of Object.entries(spec.ports))
      ports[v] = String(Number(process.env[v] ?? fallback) + 1000 * k);
  }
  return { k, dataDir: path.join(MESH_ROOT, `twin-${k}`), ports, meshPort: MESH_PORT + 1000 * k };
}

/** The twin folders present (started or not), in order. */
export function existingTwins(dirs: string[]): number[] {
  return dirs
    .map((d) => /^twin-(\d+)$/.exec(d)?.[1])
    .filter((k): k is string => k !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}
