// Consensus Sync settings for tests: quick ticks and catch-up, artifacts in memory.
import path from 'node:path';
import { type Appliers, type ConsensusSettings, memoryApplier } from '../../src/index.ts';

export function memoryAppliers(initial: Record<string, string> = { default: 'be helpful' }): Appliers {
  return {
    agent_template: memoryApplier(),
    playbook: memoryApplier(),
    tool_policy: memoryApplier(initial),
    tool_install: memoryApplier(),
    system_prompt: memoryApplier(initial),
  };
}

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
