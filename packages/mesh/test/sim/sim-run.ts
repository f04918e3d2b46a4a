// One seeded run: 5–9 nodes (sometimes one of them a voter controlled by the attacker), proposals from random nodes on
// a few shared artifacts (so rival changes to the same version happen), a lossy, duplicating, reordering network, a
// partition and a crash with restart, then a healed network for the stragglers to converge.
import type { ProposalKind } from '@pagi/contracts';
import { unleash } from './sim-adversary.ts';
import { keyFor, SimCluster } from './sim-cluster.ts';
import { check } from './sim-invariants.ts';

const FAULTY_UNTIL = 25_000;
const END = 45_000;
const ARTIFACTS: [ProposalKind, string][] = [
  ['system_prompt', 'default'],
  ['agent_template', 'researcher'],
  ['playbook', 'daily'],
];

export async function runSeed(seed: number) {
  const n = 5 + (seed % 5);
  const keys = await Promise.all(Array.from({ length: n }, (_, i) => keyFor(i)));
  const probe = new SimCluster(seed, [], { drop: 0, duplicate: 0, minDelayMs: 0, maxDelayMs: 0 }).net;
  const faults = {
    drop: probe.random() * 0.3,
    duplicate: probe.random() * 0.2,
    minDelayMs: 1,
    maxDelayMs: 20 + Math.floor(probe.random() * 800),
  };
  const cluster = new SimCluster(seed, keys, faults);
  const net = cluster.net;
  const mallory = seed % 3 === 0 ? null : cluster.nodes.get(cluster.ids[n - 1]!)!;
  if (mallory) mallory.presence = 0;
  const adversary = unleash(cluster, await keyFor(50), mallory);
  const honest = cluster.ids.filter((id) => id !== mallory?.id);

  const proposals = net.between(3, 6);
  for (let i = 0; i < proposals; i++) {
    const [kind, target] = net.pick(ARTIFACTS);
    const by = net.pick(honest);
    net.at(net.between(200, 10_000), () => {
      if (!net.isUp(by)) return;
      try {
        cluster.nodes.get(by)!.consensus.propose({
          kind,
          target,
          payload: Buffer.from(`${kind} ${target} from seed ${seed}, change ${i}`),
          reason: `change ${i}`,
          deadlineMs: net.between(3_000, 9_000),
        });
      } catch {
        // e.g. this node holds that content already: nothing is proposed, as the API would answer.
      }
    });
  }
  if (net.random() < 0.7) {
    const shuffled = [...cluster.ids].sort(() => net.random() - 0.5);
    const cut = net.between(1, n - 1);
    const from = net.between(1_000, 8_000);
    net.at(from, () => net.partition([shuffled.slice(0, cut), shuffled.slice(cut)]));
    net.at(from + net.between(2_000, 8_000), () => net.partition(null));
  }
  const crashed = net.random() < 0.5 ? net.pick(honest) : null;
  if (crashed) {
    const at = net.between(1_000, 10_000);
    net.at(at, () => cluster.crash(crashed));
    net.at(at + net.between(1_000, 6_000), () => cluster.restart(crashed));
  }

  cluster.start(END);
  await net.run(FAULTY_UNTIL);
  net.partition(null);
  net.faults = { drop: 0, duplicate: 0, minDelayMs: 1, maxDelayMs: 20 };
  // Healed: run until every node holds every decision and has applied every accepted change (or the end).
  for (let t = FAULTY_UNTIL + 1_000; t <= END && !settled(cluster); t += 1_000) await net.run(t);
  const result = check(cluster, adversary);
  const traffic = { sent: net.sent, delivered: net.delivered };
  cluster.close();
  return { seed, nodes: n, mallory: mallory !== null, crashed: crashed !== null, faults, ...result, traffic };
}

/** Every node holds every proposal decided, and has applied (or refused) every accepted one. */
function settled(cluster: SimCluster): boolean {
  for (const node of cluster.nodes.values()) {
    const recs = node.consensus.core.recs;
    for (const id of cluster.proposals) {
      const rec = recs.get(id);
      if (!rec?.decision || (rec.outcome === 'accepted' && !rec.applications.has(node.id))) return false;
    }
  }
  return true;
}
