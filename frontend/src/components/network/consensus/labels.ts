import type { ProposalKind, ProposalStatus } from '@pagi/contracts';

// How Consensus Sync's kinds, statuses and peers read in the UI.

export const KIND_TEXT: Record<ProposalKind, string> = {
  agent_template: 'Agent template',
  playbook: 'Playbook',
  tool_policy: 'Tool policy',
  tool_install: 'Tool install',
  system_prompt: 'System prompt',
};

export const STATUS_TEXT: Record<ProposalStatus, string> = {
  open: 'Open for votes',
  accepted: 'Accepted',
  rejected: 'Rejected',
  expired: 'Expired without a decision',
};

/** A peer id short enough to read, long enough to tell peers apart. */
export const shortPeer = (peer: string) => (peer.length > 16 ? `${peer.slice(0, 8)}…${peer.slice(-6)}` : peer);

/** A node's name when the fleet knows it, else its short peer id. */
export const who = (name: string | null, peer: string) => name ?? shortPeer(peer);

/** The stable part of a proposal id used in test ids and headings. */
export const shortId = (id: string) => id.slice(0, 12);
