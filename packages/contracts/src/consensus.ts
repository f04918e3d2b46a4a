import { z } from 'zod';

// Consensus Sync's HTTP shapes (/api/phoenix/proposals…, /api/phoenix/artifacts…): the orchestrator sends them, the
// browser checks them.

/** What a fleet-wide change can be about. */
export const PROPOSAL_KINDS = ['agent_template', 'playbook', 'tool_policy', 'tool_install', 'system_prompt'] as const;
export const ProposalKind = z.enum(PROPOSAL_KINDS);
export type ProposalKind = z.infer<typeof ProposalKind>;

export const ProposalStatus = z.enum(['open', 'accepted', 'rejected', 'expired']);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** The largest payload a proposal carries inline (a prompt, a policy file, a template). */
export const MAX_PROPOSAL_PAYLOAD_BYTES = 256 * 1024;
export const MIN_DEADLINE_S = 10;
export const MAX_DEADLINE_S = 30 * 24 * 3600;

/** An artifact's name: a template or playbook name, or "default" for the prompt and the tool policy. */
export const ArtifactTarget = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase letters, digits, dot, dash or underscore, at most 64');

export const CreateProposal = z
  .object({
    kind: ProposalKind,
    target: ArtifactTarget.default('default'),
    /** The new content, whole (UTF-8 text). Give it, or `rollback_to` a version this node holds. */
    payload: z.string().optional(),
    rollback_to: z.number().int().min(0).optional(),
    reason: z.string().trim().min(1, 'reason is required').max(1024),
    deadline_s: z.number().int().min(MIN_DEADLINE_S).max(MAX_DEADLINE_S).optional(),
  })
  .refine((p) => (p.payload === undefined) !== (p.rollback_to === undefined), {
    message: 'give either payload or rollback_to',
    path: ['payload'],
  })
  .refine(
    (p) => p.payload === undefined || new TextEncoder().encode(p.payload).byteLength <= MAX_PROPOSAL_PAYLOAD_BYTES,
    {
      message: `payload must be at most ${MAX_PROPOSAL_PAYLOAD_BYTES} bytes`,
      path: ['payload'],
    },
  );
export type CreateProposal = z.infer<typeof CreateProposal>;

export const CastVote = z.object({
  vote: z.enum(['accept', 'reject']),
  reason: z.string().trim().max(1024).optional(),
});
export type CastVote = z.infer<typeof CastVote>;

export const ProposalFilter = z.object({
  status: ProposalStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ProposalVote = z.object({
  voter: z.string(),
  voter_name: z.string().nullable(),
  vote: z.enum(['accept', 'reject']),
  reason: z.string(),
  signed_at_ms: z.number(),
  /** False when the voter also signed a different vote (equivocation): neither counts. */
  counted: z.boolean(),
});
export type ProposalVote = z.infer<typeof ProposalVote>;

export const Application = z.object({
  peer: z.string(),
  peer_name: z.string().nullable(),
  outcome: z.enum(['applied', 'conflict']),
  version: z.number(),
  reason: z.string(),
  at_ms: z.number(),
});

export const ProposalSummary = z.object({
  id: z.string(),
  kind: ProposalKind,
  target: z.string(),
  proposer: z.string(),
  proposer_name: z.string().nullable(),
  reason: z.string(),
  created_at_ms: z.number(),
  deadline_ms: z.number(),
  status: ProposalStatus,
  /** Accept and reject votes counted so far, and the accept votes needed. */
  tally: z.object({ accept: z.number(), reject: z.number(), needed: z.number(), voters: z.number() }),
  /** This node's own vote, if it cast one. */
  my_vote: z.enum(['accept', 'reject']).nullable(),
});
export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const ProposalDetail = ProposalSummary.extend({
  payload: z.string(),
  payload_sha256: z.string(),
  base_version: z.number(),
  base_sha256: z.string(),
  /** What this node holds now for the same artifact (to diff against), and its version. */
  current: z.object({ version: z.number(), sha256: z.string(), content: z.string() }),
  voters: z.array(z.object({ peer_id: z.string(), name: z.string().nullable() })),
  decided_at_ms: z.number().nullable(),
  votes: z.array(ProposalVote),
  /** Whether each node that reported applied the change (false: it recorded a conflict). */
  applied: z.record(z.string(), z.boolean()),
  applications: z.array(Application),
  equivocations: z.array(z.object({ voter: z.string(), at_ms: z.number() })),
  /** Whether this node may vote now, and if not, why. */
  can_vote: z.boolean(),
  vote_blocked: z.string().nullable(),
});
export type ProposalDetail = z.infer<typeof ProposalDetail>;

export const ProposalList = z.object({ proposals: z.array(ProposalSummary) });

export const ProposalEvent = z.object({
  type: z.enum(['proposed', 'voted', 'decided', 'applied', 'conflict', 'equivocation']),
  proposal_id: z.string(),
  status: ProposalStatus,
  at_ms: z.number(),
});
export type ProposalEvent = z.infer<typeof ProposalEvent>;

/** One version of a fleet-managed artifact on this node. */
export const ArtifactVersion = z.object({
  kind: ProposalKind,
  target: z.string(),
  version: z.number(),
  sha256: z.string(),
  content: z.string(),
  /** The accepted proposal that made it. */
  proposal_id: z.string(),
  applied_at_ms: z.number(),
});
export type ArtifactVersion = z.infer<typeof ArtifactVersion>;

/** The current version of every artifact changed through the fleet, on this node. */
export const ArtifactList = z.object({ artifacts: z.array(ArtifactVersion) });
export const ArtifactHistory = z.object({ versions: z.array(ArtifactVersion) });
