import { ServerFrame } from '@pagi/contracts';
import { FrameClient, ofType } from '@pagi/tests/helpers/ws-client.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractOrchestrator, startContractOrchestrator } from './helpers/contract-orchestrator.ts';
import { type RunningGateway, startGateway } from './helpers/servers.ts';

let orchestrator: ContractOrchestrator;
let gateway: RunningGateway;

const chat = (message: string, session_id = 'sess-1') => ({
  type: 'chat',
  message,
  session_id,
  twin_id: 'twin-1',
});

beforeAll(async () => {
  orchestrator = await startContractOrchestrator();
  gateway = await startGateway({
    ORCHESTRATOR_URL: orchestrator.url,
    WS_MAX_FRAME_BYTES: '65536',
    WS_RATE_LIMIT_PER_SEC: '5',
    WS_RATE_LIMIT_BURST: '10',
    CORS_ORIGIN: 'http://localhost:3000',
  });
});

afterAll(async () => {
  await gateway?.close();
  await orchestrator?.close();
});

describe('WS /ws/chat/:user_id frames', () => {
  it('answers bad JSON, unknown and malformed frames with an error frame and keeps the socket open', async () => {
    const c = await FrameClient.open(gateway.ws('/ws/chat/alice'));
    c.send('{not json');
    c.send({ type: 'launch_missiles' });
    c.send({ type: 'chat', message: '', session_id: 'bad id with spaces', twin_id: 't' });
    c.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    c.send({ type: 'ping', ts: 42 });
    const pong = await c.next(ofType('pong'));
    expect(pong).toEqual({ type: 'pong', ts: 42 });
    const errors = c.frames.filter((f) => f.type === 'error');
    expect(errors.map((e) => e.code)).toEqual(['bad_json', 'unknown_frame', 'invalid_frame', 'unsupported_frame']);
    expect(errors[2]!.message).toMatch(/session_id/);
    for (const f of c.frames) expect(ServerFrame.safeParse(f).success).toBe(true);
    expect(c.socket.readyState).toBe(c.socket.OPEN);
    await c.close();
  });

  it('closes with 1009 when a frame is larger than WS_MAX_FRAME_BYTES', async () => {
    const c = await FrameClient.open(gateway.ws('/ws/chat/alice'));
    c.send(chat('x'.repeat(70_000)));
    expect((await c.waitClosed()).code).toBe(1009);
    // The client's doing, not the gateway's: nothing is logged as an error.
    expect(gateway.logs().filter((l) => l.level >= 50)).toEqual([]);
    // A frame just under the cap is handled normally on a new socket.
    const d = await FrameClient.open(gateway.ws('/ws/chat/alice'));
    d.send({ type: 'ping', ts: 1, pad: 'y'.repeat(60_000) });
    expect(await d.next(ofType('pong'))).toEqual({ type: 'pong', ts: 1 });
    await d.close();
  });

  it('rate-limits each connection with an error frame, without closing it', async () => {
    const c = await FrameClient.open(gateway.ws('/ws/chat/alice'));
    for (let i = 0; i < 30; i++) c.send({ type: 'ping', ts: i });
    // Every frame gets exactly one answer: the burst of 10 is served, the rest refused.
    await c.until(() => c.frames.length === 30);
    expect(c.frames.filter((f) => f.type === 'pong')).toHaveLength(10);
    expect(c.frames.filter((f) => f.code === 'rate_limited')).toHaveLength(20);
    // Another connection has its own budget.
    const other = await FrameClient.open(gateway.ws('/ws/chat/alice'));
    other.send({ type: 'ping', ts: 7 });
    await other.next(ofType('pong'));
    await Promise.all([c.close(), other.close()]);
  });

  it('refuses sockets beyond WS_MAX_CONNECTIONS with close code 1013', async () => {
    const small = await startGateway({ ORCHESTRATOR_URL: orchestrator.url, WS_MAX_CONNECTIONS: '2' });
    try {
      const a = await FrameClient.open(small.ws('/ws/chat/a'));
      const b = await FrameClient.open(small.ws('/ws/signaling/room'));
      const c = new FrameClient(small.ws('/ws/chat/c'));
      expect((await c.waitClosed()).code).toBe(1013);
      await a.close();
      // The freed place can be taken as soon as the gateway has seen the close (until then: 1013 again).
      let d = await FrameClient.open(small.ws('/ws/chat/d'));
      for (let tries = 0; ; tries++) {
        d.send({ type: 'ping', ts: 3 });
        await d.until(() => d.closed !== undefined || d.frames.some(ofType('pong'))).catch(() => undefined);
        if (!d.closed) break;
        expect(d.closed.code).toBe(1013);
        expect(tries).toBeLessThan(50);
        d = await FrameClient.open(small.ws('/ws/chat/d'));
      }
      expect(d.frames.some(ofType('pong'))).toBe(true);
      await Promise.all([b.close(), d.close()]);
    } finally {
      await small.close();
    }
  });

  it('refuses WebSocket upgrades from origins outside CORS_ORIGIN', async () => {
    const evil = new FrameClient(gateway.ws('/ws/chat/alice'), { origin: 'https://evil.example' });
    const status = await new Promise<number>((resolve) => {
      evil.socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(403);
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:41234']) {
      const ui = await FrameClient.open(gateway.ws('/ws/chat/alice'), { origin });
      ui.send({ type: 'ping', ts: 8 });
      await ui.next(ofType('pong'));
      await ui.close();
    }
  });

  it('refuses an invalid user id with close code 1008', async () => {
    const c = new FrameClient(gateway.ws('/ws/chat/..%2F..%2Fetc'));
    expect((await c.waitClosed()).code).toBe(1008);
  });

  it('terminates sockets that stop answering pings, keeps those that answer', async () => {
    const beating = await startGateway({ ORCHESTRATOR_URL: orchestrator.url, WS_HEARTBEAT_MS: '300' });
    try {
      const dead = await FrameClient.open(beating.ws('/ws/chat/alice'), { autoPong: false });
      const live = await FrameClient.open(beating.ws('/ws/chat/alice'));
      const closed = await dead.waitClosed(3000);
      expect(closed.code).toBe(1006);
      // Two more heartbeats answered: the live socket is kept.
      const seen = live.pings;
      await live.until(() => live.pings >= seen + 2);
      expect(live.socket.readyState).toBe(live.socket.OPEN);
      await live.close();
    } finally {
      await beating.close();
    }
  });
});

describe('chat turns through the orchestrator contract', () => {
  it('streams status, tokens and the final response of a turn', async () => {
    const c = await FrameClient.open(gateway.ws('/ws/chat/alice'));
    c.send(chat('hello there'));
    const done = await c.next((f) => f.type === 'response' && f.done === true);
    expect(done).toMatchObject({ session_id: 'sess-1', message: 'You said: hello there', status: 'completed' });
    const tokens = c.frames.filter((f) => f.type === 'response' && !f.done).map((f) => f.token);
    expect(tokens.join('')).toBe('You said: hello there');
    expect(c.frames[0]).toMatchObject({ type: 'status', stage: 'planning' });
    const sent = orchestrator.requests.findLast((r) => r.path === '/v1/chat');
    expect(sent?.body).toEqual({ message: 'hello there', session_id: 'sess-1', twin_id: 'twin-1' });
    expect(sent?.headers.accept).toBe('text/event-stream');
    await c.close();
  });

  it('relays an approval request, then the approval, action result and answer', async () => {
    const c = await FrameClient.open(gateway.ws('/ws/chat/alice'));
    c.send(chat('needs approval', 'sess-appr'));
    const req = await c.next<{ action: { action_id: string; args: unknown } }>(ofType('approval_required'));
    expect(req.action.args).toEqual({ tool_name: 'echo', args: ['hi'], reason: 'requested in the chat' });
    await c.next((f) => f.type === 'response' && f.done === true && f.status === 'awaiting_approval');
    c.send({ type: 'approval', action_id: req.action.action_id, decision: 'approve', session_id: 'sess-appr' });
    const result = await c.next<{ result: { output: string } }>(ofType('action_result'));
    expect(result.result.output).toBe('hi\n');
    await c.next((f) => f.type === 'response' && f.done === true && f.message === 'The tool printed hi.');
    // Approving again: the orchestrator's refusal arrives as an error frame naming the action.
    c.send({ type: 'approval', action_id: req.action.action_id, decision: 'approve', session_id: 'sess-appr' });
    const refused = await c.next((f) => f.type === 'error' && f.code === 'already_decided');
    expect(refused.action_id).toBe(req.action.action_id);
    await c.close();
  });

  it('reports orchestrator errors and streams cut short as error frames', async () => {
    const c = await FrameClient.open(gateway.ws('/ws/chat/alice'));
    c.send(chat('fail upstream'));
    expect(await c.next(ofType('error'))).toMatchObject({ code: 'internal', message: 'planner crashed' });
    c.send(chat('cut off'));
    await c.next((f) => f.type === 'error' && f.code === 'upstream_incomplete');
    expect(c.socket.readyState).toBe(c.socket.OPEN);
    await c.close();
  });

  it('finishes a turn whose socket went away and hands the result to the next socket of the session', async () => {
    const first = await FrameClient.open(gateway.ws('/ws/chat/bob'));
    first.send(chat('slow one two three four', 'sess-away'));
    await first.next((f) => f.type === 'response' && f.done === false);
    await first.close();
    // The turn keeps running upstream after the browser left.
    expect(orchestrator.openStreams()).toBeGreaterThan(0);
    await orchestrator.streamsIdle();

    // Another user never sees bob's result, even for the same session id.
    const mallory = await FrameClient.open(gateway.ws('/ws/chat/mallory'));
    mallory.send({ type: 'resume', session_id: 'sess-away' });
    await mallory.next(ofType('history'));
    expect(mallory.frames.some((f) => f.type === 'response')).toBe(false);
    await mallory.close();

    const again = await FrameClient.open(gateway.ws('/ws/chat/bob'));
    again.send({ type: 'resume', session_id: 'sess-away' });
    const kept = await again.next((f) => f.type === 'response' && f.done === true);
    expect(kept.message).toBe('You said: slow one two three four');
    const history = await again.next<{ turns: { message: string }[]; in_flight: boolean }>(ofType('history'));
    expect(history.turns.map((t) => t.message)).toContain('slow one two three four');
    expect(history.in_flight).toBe(false);
    // Kept results are handed over once: a second resume brings a second history and no second answer.
    again.send({ type: 'resume', session_id: 'sess-away' });
    await again.until(() => again.frames.filter(ofType('history')).length === 2);
    expect(again.frames.filter((f) => f.type === 'response' && f.done === true)).toHaveLength(1);
    await again.close();
  });

  it('delivers kept results automatically when the session is next used, and live frames to a rejoining socket', async () => {
    const first = await FrameClient.open(gateway.ws('/ws/chat/carol'));
    first.send(chat('slow alpha beta gamma delta epsilon', 'sess-auto'));
    await first.next((f) => f.type === 'status');
    await first.close();
    // Rejoin while the turn is still running: the rest of it streams live to the new socket.
    const second = await FrameClient.open(gateway.ws('/ws/chat/carol'));
    second.send({ type: 'ping' });
    second.send(chat('hello', 'sess-auto'));
    const finals = () => second.frames.filter((f) => f.type === 'response' && f.done === true);
    await second.until(() => finals().length >= 2);
    expect(
      finals()
        .map((f) => f.message)
        .sort(),
    ).toEqual(['You said: hello', 'You said: slow alpha beta gamma delta epsilon']);
    await second.close();
  });

  it('ends a turn whose orchestrator stream goes silent with upstream_timeout', async () => {
    const impatient = await startGateway({ ORCHESTRATOR_URL: orchestrator.url, UPSTREAM_TIMEOUT_MS: '300' });
    try {
      const c = await FrameClient.open(impatient.ws('/ws/chat/alice'));
      c.send(chat('stall'));
      await c.next(ofType('status'));
      const started = Date.now();
      expect(await c.next(ofType('error'))).toMatchObject({ code: 'upstream_timeout' });
      expect(Date.now() - started).toBeLessThan(2000);
      await c.close();
    } finally {
      await impatient.close();
    }
  });

  it('gives an error frame, not a dead socket, when the orchestrator is down', async () => {
    const down = await startGateway({ ORCHESTRATOR_URL: 'http://127.0.0.1:9', UPSTREAM_TIMEOUT_MS: '2000' });
    try {
      const c = await FrameClient.open(down.ws('/ws/chat/alice'));
      c.send(chat('hello'));
      const err = await c.next(ofType('error'));
      expect(err.code).toBe('upstream_unavailable');
      expect(err.message).toMatch(/orchestrator is unavailable/);
      c.send({ type: 'ping', ts: 5 });
      await c.next(ofType('pong'));
      await c.close();
    } finally {
      await down.close();
    }
  });

  it('holds 200 concurrent sockets, each completing a turn', async () => {
    const clients = await Promise.all(
      Array.from({ length: 200 }, (_, i) => FrameClient.open(gateway.ws(`/ws/chat/user-${i}`))),
    );
    clients.forEach((c, i) => {
      c.send(chat(`message ${i}`, `sess-many-${i}`));
    });
    const finals = await Promise.all(
      clients.map((c) => c.next((f) => f.type === 'response' && f.done === true, 20_000)),
    );
    finals.forEach((f, i) => {
      expect(clients[i]!.closed).toBeUndefined();
      expect(f).toMatchObject({ session_id: `sess-many-${i}`, message: `You said: message ${i}` });
    });
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/gateway_ws_connections\{[^}]*kind="chat"[^}]*\} 2\d\d/);
    await Promise.all(clients.map((c) => c.close()));
  }, 30_000);
});
