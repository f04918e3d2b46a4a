// The browser's path through the real stack: gateway WebSocket → orchestrator (mock planner) → memory/tools,
// the telemetry stream and media through the gateway, and the services health view.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MediaUploadResponse, ServerFrame, ServicesHealthResponse, TelemetrySample } from '@pagi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';
import { type Frame, isFinalResponse, WsClient } from '../helpers/ws-client.ts';

let stack: Stack;
let gw: string;

const finalOf = isFinalResponse;
const Client = { open: (path: string) => WsClient.open(gw, path) };

beforeAll(async () => {
  stack = await startStack({
    services: ['memory', 'tools', 'orchestrator', 'telemetry', 'gateway'],
    serviceEnv: { telemetry: { TELEMETRY_INTERVAL_MS: '200' } },
  });
  gw = stack.url('gateway');
}, 120_000);

afterAll(async () => stack?.close());

describe('gateway in the real stack', () => {
  it('answers its health check and reports every service', async () => {
    expect(await (await fetch(`${gw}/api/health`)).text()).toBe('{"service":"gateway","status":"ok"}');
    const health = ServicesHealthResponse.parse(await (await fetch(`${gw}/api/health/services`)).json());
    const status = Object.fromEntries(health.services.map((s) => [s.name, s.status]));
    expect(status).toEqual({
      gateway: 'ok',
      orchestrator: 'ok',
      telemetry: 'ok',
      memory: 'ok',
      tools: 'ok',
      build: 'down',
    });
  });

  it('runs a chat turn with an approval end to end over the WebSocket', async () => {
    const c = await Client.open('/ws/chat/alice');
    c.send({ type: 'chat', message: 'hello twin', session_id: 'sys-s1', twin_id: 'twin-a' });
    const hello = await c.next(finalOf);
    expect(hello).toMatchObject({ session_id: 'sys-s1', status: 'completed' });
    expect(String(hello.message)).toMatch(/Hello/);
    const streamed = c.frames.filter((f) => f.type === 'response' && !f.done).map((f) => f.token);
    expect(streamed.join('')).toBe(hello.message);

    c.send({ type: 'chat', message: 'search my memory for gateway latency', session_id: 'sys-s1', twin_id: 'twin-a' });
    const ask = (await c.next((f) => f.type === 'approval_required')) as Frame & {
      action: { action_id: string; kind: string; args: { query: string } };
    };
    expect(ask.action.kind).toBe('query_memory');
    expect(ask.action.args.query).toBe('gateway latency');
    await c.next((f) => finalOf(f) && f.status === 'awaiting_approval');

    c.send({ type: 'approval', action_id: ask.action.action_id, decision: 'approve', session_id: 'sys-s1' });
    const result = (await c.next((f) => f.type === 'action_result')) as Frame & { result: { kind: string } };
    expect(result.result.kind).toBe('query_memory');
    const answer = await c.next((f) => finalOf(f) && f.status === 'completed' && f.job_id === ask.job_id);
    expect(answer.actions_taken).toEqual(expect.arrayContaining([expect.stringMatching(/query_memory/)]));

    // The decision is spent: a second approval is refused by the orchestrator, relayed as an error frame.
    c.send({ type: 'approval', action_id: ask.action.action_id, decision: 'approve', session_id: 'sys-s1' });
    const again = await c.next((f) => f.type === 'error');
    expect(again.action_id).toBe(ask.action.action_id);
    expect(again.code).toBe('already_decided');
    for (const f of c.frames) expect(ServerFrame.safeParse(f).success).toBe(true);
    await c.close();
  });

  it('denies a tool run from another connection of the same session', async () => {
    const c = await Client.open('/ws/chat/alice');
    c.send({ type: 'chat', message: 'run echo hi', session_id: 'sys-s2', twin_id: 'twin-a' });
    const ask = (await c.next((f) => f.type === 'approval_required')) as Frame & {
      action: { action_id: string; args: { tool_name: string } };
    };
    expect(ask.action.args.tool_name).toBe('echo');
    await c.close();
    const d = await Client.open('/ws/chat/alice');
    d.send({ type: 'approval', action_id: ask.action.action_id, decision: 'deny', session_id: 'sys-s2' });
    expect(await d.next(finalOf)).toMatchObject({ status: 'denied', session_id: 'sys-s2' });
    await d.close();
  });

  it('keeps the result of a turn whose browser disconnected and gives it to the next connection', async () => {
    const c = await Client.open('/ws/chat/bob');
    c.send({ type: 'chat', message: 'hello after a drop', session_id: 'sys-drop', twin_id: 'twin-b' });
    await c.close();
    const back = await Client.open('/ws/chat/bob');
    back.send({ type: 'resume', session_id: 'sys-drop' });
    const kept = await back.next(finalOf);
    expect(kept).toMatchObject({ session_id: 'sys-drop', status: 'completed' });
    const history = (await back.next((f) => f.type === 'history')) as Frame & { turns: { message: string }[] };
    expect(history.turns.map((t) => t.message)).toContain('hello after a drop');
    await back.close();
  });

  it('streams telemetry and stores media through the gateway', async () => {
    const controller = new AbortController();
    const res = await fetch(`${gw}/v1/telemetry/stream`, { signal: controller.signal });
    const reader = res.body!.getReader();
    let text = '';
    while (!/data: .*\n\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    TelemetrySample.parse(JSON.parse(/data: (.*)\n\n/.exec(text)![1]!));

    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(4096).fill(7)], { type: 'audio/webm' }), '../../etc/passwd');
    const up = await fetch(`${gw}/api/media/upload`, { method: 'POST', body: fd });
    expect(up.status).toBe(200);
    const { id, filename } = MediaUploadResponse.parse(await up.json());
    // Stored under the data folder; the answer names it, without revealing where it is kept.
    expect(existsSync(path.join(stack.dataDir, 'media', filename))).toBe(true);
    const part = await fetch(`${gw}/api/media/${id}`, { headers: { range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
  });
});
