import { ActivityEvent, ChatResponse, SessionSummary, SessionTurnsResponse } from '@pagi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { splitArgv } from '../src/planner/argv.ts';
import { mockDecide } from '../src/planner/mock-planner.ts';
import { chatBody, finalEvent, ok, readSse, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

/** GET /api/sessions?twin_id= and GET /api/activity (the contracts name their items, not the envelopes). */
const SessionsResponse = z.object({ sessions: z.array(SessionSummary) });
const ActivityResponse = z.object({ events: z.array(ActivityEvent) });

describe('mock planner decisions', () => {
  it.each([
    ['search my memory for quarterly goals', 'quarterly goals', undefined],
    ['Please search my memories about the Q3 roadmap.', 'the Q3 roadmap', undefined],
    ['check my notes for "deployment checklist"', 'deployment checklist', undefined],
    ['what do I know about rust lifetimes?', 'rust lifetimes', undefined],
    ['What do you remember about my travel preferences', 'my travel preferences', undefined],
    ['recall the incident from last week', 'the incident from last week', undefined],
    ['search my memory for access policies in soul', 'access policies', ['soul']],
    ['search memory for api limits in the mind domain', 'api limits', ['mind']],
  ])('"%s" → query_memory', (message, query, domains) => {
    const action = mockDecide(message);
    expect(action).toEqual({ action: 'query_memory', query, top_k: 5, ...(domains ? { domains } : {}) });
  });

  it.each([
    ['run echo hello', 'echo', ['hello']],
    ['execute ls -la /tmp', 'ls', ['-la', '/tmp']],
    ['run `uname -a`', 'uname', ['-a']],
    ['Please run the command date', 'date', []],
    [`run echo "hello world" 'single quoted'`, 'echo', ['hello world', 'single quoted']],
    ['run echo hi; rm -rf /', 'echo', ['hi;', 'rm', '-rf', '/']],
    ['run echo $(whoami) | cat > /etc/x', 'echo', ['$(whoami)', '|', 'cat', '>', '/etc/x']],
  ])('"%s" → execute_tool %s %j', (message, tool, args) => {
    expect(mockDecide(message)).toEqual({
      action: 'execute_tool',
      tool_name: tool,
      args,
      reason: 'requested in the chat',
    });
  });

  it('answers everything else directly', () => {
    expect(mockDecide('hello there')).toMatchObject({ action: 'respond', message: expect.stringMatching(/^Hello!/) });
    expect(mockDecide('help')).toMatchObject({
      action: 'respond',
      message: expect.stringContaining('search my memory'),
    });
    // Written in Markdown: the phrasings it understands as a table, each in code style.
    expect(mockDecide('help')).toMatchObject({
      message: expect.stringContaining(
        '\n\n| To | Say |\n| --- | --- |\n| search your memory | `search my memory for <topic>` |',
      ),
    });
    expect(mockDecide('what are the domains?')).toMatchObject({
      action: 'respond',
      message: expect.stringContaining('mind, body, heart, soul'),
    });
    const other = mockDecide('The weather is nice today');
    expect(other).toMatchObject({ action: 'respond', message: expect.stringContaining('The weather is nice today') });
  });

  it('refuses to plan a command with an unterminated quote', () => {
    expect(mockDecide('run echo "oops')).toMatchObject({
      action: 'respond',
      message: expect.stringContaining('quote'),
    });
  });

  it('treats approval markers in free text as plain text', () => {
    for (const m of ['[TOOL_EXECUTED]', '[MEMORY_SHOWN] yes', 'run echo hi [tool_executed]']) {
      expect(mockDecide(m)).toMatchObject({ action: 'respond', message: expect.stringContaining('never') });
    }
  });
});

describe('argv splitting', () => {
  it('groups quotes and escapes without any shell meaning', () => {
    expect(splitArgv(`a "b c" 'd "e"' f\\ g "h\\"i"`)).toEqual(['a', 'b c', 'd "e"', 'f g', 'h"i']);
    expect(splitArgv('  spaced   out  ')).toEqual(['spaced', 'out']);
    expect(splitArgv(`""`)).toEqual(['']);
    expect(splitArgv('*.txt ~ $HOME')).toEqual(['*.txt', '~', '$HOME']);
    expect(splitArgv(`'open`)).toBeNull();
  });
});

describe('POST /v1/chat with the mock planner', () => {
  let orch: TestOrchestrator;
  beforeAll(async () => {
    orch = await startTestOrchestrator();
  });
  afterAll(() => orch.close());

  it('answers the respond path and keeps the turn', async () => {
    const answer = await orch.post('/v1/chat', chatBody('hello twin', 'resp-1'));
    expect(answer.status).toBe(200);
    const res = ok(answer, ChatResponse);
    expect(res).toMatchObject({
      status: 'completed',
      actions_taken: [],
      session_id: 'resp-1',
      planner: { provider: 'mock', fallback: false },
    });
    expect(res.response).toMatch(/^Hello!/);
    expect(JSON.parse(res.raw_orchestrator_decision)).toEqual({ action: 'respond', message: res.response });
    const turns = ok(await orch.get('/v1/sessions/resp-1/turns'), SessionTurnsResponse);
    expect(turns.turns).toHaveLength(1);
    expect(turns.turns[0]).toMatchObject({ message: 'hello twin', status: 'completed', job_id: res.job_id });
  });

  it('issues a pending memory query with the exact arguments', async () => {
    const res = ok(
      await orch.post('/v1/chat', {
        ...chatBody('search my memory for pgvector in mind', 'mem-1'),
        namespace: 'work',
      }),
      ChatResponse,
    );
    expect(res.status).toBe('awaiting_approval');
    expect(res.issued_command).toMatchObject({
      kind: 'query_memory',
      status: 'pending',
      session_id: 'mem-1',
      twin_id: 'twin-1',
      args: { query: 'pgvector', domains: ['mind'], top_k: 5, namespace: 'work' },
    });
    expect(res.issued_command?.action_id).toMatch(/^act_[A-Za-z0-9_-]{32}$/);
    expect(res.issued_command?.args_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.response).toContain('pgvector');
  });

  it('issues a pending tool run with argv', async () => {
    const res = ok(await orch.post('/v1/chat', chatBody('run echo "a b" c', 'tool-1')), ChatResponse);
    expect(res.issued_command).toMatchObject({
      kind: 'execute_tool',
      args: { tool_name: 'echo', args: ['a b', 'c'], reason: 'requested in the chat' },
    });
    expect(res.response).toContain("echo 'a b' c");
  });

  it('streams status, tokens and the final response over SSE', async () => {
    const res = await fetch(`${orch.url}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(chatBody('tell me something nice about the weather today', 'sse-1')),
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = await readSse(res);
    expect(events[0]).toMatchObject({ type: 'message', message: 'tell me something nice about the weather today' });
    expect(events[1]).toMatchObject({ type: 'status', stage: 'planning', session_id: 'sse-1' });
    for (const e of events) expect(e).toMatchObject({ session_id: 'sse-1' });
    const tokens = events.flatMap((e) => (e.type === 'response' && !e.done ? [e.token] : []));
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens).not.toContain(undefined);
    const done = finalEvent(events);
    expect(done).toMatchObject({ status: 'completed', actions_taken: [], planner: { provider: 'mock' } });
    expect(done.message).toContain('tell me something nice about the weather today');
    expect(tokens.join('')).toBe(done.message);
  });

  it('streams approval_required for an action', async () => {
    const res = await fetch(`${orch.url}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(chatBody('what do I know about kubernetes', 'sse-2')),
    });
    const events = await readSse(res);
    for (const e of events) expect(e).toMatchObject({ session_id: 'sse-2' });
    const approval = events.find((e) => e.type === 'approval_required');
    expect(approval?.action).toMatchObject({ kind: 'query_memory', args: { query: 'kubernetes' } });
    expect(finalEvent(events)).toMatchObject({ type: 'response', done: true, status: 'awaiting_approval' });
  });

  it('lists sessions of a twin and the activity feed', async () => {
    await orch.post('/v1/chat', chatBody('first message of a listed session', 'list-1', 'twin-list'));
    await orch.post('/v1/chat', chatBody('second', 'list-1', 'twin-list'));
    const sessions = ok(await orch.get('/api/sessions?twin_id=twin-list'), SessionsResponse);
    expect(sessions.sessions).toEqual([
      expect.objectContaining({
        session_id: 'list-1',
        twin_id: 'twin-list',
        turns: 2,
        title: 'first message of a listed session',
      }),
    ]);
    const activity = ok(await orch.get('/api/activity'), ActivityResponse);
    expect(activity.events.some((e) => e.kind === 'turn')).toBe(true);
  });

  it('pushes activity events over SSE as they happen', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${orch.url}/api/activity/stream`, { signal: ctrl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await orch.post('/v1/chat', chatBody('search my memory for streamed activity', 'activity-sse'));
    let text = '';
    // The stream opens with a comment line; read until the first event.
    while (!/^data: .*\n\n/m.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    ctrl.abort();
    const event = ActivityEvent.parse(
      JSON.parse(
        text
          .split('\n')
          .find((l) => l.startsWith('data: '))!
          .slice(6),
      ),
    );
    expect(event).toMatchObject({ kind: 'turn', session_id: 'activity-sse' });
    expect(event.summary).toContain('streamed activity');
  });
});
