// A mesh node in the test's own process with Consensus Sync on: artifacts held in memory, quick ticks and catch-up,
// so a test can propose and vote as a peer of twins started as processes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ConsensusSettings, type Mesh, type MeshOptions, memoryAppliers } from '@pagi/mesh';
import { startMeshNode } from './mesh-node.ts';

export function memoryConsensus(): ConsensusSettings {
  const dir = mkdtempSync(path.join(tmpdir(), 'pagi-consensus-'));
  return {
    file: path.join(dir, 'consensus.sqlite'),
    appliers: memoryAppliers(),
    quorumRatio: 2 / 3,
    autoReject: [],
    tickMs: 200,
    resendTicks: 5,
    syncMs: 500,
    requestTimeoutMs: 3_000,
    graceMs: 500,
    maxSkewMs: 60_000,
    memberTtlMs: 3_600_000,
  };
}

export const startConsensusNode = (name: string, opts: Pick<MeshOptions, 'swarmKey' | 'bootstrap'>): Promise<Mesh> =>
  startMeshNode(name, { ...opts, consensus: memoryConsensus() });

/** The artifacts a node holds now, as "kind target vN". */
export const heldArtifacts = (mesh: Mesh): string[] =>
  (mesh.consensus?.artifacts() ?? []).map((a) => `${a.kind} ${a.target} v${a.version}`).sort();
