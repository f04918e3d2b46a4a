// One rule per kind of identifier, checked at the edge: what the chat refuses is refused before any approval card
// is shown, and what it accepts is accepted by every service behind it (no refusal after a person approved).
import { ServerFrame } from '@pagi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';
import { type Frame, isFinalResponse, WsClient } from '../helpers/ws-client.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ services: ['memory', 'tools', 'orchestrator', 'gateway'] });
}, 120_000);
afterAll(async () => stack?.close());

const turnsOf = async (session: string) =>
  ((await (await fetch(`${stack.url('orchestrator')}/v1/sessions/${session}/turns`)).json()) as { turns: unknown[] })
    .turns;

describe('identifiers at the edge', () => {
  it('refuses a namespace the memory service could not store before planning, with no approval card', async () => {
    const c = await WsClient.open(stack.url('gateway'), '/ws/chat/ids-user');
    c.send({
      type: 'chat',
      message: 'search my memory for the launch plan',
      session_id: 'ids-s1',
      twin_id: 'twin-a',
      namespace: 'team.notes',
    });
    const err = await c.next((f) => f.type === 'error');
    expect(err).toMatchObject({ code: 'invalid_frame', message: expect.stringContaining('namespace') });
    c.send({ type: 'ping', ts: 1 });
    await c.next((f) => f.type === 'pong');
    expect(c.frames.some((f) => f.type === 'approval_required' || f.type === 'status')).toBe(false);
    expect(await turnsOf('ids-s1')).toEqual([]);
    await c.close();
  });

  it('refuses a twin id the tools service could not take, on the HTTP edge too', async () => {
    const res = await fetch(`${stack.url('orchestrator')}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'run echo hi', session_id: 'ids-s2', twin_id: 'twin:1' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_request', message: expect.stringContaining('twin_id') },
    });
    expect(await turnsOf('ids-s2')).toEqual([]);
  });

  it('runs what the edge accepted: an unusual namespace and twin id pass the memory and tools services', async () => {
    const c = await WsClient.open(stack.url('gateway'), '/ws/chat/ids-user');
    const approveNext = async (session: string) => {
      const ask = (await c.next((f) => f.type === 'approval_required' && f.session_id === session)) as Frame & {
        action: { action_id: string };
      };
      c.send({ type: 'approval', action_id: ask.action.action_id, decision: 'approve', session_id: session });
      return c.next((f) => isFinalResponse(f) && f.session_id === session && f.status !== 'awaiting_approval');
    };

    c.send({
      type: 'chat',
      message: 'search my memory for the launch plan',
      session_id: 'ids-s3',
      twin_id: 'twin.one@home',
      namespace: 'team_notes-2',
    });
    expect(await approveNext('ids-s3')).toMatchObject({ status: 'completed', actions_taken: ['query_memory'] });

    c.send({ type: 'chat', message: 'run echo hi', session_id: 'ids-s4', twin_id: 'twin.one@home' });
    const ran = await approveNext('ids-s4');
    expect(ran).toMatchObject({ status: 'completed', actions_taken: ['execute_tool:echo'] });
    for (const f of c.frames) expect(ServerFrame.safeParse(f).success).toBe(true);
    await c.close();
  });
});
