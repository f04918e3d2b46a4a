import type { AppliedBody__Output } from '@pagi/contracts/gen/consensus/AppliedBody.ts';
import { appliedCodec } from './codec.ts';
import type { Core, Rec } from './core.ts';
import { recordApplied } from './intake.ts';
import { type Signed, seal, sha256hex } from './signing.ts';

// Applying accepted changes. Each artifact moves through numbered versions; an accepted change replaces version n
// with n+1, and only where this node holds version n with the content the proposer saw. A node that is behind waits
// for the earlier changes (catch-up brings them); a node holding anything else records a conflict and keeps its own.

/** Applies every accepted change this node can, in version order, until none is left that it can apply. */
export function applyReady(core: Core): void {
  for (let progress = true; progress; ) {
    progress = false;
    const waiting = [...core.recs.values()]
      .filter((r) => r.outcome === 'accepted' && !r.applications.has(core.me))
      .sort((a, b) => a.body.base_version - b.body.base_version || a.id.localeCompare(b.id));
    for (const rec of waiting) {
      const done = applyOne(core, rec);
      progress ||= done;
    }
  }
}

/** Applies or refuses one accepted change; false while the node is behind and must wait. */
function applyOne(core: Core, rec: Rec): boolean {
  const b = rec.body;
  const cur = core.current(b.kind, b.target);
  if (cur.version < b.base_version) return false;
  const at = core.now();
  const record = (outcome: 'applied' | 'conflict', version: number, reason: string) => {
    const body = { proposal_id: rec.id, peer: core.me, outcome, version, reason, at_ms: at };
    const signed = seal(core.opts.signer, appliedCodec.encode(body));
    return { body, signed };
  };
  // A crash between writing the artifact and recording it leaves the new content in place: recognised, not a conflict.
  const alreadyWritten = cur.sha256 === b.payload_sha256;
  if (cur.version === b.base_version && (cur.sha256 === b.base_sha256 || alreadyWritten)) {
    try {
      core.opts.appliers[b.kind as keyof typeof core.opts.appliers].validate(b.payload, b.target);
      if (!alreadyWritten) core.opts.appliers[b.kind as keyof typeof core.opts.appliers].write(b.target, b.payload);
    } catch (err) {
      return conflict(core, rec, record('conflict', cur.version, `not applied: ${(err as Error).message}`));
    }
    const a = record('applied', b.base_version + 1, '');
    rec.applications.set(core.me, a);
    core.store.addApplication(rec.id, core.me, a.signed, {
      kind: b.kind,
      target: b.target,
      version: b.base_version + 1,
      sha256: sha256hex(b.payload),
      content: Buffer.from(b.payload),
      proposal_id: rec.id,
      applied_at_ms: at,
    });
    core.announce('applied', rec);
    core.publish({ applied: a.signed });
    return true;
  }
  const reason =
    cur.version === b.base_version
      ? `this node holds other content at version ${cur.version} (sha256 ${cur.sha256.slice(0, 12)})`
      : `this node is at version ${cur.version}, past the version ${b.base_version} the change replaces`;
  return conflict(core, rec, record('conflict', cur.version, reason));
}

function conflict(core: Core, rec: Rec, entry: { body: AppliedBody__Output; signed: Signed }): true {
  recordApplied(core, rec, entry.body, entry.signed);
  core.note('accepted change not applied here', { proposal: rec.id, reason: entry.body.reason });
  core.publish({ applied: entry.signed });
  return true;
}
