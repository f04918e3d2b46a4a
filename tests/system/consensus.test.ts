// Consensus Sync with real processes: three twins (orchestrators with the mesh on, each its own data folder) on
// 127.0.0.1, all voters. Through each twin's HTTP and gRPC faces: a change two of three accept is applied on all
// three, one the others refuse is applied nowhere, a twin killed during the vote catches up after its restart, a vote
// signed by a key outside the voter set counts nowhere, and bad requests are refused clearly. Packets stay on loopback.
import type { ProposalDetail } from '@pagi/contracts';
import { type Mesh, seal, voteCodec } from '@pagi/mesh';
import { unary } from '@pagi/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryConsensus } from '../helpers/consensus-node.ts';
import {
  allOnline,
  api,
  closeTwins,
  detail,
  onlineOn,
  promptOf,
  propose,
  received,
  SLOW,
  SWARM_KEY,
  startTrio,
  type Twin,
  vote,
} from '../helpers/consensus-twins.ts';
import { startMeshNode } from '../helpers/mesh-node.ts';

let twins: Twin[] = [];
const nodes: Mesh[] = [];

beforeAll(async () => {
  twins = await startTrio();
  await allOnline(twins);
}, 120_000);

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  await closeTwins(twins);
});

const statusOn = async (t: Twin, id: string) => (await detail(t, id))?.status;
const appliedOn = async (t: Twin, id: string) => (await detail(t, id))?.applied ?? {};
const allApplied = () => Object.fromEntries(twins.map((t) => [t.peerId, true]));
const artifact = async (t: Twin, kind: string, target: string) =>
  (await api<{ artifacts: Array<Record<string, unknown>> }>(t, 'GET', '/api/phoenix/artifacts')).body.artifacts.find(
    (a) => a.kind === kind && a.target === target,
  );

const FIRST_PROMPT = 'You are a careful twin. Answer in short, plain sentences.';
const REFUSED_PROMPT = 'You are a loud twin. ANSWER EVERYTHING IN CAPITALS.';
const LATER_PROMPT = 'You are a careful twin. Answer briefly and cite your sources.';

/** A valid agent template, for a proposal that is never meant to pass. */
const OUTSIDER =
  'name: outsider\ndescription: Never passes\nrole: A template proposed only to be voted on by strangers.\n';

describe('Consensus Sync between three twin processes', () => {
  it('applies a change two of three accept on all three, the one that voted no included', async () => {
    const [one, two, three] = twins as [Twin, Twin, Twin];
    const id = await propose(one, { kind: 'system_prompt', payload: FIRST_PROMPT, reason: 'shorter answers' });
    await received(three, id);
    expect((await vote(three, id, 'reject', 'I like long answers')).status).toBe(200);
    // The refusal reaches the proposer before the accept that decides, so the tally shows both.
    await expect.poll(async () => (await detail(one, id))?.tally.reject, SLOW).toBe(1);
    await received(two, id);
    expect((await vote(two, id, 'accept')).status).toBe(200);

    for (const t of twins) {
      await expect.poll(() => statusOn(t, id), SLOW).toBe('accepted');
      await expect.poll(() => appliedOn(t, id), SLOW).toEqual(allApplied());
      await expect
        .poll(() => artifact(t, 'system_prompt', 'default'), SLOW)
        .toMatchObject({ version: 1, content: FIRST_PROMPT, proposal_id: id });
      // The twin really uses it: its prompt store has a new version, written by the fleet.
      expect(await promptOf(t)).toEqual({ prompt: FIRST_PROMPT, author: 'fleet' });
    }
    const seen = (await detail(one, id))!;
    expect(seen.tally).toEqual({ accept: 2, reject: 1, needed: 2, voters: 3 });
    expect(seen.votes.map((v) => [v.voter_name, v.vote])).toEqual(
      expect.arrayContaining([
        ['one', 'accept'],
        ['two', 'accept'],
        ['three', 'reject'],
      ]),
    );
  }, 120_000);

  it('rejects a change only its proposer accepts and applies it nowhere (over gRPC)', async () => {
    const [one, two, three] = twins as [Twin, Twin, Twin];
    const { id } = await unary(one.grpc, 'Propose', {
      kind: 'system_prompt',
      payload: REFUSED_PROMPT,
      reason: 'more emphasis',
      deadline_s: 600,
    });
    for (const t of [two, three]) {
      await received(t, id);
      const after = await unary(t.grpc, 'Vote', { id, vote: 'reject', reason: 'too loud' });
      expect(after.my_vote).toBe('reject');
    }
    for (const t of twins) {
      await expect.poll(() => statusOn(t, id), SLOW).toBe('rejected');
      expect((await detail(t, id))!.applications).toEqual([]);
      expect(await artifact(t, 'system_prompt', 'default')).toMatchObject({ version: 1, content: FIRST_PROMPT });
      expect((await promptOf(t)).prompt).toBe(FIRST_PROMPT);
    }
    const got = await unary(one.grpc, 'GetProposal', { id });
    expect(got).toMatchObject({ status: 'rejected', my_vote: 'accept', proposer_name: 'one', can_vote: false });
    expect(got.tally).toEqual({ accept: 1, reject: 2, needed: 2, voters: 3 });
    expect(got.decided_at_ms).toBeGreaterThan(0);
    expect(got.applied).toEqual({});
    const rejected = await unary(one.grpc, 'ListProposals', { status: 'rejected', limit: 0 });
    expect(rejected.proposals.map((p) => p.id)).toContain(id);
    const listed = await unary(one.grpc, 'ListArtifacts', {});
    expect(listed.artifacts.map((a) => [a.kind, a.target, a.version])).toEqual([['system_prompt', 'default', 1]]);
    const history = await unary(two.grpc, 'ListArtifacts', { kind: 'system_prompt', target: 'default' });
    expect(history.artifacts.map((a) => a.content)).toEqual([FIRST_PROMPT]);
  }, 120_000);

  it('refuses a malformed payload with 400 (INVALID_ARGUMENT) and a second vote with 409 (FAILED_PRECONDITION)', async () => {
    const [one, two, three] = twins as [Twin, Twin, Twin];
    const before = (await api<{ proposals: unknown[] }>(one, 'GET', '/api/phoenix/proposals')).body.proposals.length;
    const bad = async (body: Record<string, unknown>) => {
      const res = await api<{ error: { code: string; message: string } }>(one, 'POST', '/api/phoenix/proposals', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      return res.body.error.message;
    };
    const policy = { kind: 'tool_policy', reason: 'tighter tools' };
    expect(await bad({ ...policy, payload: 'version: 1\ntwins: {}\n' })).toContain(
      'an entry for the default twin "*" is required',
    );
    expect(await bad({ ...policy, payload: 'version: [1' })).toContain('the tool policy is not valid YAML');
    expect(await bad({ kind: 'system_prompt', payload: 'too short', reason: 'x' })).toContain('at least 20 characters');
    expect(await bad({ kind: 'system_prompt', payload: FIRST_PROMPT })).toContain('reason');
    const refused = await unary(one.grpc, 'Propose', { ...policy, payload: 'version: 2\ntwins: {"*": {}}' }).catch(
      (e: { code: number; details: string }) => e,
    );
    expect(refused).toMatchObject({ code: 3, details: expect.stringContaining('version') });
    expect((await api<{ proposals: unknown[] }>(one, 'GET', '/api/phoenix/proposals')).body.proposals).toHaveLength(
      before,
    );

    const id = await propose(one, { kind: 'playbook', target: 'twice', payload: 'steps: []', reason: 'a playbook' });
    const again = await vote(one, id, 'accept');
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('this node has voted on this proposal already');
    await received(two, id);
    expect((await vote(two, id, 'reject')).status).toBe(200);
    expect((await vote(two, id, 'accept')).status).toBe(409);
    const overGrpc = await unary(two.grpc, 'Vote', { id, vote: 'accept' }).catch((e: { code: number }) => e);
    expect(overGrpc).toMatchObject({ code: 9 });
    // Settled, so that no open proposal is left behind.
    await received(three, id);
    await vote(three, id, 'reject');
    await expect.poll(() => statusOn(one, id), SLOW).toBe('rejected');
  }, 120_000);

  it('brings a twin killed during the vote up to date after its restart', async () => {
    const [one, two, three] = twins as [Twin, Twin, Twin];
    const id = await propose(one, { kind: 'system_prompt', payload: LATER_PROMPT, reason: 'cite sources' });
    await received(three, id);
    await three.stack.stop('orchestrator', 'SIGKILL');
    await received(two, id);
    expect((await vote(two, id, 'accept')).status).toBe(200);
    for (const t of [one, two]) {
      await expect.poll(() => statusOn(t, id), SLOW).toBe('accepted');
      await expect.poll(async () => (await promptOf(t)).prompt, SLOW).toBe(LATER_PROMPT);
    }
    expect(Object.keys(await appliedOn(one, id))).not.toContain(three.peerId);

    await three.stack.start('orchestrator');
    expect((await api<{ peer_id: string }>(three, 'GET', '/api/phoenix/status')).body.peer_id).toBe(three.peerId);
    await expect.poll(() => statusOn(three, id), SLOW).toBe('accepted');
    await expect.poll(async () => (await appliedOn(three, id))[three.peerId], SLOW).toBe(true);
    expect(await artifact(three, 'system_prompt', 'default')).toMatchObject({ version: 2, content: LATER_PROMPT });
    expect(await promptOf(three)).toEqual({ prompt: LATER_PROMPT, author: 'fleet' });
    // Its application travels back: the proposer sees the change applied on all three.
    await expect.poll(() => appliedOn(one, id), SLOW).toEqual(allApplied());
    expect((await detail(three, id))!.votes.map((v) => v.voter)).not.toContain(three.peerId);
  }, 120_000);

  it('counts no vote signed by a key outside the voter set', async () => {
    const [one, two, three] = twins as [Twin, Twin, Twin];
    await allOnline(twins);
    const observer = await startMeshNode('observer', {
      swarmKey: SWARM_KEY,
      bootstrap: [one.address],
      role: 'observer',
      consensus: memoryConsensus(),
    });
    nodes.push(observer);
    for (const t of twins) await expect.poll(async () => (await onlineOn(t)).includes('observer'), SLOW).toBe(true);
    // Connected both ways to every twin, so that its gossip (flood-published) reaches each one directly.
    const observed = () => observer.fleet.list().filter((n) => !n.self && n.status === 'online').length;
    await expect.poll(observed, SLOW).toBe(3);

    const id = await propose(one, { kind: 'agent_template', target: 'outsider', payload: OUTSIDER, reason: 'test' });
    await expect.poll(() => observer.consensus!.list().map((p) => p.id), SLOW).toContain(id);
    // Every twin holds the proposal, so each checks the votes against it on arrival.
    for (const t of twins) await expect.poll(async () => (await detail(t, id))?.id, SLOW).toBe(id);
    const held = (await detail(one, id))!;
    expect(held.voters.map((v) => v.peer_id).sort()).toEqual(twins.map((t) => t.peerId).sort());

    // Accept votes signed with the observer's own key: one in its own name, one claiming to be twin two's.
    const core = observer.consensus!.core;
    for (const voter of [observer.peerId, two.peerId]) {
      const body = voteCodec.encode({ proposal_id: id, voter, accept: true, reason: 'yes', signed_at_ms: Date.now() });
      core.publish({ vote: seal(core.opts.signer, body) });
    }
    for (const t of twins) {
      await expect
        .poll(() => t.stack.logs('orchestrator'), SLOW)
        .toContain('vote refused: voter outside the voter set');
      await expect
        .poll(() => t.stack.logs('orchestrator'), SLOW)
        .toContain('vote refused: vote not signed by its voter');
      const seen = (await detail(t, id)) as ProposalDetail;
      expect(seen.status).toBe('open');
      expect(seen.tally).toMatchObject({ accept: 1, reject: 0, needed: 2 });
      expect(seen.votes.map((v) => v.voter)).toEqual([one.peerId]);
    }

    // The twins' own votes still decide it: refused by both, it never passes.
    for (const t of [two, three]) expect((await vote(t, id, 'reject')).status).toBe(200);
    for (const t of twins) {
      await expect.poll(() => statusOn(t, id), SLOW).toBe('rejected');
      expect(await artifact(t, 'agent_template', 'outsider')).toBeUndefined();
    }
  }, 120_000);
});
