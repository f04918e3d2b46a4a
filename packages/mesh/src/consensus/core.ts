import { EventEmitter } from 'node:events';
import type { ProposalEvent, ProposalStatus } from '@pagi/contracts';
import type { AppliedBody__Output } from '@pagi/contracts/gen/consensus/AppliedBody.ts';
import type { Envelope } from '@pagi/contracts/gen/consensus/Envelope.ts';
import type { ProposalBody__Output } from '@pagi/contracts/gen/consensus/ProposalBody.ts';
import type { VoteBody__Output } from '@pagi/contracts/gen/consensus/VoteBody.ts';
import type { Appliers } from './appliers.ts';
import { envelopeCodec } from './codec.ts';
import type { ConsensusStore } from './consensus-store.ts';
import type { Outcome } from './rules.ts';
import { type Signed, type Signer, sha256hex } from './signing.ts';

// The state every part of the protocol shares: the proposals this node holds, decoded, and what it needs from the
// outside (transport, fleet membership, clock, artifacts). Nothing here is asynchronous: a message is taken, checked,
// stored and acted on in one step, which keeps a node's behaviour a function of the order messages arrive in.

export interface Transport {
  /** Sends to every peer (gossip); best effort. */
  broadcast(bytes: Uint8Array): void;
  /** Asks one peer for catch-up; rejects on timeout or failure. */
  request(peer: string, bytes: Uint8Array): Promise<Uint8Array>;
  /** Peers that can be asked now. */
  peers(): string[];
}

export interface Membership {
  /** Voters online now, this node included when it is one. */
  onlineVoters(): string[];
  /** How many voters the fleet has, whatever their status. */
  knownVoters(): number;
  isMember(peer: string): boolean;
  isVoter(peer: string): boolean;
  /** A peer's name, for people. */
  nameOf(peer: string): string | null;
}

export interface ConsensusOptions {
  signer: Signer;
  store: ConsensusStore;
  transport: Transport;
  membership: Membership;
  appliers: Appliers;
  /** This node takes part in votes. */
  voter: boolean;
  /** Share of the voter set whose accept votes carry a proposal (2/3 by default). */
  quorumRatio: number;
  /** Kinds this node rejects on sight. */
  autoReject: string[];
  /** After the deadline, how long the proposer waits for votes signed in time but still travelling. */
  graceMs: number;
  maxSkewMs: number;
  now: () => number;
  /** Called for things worth a log line (refused items, conflicts). */
  note?(msg: string, fields: Record<string, unknown>): void;
}

export interface Rec {
  id: string;
  proposal: Signed;
  body: ProposalBody__Output;
  receivedAtMs: number;
  decision: Signed | null;
  outcome: Outcome | null;
  decidedAtMs: number | null;
  votes: Map<string, { signed: Signed; body: VoteBody__Output }>;
  equivocations: Map<string, { vote: Signed; atMs: number }>;
  applications: Map<string, { signed: Signed; body: AppliedBody__Output }>;
}

/** How a received item was taken: gossip forwards accepted items, drops ignored ones, and scores down rejected ones. */
export type Verdict = 'accept' | 'ignore' | 'reject';

export class Core extends EventEmitter<{ event: [ProposalEvent] }> {
  readonly recs = new Map<string, Rec>();
  /** Votes and applications that arrived before their proposal (bounded). */
  readonly orphans = new Map<string, { kind: 'vote' | 'applied'; signed: Signed }[]>();
  /** Proposals (with their decision, if one came) naming peers this node has not met yet. */
  readonly waiting = new Map<string, { proposal: Signed; decision: Signed | undefined }>();
  readonly opts: ConsensusOptions;
  readonly me: string;
  /** Messages this node published, for the figures. */
  published = 0;

  constructor(opts: ConsensusOptions) {
    super();
    this.opts = opts;
    this.me = opts.signer.peerId;
  }

  get store(): ConsensusStore {
    return this.opts.store;
  }

  now(): number {
    return this.opts.now();
  }

  note(msg: string, fields: Record<string, unknown>): void {
    this.opts.note?.(msg, fields);
  }

  status(rec: Rec): ProposalStatus {
    if (rec.outcome) return rec.outcome;
    return this.now() > rec.body.deadline_ms ? 'expired' : 'open';
  }

  announce(type: ProposalEvent['type'], rec: Rec): void {
    this.emit('event', { type, proposal_id: rec.id, status: this.status(rec), at_ms: this.now() });
  }

  publish(envelope: Envelope): void {
    this.published++;
    this.opts.transport.broadcast(envelopeCodec.encode(envelope));
  }

  /** Votes that count: one per voter, none from a voter who signed two different ones. */
  counted(rec: Rec): { accept: Signed[]; reject: Signed[] } {
    const accept: Signed[] = [];
    const reject: Signed[] = [];
    for (const [voter, v] of rec.votes) {
      if (rec.equivocations.has(voter)) continue;
      (v.body.accept ? accept : reject).push(v.signed);
    }
    return { accept, reject };
  }

  /** The fleet version and content this node holds for an artifact. */
  current(kind: string, target: string): { version: number; sha256: string; content: Uint8Array } {
    const content = this.opts.appliers[kind as keyof Appliers].read(target);
    const version = this.store.latestArtifact(kind, target)?.version ?? 0;
    return { version, sha256: sha256hex(content), content };
  }
}
