// A fleet of consensus nodes on the simulated network: each runs the real protocol code (Consensus, its SQLite store
// in memory, in-memory artifacts) with a simulated person who votes after a while, or never. Ticks and catch-up run
// on the virtual clock. A node that crashes loses its in-memory state and restarts from its store.
import { generateKeyPairFromSeed } from '@libp2p/crypto/keys';
import type { PrivateKey } from '@libp2p/interface';
import type { ProposalEvent } from '@pagi/contracts';
import { decisionCodec, voteCodec } from '../../src/consensus/codec.ts';
import { type Appliers, Consensus, ConsensusStore, signerOf } from '../../src/index.ts';
import { memoryAppliers } from '../helpers/consensus.ts';
import { type Faults, SimNetwork } from './sim-network.ts';

export const TICK_MS = 100;
export const SYNC_MS = 500;
export const GRACE_MS = 300;

export interface SimNode {
  id: string;
  key: PrivateKey;
  store: ConsensusStore;
  appliers: Appliers;
  consensus: Consensus;
  /** How likely this node's person votes at all. */
  presence: number;
  /** Verdicts this node gave to messages it received. */
  refused: number;
}

const keyCache = new Map<number, PrivateKey>();

/** The same key for the same index in every run, so a seed replays exactly. */
export async function keyFor(index: number): Promise<PrivateKey> {
  let key = keyCache.get(index);
  if (!key) {
    const seed = new Uint8Array(32);
    seed[0] = index + 1;
    seed[31] = 0x5a;
    key = await generateKeyPairFromSeed('Ed25519', seed);
    keyCache.set(index, key);
  }
  return key;
}

export class SimCluster {
  readonly net: SimNetwork;
  readonly nodes = new Map<string, SimNode>();
  readonly ids: string[];
  /** Proposal ids every node should end with. */
  readonly proposals = new Set<string>();
  private readonly seen = new Set<string>();
  /** Broken invariants noticed as they happen (the rest are checked at the end). */
  readonly violations: string[] = [];
  /** Called once per proposal, the first time any node hears of it (the adversary listens here). */
  onNewProposal: (id: string, at: SimNode) => void = () => {};

  constructor(seed: number, keys: PrivateKey[], faults: Faults) {
    this.net = new SimNetwork(seed, faults);
    this.ids = keys.map((k) => signerOf(k).peerId);
    keys.forEach((key, i) => {
      const id = this.ids[i]!;
      const store = new ConsensusStore(':memory:');
      const node: SimNode = {
        id,
        key,
        store,
        appliers: memoryAppliers(),
        consensus: null as unknown as Consensus,
        presence: this.net.random() < 0.1 ? 0 : 1,
        refused: 0,
      };
      this.nodes.set(id, node);
      this.boot(node);
    });
  }

  /** Starts (or restarts, from its store) a node's protocol code. */
  boot(node: SimNode): void {
    const net = this.net;
    const others = this.ids.filter((p) => p !== node.id);
    const skew = Math.floor(net.random() * 100) - 50;
    const consensus: Consensus = new Consensus({
      signer: signerOf(node.key),
      store: node.store,
      appliers: node.appliers,
      transport: {
        broadcast: (bytes) => {
          for (const peer of others) net.send(node.id, peer, () => this.receive(peer, bytes));
        },
        peers: () => others,
        request: async (peer, bytes) => {
          const answer = await net.request(
            node.id,
            peer,
            () => this.nodes.get(peer)!.consensus.answerSync(bytes),
            2_000,
          );
          // An answer reaching a node that restarted meanwhile belongs to its previous life.
          if (node.consensus !== consensus) throw new Error('restarted');
          return answer;
        },
      },
      membership: {
        onlineVoters: () => this.ids,
        knownVoters: () => this.ids.length,
        isMember: (p) => this.nodes.has(p),
        isVoter: (p) => this.nodes.has(p),
        nameOf: () => null,
      },
      voter: true,
      quorumRatio: 2 / 3,
      autoReject: [],
      graceMs: GRACE_MS,
      maxSkewMs: 60_000,
      now: () => net.now + skew,
    });
    node.consensus = consensus;
    consensus.on('event', (e) => this.onEvent(node, consensus, e));
  }

  receive(peer: string, bytes: Uint8Array): void {
    const node = this.nodes.get(peer)!;
    if (node.consensus.receive(bytes) === 'reject') node.refused++;
  }

  private onEvent(node: SimNode, consensus: Consensus, e: ProposalEvent): void {
    if (e.type === 'decided') this.checkDecision(node, consensus, e.proposal_id);
    if (e.type !== 'proposed') return;
    if (!this.seen.has(e.proposal_id)) {
      this.seen.add(e.proposal_id);
      this.proposals.add(e.proposal_id);
      this.onNewProposal(e.proposal_id, node);
    }
    const net = this.net;
    if (net.random() >= node.presence) return;
    const accept = net.random() < this.bias(e.proposal_id);
    net.after(net.between(50, 2_500), () => {
      if (node.consensus !== consensus || !net.isUp(node.id)) return;
      try {
        consensus.vote(e.proposal_id, accept ? 'accept' : 'reject', 'simulated person');
      } catch {
        // Voting closed, already voted (by the node's own rules), or blocked: as in the UI, nothing is sent.
      }
    });
  }

  /** When a proposer decides, no vote it counts comes from a voter it knows signed two different votes. */
  private checkDecision(node: SimNode, consensus: Consensus, id: string): void {
    const rec = consensus.core.recs.get(id)!;
    if (rec.body.proposer !== node.id || !rec.decision) return;
    for (const signed of decisionCodec.decode(rec.decision.body).votes) {
      const voter = voteCodec.decode(signed.body).voter;
      if (rec.equivocations.has(voter))
        this.violations.push(`decision on ${id.slice(0, 8)} counts a known equivocator`);
    }
  }

  /** Each proposal's chance of an accept from any one person: some pass easily, some fail, some split. */
  private bias(id: string): number {
    return [0.95, 0.8, 0.5, 0.15][Number.parseInt(id.slice(0, 2), 16) % 4]!;
  }

  /** Ticks every node on the virtual clock, and catches up with a random peer now and then. */
  start(until: number): void {
    for (const node of this.nodes.values()) {
      let ticks = 0;
      const offset = this.net.between(0, TICK_MS);
      for (let t = offset; t <= until; t += TICK_MS)
        this.net.at(t, () => {
          if (!this.net.isUp(node.id)) return;
          node.consensus.tick(++ticks % 5 === 0);
          if (ticks % (SYNC_MS / TICK_MS) === 0)
            void node.consensus.catchUp(this.net.pick(this.ids.filter((p) => p !== node.id)));
        });
    }
  }

  crash(id: string): void {
    this.net.crash(id);
  }

  restart(id: string): void {
    this.net.restart(id);
    const node = this.nodes.get(id)!;
    this.boot(node);
    void node.consensus.catchUp(this.net.pick(this.ids.filter((p) => p !== id)));
  }

  close(): void {
    for (const n of this.nodes.values()) n.store.close();
  }
}
