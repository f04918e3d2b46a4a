// Consensus Sync settings for tests: quick ticks and catch-up, artifacts in memory.
import path from 'node:path';
import { type Appliers, type ConsensusSettings, memoryAppliers as inMemory } from '../../src/index.ts';

/** Artifacts in memory; the prompt and the tool policy start as "be helpful". */
export const memoryAppliers = (): Appliers =>
  inMemory({ system_prompt: { default: 'be helpful' }, tool_policy: { default: 'be helpful' } });

export function fastConsensus(dir: string, extra: Partial<ConsensusSettings> = {}): ConsensusSettings {
  return {
    file: path.join(dir, 'consensus.sqlite'),
    appliers: memoryAppliers(),
    quorumRatio: 2 / 3,
    autoReject: [],
    tickMs: 100,
    resendTicks: 5,
    syncMs: 500,
    requestTimeoutMs: 2_000,
    graceMs: 300,
    maxSkewMs: 60_000,
    memberTtlMs: 3_600_000,
    ...extra,
  };
}
