// A person's conversations behind /api/sessions: listed and searched, renamed and deleted by their owner only, with
// accounts on (each request carries the identity the gateway would sign). Also what the turns record for the chat:
// a yes typed while a card waits, the denial's wording, and the request kept beside the answer after a decision.
import { IDENTITY_HEADER, IdentitySigner } from '@pagi/auth';
import {
  ChatResponse,
  DeleteSessionResponse,
  RenameSessionResponse,
  SessionActionsResponse,
  SessionListResponse,
  SessionTurnsResponse,
} from '@pagi/contracts';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, chatBody, ok, refused, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

let orch: TestOrchestrator;
const signer = new IdentitySigner(TEST_SERVICE_TOKEN);

/** Calls the orchestrator as `user`, the way the gateway forwards a signed-in person's request. */
async function as(user: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const identity = signer.sign({ user_id: user, name: user, role: 'operator', via: 'session' });
  const headers: Record<string, string> = { [IDENTITY_HEADER]: identity };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(orch.url + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
const say = async (user: string, message: string, session: string) =>
  ok(await as(user, 'POST', '/v1/chat', chatBody(message, session)), ChatResponse);
const list = async (user: string, query = '') =>
  ok(await as(user, 'GET', `/api/sessions${query}`), SessionListResponse).sessions;

beforeAll(async () => {
  orch = await startTestOrchestrator({ AUTH_MODE: 'on' });
  await say('alice', 'Plans for the garden in spring', 'alice-garden');
  await say('alice', 'what about tomatoes 100% organic?', 'alice-garden');
  await say('alice', 'Notes on the quarterly budget', 'alice-budget');
  await say('bob', 'Bob talks about the garden too', 'bob-garden');
});
afterAll(async () => {
  await orch?.close();
});

describe('listing and searching conversations', () => {
  it('lists only the caller’s own conversations, titled by their first message', async () => {
    expect((await list('alice')).map((s) => [s.session_id, s.title, s.turns])).toEqual([
      ['alice-budget', 'Notes on the quarterly budget', 1],
      ['alice-garden', 'Plans for the garden in spring', 2],
    ]);
    expect((await list('bob')).map((s) => s.session_id)).toEqual(['bob-garden']);
  });

  it('finds conversations by message text and by answer text, with an excerpt of what matched', async () => {
    const found = await list('alice', '?q=TOMATOES');
    expect(found.map((s) => s.session_id)).toEqual(['alice-garden']);
    expect(found[0]!.match).toContain('what about tomatoes 100% organic?');
    // The offline planner's echo is in every answer: a match in the answers finds both.
    expect((await list('alice', `?q=${encodeURIComponent('offline planner')}`)).length).toBe(2);
    expect((await list('bob', '?q=tomatoes')).length).toBe(0);
  });

  it('matches the query literally: % and _ are not wildcards', async () => {
    expect((await list('alice', `?q=${encodeURIComponent('100%')}`)).map((s) => s.session_id)).toEqual([
      'alice-garden',
    ]);
    expect(await list('alice', `?q=${encodeURIComponent('%')}`)).toHaveLength(1);
    expect(await list('alice', '?q=_')).toHaveLength(0);
  });

  it('refuses a query that is too long', async () => {
    refused(await as('alice', 'GET', `/api/sessions?q=${'x'.repeat(201)}`), 400);
  });

  it('counts the actions waiting in each conversation until they are decided', async () => {
    const asked = await say('alice', 'run echo waiting', 'alice-waiting');
    const waiting = (await list('alice')).map((s) => [s.session_id, s.pending_actions]);
    expect(waiting).toEqual([
      ['alice-waiting', 1],
      ['alice-budget', 0],
      ['alice-garden', 0],
    ]);
    const actionId = asked.issued_command!.action_id;
    ok(await as('alice', 'POST', `/v1/actions/${actionId}/deny`, { session_id: 'alice-waiting' }), ChatResponse);
    expect((await list('alice')).find((s) => s.session_id === 'alice-waiting')?.pending_actions).toBe(0);
  });

  it('folds case beyond ASCII: Ärger, ärger and ÄRGER find the same conversation', async () => {
    await say('alice', 'Ärger mit dem Vermieter über die Heizung', 'alice-umlaut');
    for (const q of ['ärger', 'ÄRGER', 'Ärger', 'HEIZUNG']) {
      const found = await list('alice', `?q=${encodeURIComponent(q)}`);
      expect(
        found.map((s) => s.session_id),
        q,
      ).toEqual(['alice-umlaut']);
      expect(found[0]!.match, q).toContain('Ärger mit dem Vermieter');
    }
  });
});

describe('renaming a conversation', () => {
  it('gives it the new title, which the list and the search use', async () => {
    const renamed = ok(
      await as('alice', 'PATCH', '/api/sessions/alice-budget', { title: '  Budget 2026  ' }),
      RenameSessionResponse,
    );
    expect(renamed).toEqual({ session_id: 'alice-budget', title: 'Budget 2026' });
    expect((await list('alice')).find((s) => s.session_id === 'alice-budget')?.title).toBe('Budget 2026');
    const byTitle = await list('alice', '?q=2026');
    expect(byTitle.map((s) => s.session_id)).toEqual(['alice-budget']);
    expect(byTitle[0]!.match).toBeUndefined();
  });

  it('is the owner’s alone: for anyone else the conversation does not exist', async () => {
    expect(refused(await as('bob', 'PATCH', '/api/sessions/alice-garden', { title: 'mine now' }), 404).code).toBe(
      'not_found',
    );
    expect(refused(await as('alice', 'PATCH', '/api/sessions/nobody-has-this', { title: 'x' }), 404).code).toBe(
      'not_found',
    );
    expect((await list('alice')).find((s) => s.session_id === 'alice-garden')?.title).toBe(
      'Plans for the garden in spring',
    );
  });

  it('refuses an empty or over-long title and a malformed session id', async () => {
    refused(await as('alice', 'PATCH', '/api/sessions/alice-garden', { title: '   ' }), 400);
    refused(await as('alice', 'PATCH', '/api/sessions/alice-garden', { title: 'x'.repeat(121) }), 400);
    refused(await as('alice', 'PATCH', '/api/sessions/alice-garden', {}), 400);
    refused(await as('alice', 'PATCH', `/api/sessions/${encodeURIComponent('bad id!')}`, { title: 'x' }), 400);
  });
});

describe('deleting a conversation', () => {
  it('removes its turns and its actions, so a waiting card can no longer be approved', async () => {
    const asked = await say('alice', 'search my memory for compost', 'alice-doomed');
    const actionId = asked.issued_command!.action_id;
    await say('alice', 'hello again', 'alice-doomed');

    expect(refused(await as('bob', 'DELETE', '/api/sessions/alice-doomed'), 404).code).toBe('not_found');
    const gone = ok(await as('alice', 'DELETE', '/api/sessions/alice-doomed'), DeleteSessionResponse);
    expect(gone).toEqual({ session_id: 'alice-doomed', deleted: { turns: 2, actions: 1 } });

    expect(ok(await as('alice', 'GET', '/v1/sessions/alice-doomed/turns'), SessionTurnsResponse).turns).toEqual([]);
    expect((await list('alice')).map((s) => s.session_id)).not.toContain('alice-doomed');
    const approve = await as('alice', 'POST', `/v1/actions/${actionId}/approve`, { session_id: 'alice-doomed' });
    expect(refused(approve, 404).code).toBe('not_found');
    refused(await as('alice', 'DELETE', '/api/sessions/alice-doomed'), 404);
  });

  it('leaves everyone else’s conversations alone', async () => {
    expect((await list('bob')).map((s) => s.session_id)).toEqual(['bob-garden']);
    expect((await list('alice')).map((s) => s.session_id)).toContain('alice-garden');
  });
});

describe('what a turn records around an approval card', () => {
  it('answers a yes typed while a card waits by pointing to the card, and plans it normally otherwise', async () => {
    const asked = await say('alice', 'run echo hi', 'alice-yes');
    for (const word of ['yes', 'Approve!', 'no']) {
      const reply = await say('alice', word, 'alice-yes');
      expect(reply.status).toBe('completed');
      expect(reply.response).toMatch(/use \*\*Approve\*\* or \*\*Deny\*\* on its card/);
      expect(reply.issued_command).toBeUndefined();
    }
    const pending = ok(await as('alice', 'GET', '/v1/actions?session_id=alice-yes'), SessionActionsResponse);
    expect(pending.actions.find((a) => a.action_id === asked.issued_command!.action_id)?.status).toBe('pending');
    // In a session with nothing waiting, "yes" is just a message.
    expect((await say('alice', 'yes', 'alice-nothing-waiting')).response).toMatch(/^You said: "yes"/);
  });

  it('says what it did not run, in code style, and keeps the request beside the answer', async () => {
    const asked = await say('alice', 'run ls -la /', 'alice-deny');
    const denied = ok(
      await as('alice', 'POST', `/v1/actions/${asked.issued_command!.action_id}/deny`, { session_id: 'alice-deny' }),
      ChatResponse,
    );
    expect(denied.response).toBe('I did not run `ls -la /`.');
    expect(denied.intro).toBe(asked.response);
    const [turn] = ok(await as('alice', 'GET', '/v1/sessions/alice-deny/turns'), SessionTurnsResponse).turns;
    expect(turn!.response).toMatchObject({ status: 'denied', intro: asked.response, response: denied.response });
    expect(turn!.response.intro).toMatch(/^I'd like to run `ls -la \/`/);
  });
});
