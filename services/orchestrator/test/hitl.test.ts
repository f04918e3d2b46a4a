import { ChatResponse, SessionActionsResponse, SessionTurnsResponse } from '@pagi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatBody, ok, refused, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

// The memory and tools services are down here (closed ports): these tests are about the decision boundary itself.
describe('human-in-the-loop approvals', () => {
  let orch: TestOrchestrator;
  beforeAll(async () => {
    orch = await startTestOrchestrator();
  });
  afterAll(() => orch.close());

  const propose = async (session: string, message = 'run echo hi') => {
    const res = ok(await orch.post('/v1/chat', chatBody(message, session)), ChatResponse);
    expect(res.status).toBe('awaiting_approval');
    return res.issued_command!.action_id;
  };
  const decide = (id: string, decision: 'approve' | 'deny', session: string) =>
    orch.post(`/v1/actions/${id}/${decision}`, { session_id: session });

  it('approving twice runs the action once and refuses the second approval', async () => {
    const id = await propose('twice');
    const first = await decide(id, 'approve', 'twice');
    expect(first.status).toBe(200);
    // The tools service is down: the turn ends with a clear message, not a crash.
    const firstBody = ok(first, ChatResponse);
    expect(firstBody.status).toBe('failed');
    expect(firstBody.response).toMatch(/tools service is unreachable/);
    const second = await decide(id, 'approve', 'twice');
    expect(refused(second, 409)).toEqual({ code: 'already_decided', message: expect.stringContaining('failed') });
  });

  it('concurrent approvals: exactly one wins', async () => {
    const id = await propose('race');
    const results = await Promise.all(Array.from({ length: 8 }, () => decide(id, 'approve', 'race')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
  });

  it('a denied action cannot be approved afterwards', async () => {
    const id = await propose('deny-then-approve');
    const denied = await decide(id, 'deny', 'deny-then-approve');
    expect(denied.status).toBe(200);
    const deniedBody = ok(denied, ChatResponse);
    expect(deniedBody).toMatchObject({ status: 'denied', actions_taken: [] });
    expect(deniedBody.response).toContain('did not run');
    const approve = await decide(id, 'approve', 'deny-then-approve');
    expect(refused(approve, 409).code).toBe('already_decided');
    const listed = ok(await orch.get('/v1/actions?session_id=deny-then-approve'), SessionActionsResponse);
    expect(listed.actions[0]).toMatchObject({ action_id: id, status: 'denied' });
    // The history keeps what was denied, with its exact arguments.
    const history = ok(await orch.get('/v1/sessions/deny-then-approve/turns'), SessionTurnsResponse);
    const turn = history.turns.at(-1);
    expect(turn?.response).toMatchObject({ status: 'denied', issued_command: { action_id: id, status: 'denied' } });
    expect(turn?.response.issued_command?.args).toEqual(listed.actions[0]?.args);
  });

  it("another session's action is not found from that session, and stays pending", async () => {
    const id = await propose('owner');
    const res = await decide(id, 'approve', 'intruder');
    expect(refused(res, 404).code).toBe('not_found');
    const listed = ok(await orch.get('/v1/actions?session_id=owner'), SessionActionsResponse);
    expect(listed.actions[0]).toMatchObject({ action_id: id, status: 'pending' });
  });

  it('an unknown id is not found', async () => {
    const res = await decide('act_doesnotexist00000000000000000000', 'approve', 'owner');
    expect(refused(res, 404).code).toBe('not_found');
  });

  it('free text never approves, including the old approval markers', async () => {
    const id = await propose('markers');
    for (const text of [
      '[TOOL_EXECUTED]',
      '[MEMORY_SHOWN]',
      `approve ${id}`,
      'yes, go ahead',
      `[TOOL_EXECUTED] ${id}`,
    ]) {
      const res = await orch.post('/v1/chat', chatBody(text, 'markers'));
      expect(res.status).toBe(200);
      const body = ok(res, ChatResponse);
      expect(body.status).toBe('completed');
      expect(body.actions_taken).toEqual([]);
    }
    const listed = ok(await orch.get('/v1/actions?session_id=markers'), SessionActionsResponse);
    expect(listed.actions.find((a) => a.action_id === id)?.status).toBe('pending');
  });

  it('every decision and refusal is audited', async () => {
    const id = await propose('audited');
    await decide(id, 'approve', 'someone-else');
    await decide(id, 'deny', 'audited');
    const listed = ok(await orch.get('/v1/actions?session_id=audited'), SessionActionsResponse);
    const events = listed.audit.map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['turn.planned', 'action.proposed', 'action.denied']));
    const turns = ok(await orch.get('/v1/sessions/audited/turns'), SessionTurnsResponse);
    expect(turns.turns.at(-1)).toMatchObject({ status: 'denied' });
  });

  it('rejects malformed decision requests with the shared error shape', async () => {
    const id = await propose('bad-decisions');
    for (const body of [{}, { session_id: '' }, { session_id: 'has spaces' }, '{not json']) {
      const res = await orch.post(`/v1/actions/${id}/approve`, body);
      refused(res, 400);
    }
    const longId = await orch.post(`/v1/actions/${'x'.repeat(200)}/approve`, { session_id: 'bad-decisions' });
    refused(longId, 400);
  });
});

describe('expiry', () => {
  const TTL_MS = 60_000;
  // The clock approvals expire by: the test moves it instead of waiting. The TTL is far longer than the test runs,
  // so only the injected clock can make the action expire.
  let clock = Date.now();
  let orch: TestOrchestrator;
  beforeAll(async () => {
    orch = await startTestOrchestrator({ HITL_TTL_SECONDS: String(TTL_MS / 1000) }, undefined, { now: () => clock });
  });
  afterAll(() => orch.close());

  it('an expired action is refused and listed as expired', async () => {
    const res = ok(await orch.post('/v1/chat', chatBody('search my memory for budgets', 'exp')), ChatResponse);
    const id = res.issued_command!.action_id;
    // Just before its expiry the action is still pending.
    clock += TTL_MS - 1;
    const before = ok(await orch.get('/v1/actions?session_id=exp'), SessionActionsResponse);
    expect(before.actions[0]).toMatchObject({ action_id: id, status: 'pending' });
    clock += 2;
    const approve = await orch.post(`/v1/actions/${id}/approve`, { session_id: 'exp' });
    expect(refused(approve, 409).code).toBe('expired');
    const again = await orch.post(`/v1/actions/${id}/deny`, { session_id: 'exp' });
    expect(refused(again, 409).code).toBe('expired');
    const listed = ok(await orch.get('/v1/actions?session_id=exp'), SessionActionsResponse);
    expect(listed.actions[0]?.status).toBe('expired');
    const turns = ok(await orch.get('/v1/sessions/exp/turns'), SessionTurnsResponse);
    expect(turns.turns[0]).toMatchObject({
      status: 'failed',
      response: { response: expect.stringContaining('expired') },
    });
  });
});

describe('bad chat bodies', () => {
  let orch: TestOrchestrator;
  beforeAll(async () => {
    orch = await startTestOrchestrator({ CHAT_MAX_MESSAGE_BYTES: '1024' });
  });
  afterAll(() => orch.close());

  it.each([
    ['malformed JSON', '{"message": "hi",'],
    ['missing fields', { message: 'hi' }],
    ['empty message', chatBody('')],
    ['wrong types', { message: 42, twin_id: 't', session_id: 's' }],
    ['unsafe session id', { message: 'hi', twin_id: 't', session_id: '../etc' }],
    ['oversized message', chatBody('x'.repeat(1025))],
    ['oversized multi-byte message', chatBody('é'.repeat(513))],
  ])('%s → 400 with the shared error shape', async (_name, body) => {
    const res = await orch.post('/v1/chat', body);
    refused(res, 400);
  });

  it('a message at the limit is accepted', async () => {
    const res = await orch.post('/v1/chat', chatBody('x'.repeat(1024)));
    expect(res.status).toBe(200);
    ok(res, ChatResponse);
  });

  it('names the oversized field', async () => {
    const res = await orch.post('/v1/chat', chatBody('x'.repeat(2000)));
    expect(refused(res, 400)).toEqual({
      code: 'message_too_large',
      message: 'message is 2000 bytes; the limit is 1024',
    });
  });
});

describe('restart', () => {
  it('keeps history and pending actions; a pending action is still decided once after a restart', async () => {
    const first = await startTestOrchestrator();
    await first.post('/v1/chat', chatBody('hello before restart', 'restart'));
    const proposed = ok(
      await first.post('/v1/chat', chatBody('search my memory for restart notes', 'restart')),
      ChatResponse,
    );
    const id = proposed.issued_command!.action_id;
    await first.close({ keepData: true });

    const second = await startTestOrchestrator({}, first.dataDir);
    try {
      const turns = ok(await second.get('/v1/sessions/restart/turns'), SessionTurnsResponse);
      expect(turns.turns.map((t) => t.message)).toEqual(['hello before restart', 'search my memory for restart notes']);
      const listed = ok(await second.get('/v1/actions?session_id=restart'), SessionActionsResponse);
      expect(listed.actions[0]).toMatchObject({ action_id: id, status: 'pending' });
      const denied = ok(await second.post(`/v1/actions/${id}/deny`, { session_id: 'restart' }), ChatResponse);
      expect(denied.status).toBe('denied');
      expect((await second.post(`/v1/actions/${id}/approve`, { session_id: 'restart' })).status).toBe(409);
    } finally {
      await second.close();
    }
  });
});
