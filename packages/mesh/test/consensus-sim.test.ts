// Consensus Sync under a deterministic simulation: the real protocol code on a network that drops, delays, duplicates
// and reorders messages, partitions the fleet and crashes a node, with an attacker sending forged, replayed,
// equivocating and out-of-set votes. Every seed must keep every invariant (see sim/sim-invariants.ts); a failing seed
// replays exactly with CONSENSUS_SIM_SEED=<seed>.
import { describe, expect, it } from 'vitest';
import { runSeed } from './sim/sim-run.ts';

const ONE = process.env.CONSENSUS_SIM_SEED;
const SEEDS = ONE
  ? [Number(ONE)]
  : Array.from({ length: Number(process.env.CONSENSUS_SIM_SEEDS ?? 500) }, (_, i) => i + 1);

describe('Consensus Sync, simulated', () => {
  it(`keeps agreement, validity and convergence over ${SEEDS.length} seeded runs with faults`, async () => {
    const totals = { accepted: 0, rejected: 0, expired: 0, equivocationsSeen: 0, refused: 0, runs: 0 };
    const failures: string[] = [];
    for (const seed of SEEDS) {
      const run = await runSeed(seed);
      totals.runs++;
      for (const k of ['accepted', 'rejected', 'expired', 'equivocationsSeen', 'refused'] as const)
        totals[k] += run.stats[k];
      if (run.violations.length)
        failures.push(`seed ${seed} (${run.nodes} nodes): ${run.violations.slice(0, 5).join('; ')}`);
    }
    expect(failures).toEqual([]);
    // The runs exercised what they claim to: every outcome, detected equivocations and refused forgeries.
    if (!ONE) {
      expect(totals.accepted).toBeGreaterThan(SEEDS.length / 2);
      expect(totals.rejected).toBeGreaterThan(0);
      expect(totals.expired).toBeGreaterThan(0);
      expect(totals.equivocationsSeen).toBeGreaterThan(0);
      expect(totals.refused).toBeGreaterThan(0);
    }
  }, 600_000);
});
