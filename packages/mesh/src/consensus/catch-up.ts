import type { ProposalState } from '@pagi/contracts/gen/consensus/ProposalState.ts';
import { WireError } from '../wire.ts';
import { SYNC_PAGE_BYTES, syncRequestCodec, syncResponseCodec } from './codec.ts';
import type { Core } from './core.ts';
import { takeApplied, takeDecision, takeProposal, takeVote } from './intake.ts';

// Catch-up: a node asks a peer for everything that peer's log changed since the last time it asked (a cursor per
// peer, kept durably), a page at a time. Each item goes through the same checks as gossip, so a peer can only tell a
// node what it could have told it by gossip; what the node holds already is ignored.

/** Pages asked for in one round (a node far behind continues in the next round). */
const MAX_PAGES = 20;
const PAGE_PROPOSALS = 64;

/** Answers a catch-up request from this node's log. */
export function answerSync(core: Core, request: Uint8Array): Uint8Array {
  const req = syncRequestCodec.decode(request);
  const after = req.log_id === core.store.logId ? req.after_seq : 0;
  const changed = core.store.changedAfter(after, PAGE_PROPOSALS + 1);
  const proposals: ProposalState[] = [];
  let bytes = 0;
  let next = after;
  for (const { id, seq } of changed.slice(0, PAGE_PROPOSALS)) {
    const rec = core.recs.get(id);
    if (!rec) continue;
    const state: ProposalState = {
      proposal: rec.proposal,
      votes: [...rec.votes.values(), ...[...rec.equivocations.values()].map((e) => ({ signed: e.vote }))].map(
        (v) => v.signed,
      ),
      decision: rec.decision ?? undefined,
      applied: [...rec.applications.values()].map((a) => a.signed),
    };
    bytes += rec.proposal.body.byteLength + (rec.decision?.body.byteLength ?? 0) + 300 * state.votes!.length;
    proposals.push(state);
    next = seq;
    if (bytes > SYNC_PAGE_BYTES) break;
  }
  const more = changed.length > 0 && next < changed[changed.length - 1]!.seq;
  return syncResponseCodec.encode({ log_id: core.store.logId, next_seq: next, more, proposals });
}

/** Catches up from one peer; resolves with the number of proposals it heard about. Failures are noted, not thrown. */
export async function catchUp(core: Core, peer: string): Promise<number> {
  let heard = 0;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const cursor = core.store.cursor(peer);
      const request = syncRequestCodec.encode({ log_id: cursor?.logId ?? '', after_seq: cursor?.seq ?? 0 });
      const res = syncResponseCodec.decode(await core.opts.transport.request(peer, request));
      for (const state of res.proposals) {
        heard++;
        if (!state.proposal) continue;
        takeProposal(core, state.proposal);
        for (const v of state.votes) takeVote(core, v);
        if (state.decision) takeDecision(core, state.decision);
        for (const a of state.applied) takeApplied(core, a);
      }
      core.store.setCursor(peer, res.log_id, res.next_seq);
      if (!res.more) break;
    }
  } catch (err) {
    if (!(err instanceof WireError)) core.note('catch-up failed', { peer, err: (err as Error).message });
    else core.note('catch-up answer refused', { peer, err: err.message });
  }
  return heard;
}
