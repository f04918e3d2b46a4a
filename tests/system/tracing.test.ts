// One chat action is one trace across the services: the gateway's WebSocket turn, the orchestrator's HTTP handling
// and the gRPC call it makes to memory or tools all export spans, over OTLP, under the same trace id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOtlpReceiver } from '../helpers/otlp-receiver.ts';
import { type Stack, startStack } from '../helpers/stack.ts';
import { isFinalResponse, WsClient } from '../helpers/ws-client.ts';

let stack: Stack;
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  stack = await startStack({
    services: ['memory', 'tools', 'orchestrator', 'gateway'],
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, LOG_LEVEL: 'warn' },
  });
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await receiver?.close();
});

/** Runs a request-then-approve exchange and returns the approval frame's action id. */
async function approveTurn(message: string, session: string) {
  const c = await WsClient.open(stack.url('gateway'), '/ws/chat/tracer');
  c.send({ type: 'chat', message, session_id: session, twin_id: 'twin-t' });
  const pending = await c.next((f) => f.type === 'approval_required');
  const actionId = (pending.action as { action_id: string }).action_id;
  c.send({ type: 'approval', action_id: actionId, decision: 'approve', session_id: session });
  await c.next((f) => isFinalResponse(f) && f.status === 'completed', 20_000);
  await c.close();
}

const waitFor = async (pred: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!pred() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
};

describe('distributed tracing', () => {
  it('follows an approved tool run and an approved memory query from the gateway to tools and memory', async () => {
    await approveTurn('run echo traced', 'trace-tool');
    await approveTurn('search my memory for tracing', 'trace-mem');

    const toolSpan = () => receiver.spans.find((s) => s.service === 'tools' && /ExecuteTool/.test(s.name));
    const memSpan = () => receiver.spans.find((s) => s.service === 'memory' && /QueryMemory/.test(s.name));
    await waitFor(() => Boolean(toolSpan() && memSpan()));

    for (const leaf of [toolSpan(), memSpan()]) {
      expect(leaf, 'a span from the service that did the work').toBeTruthy();
      const trace = receiver.spans.filter((s) => s.traceId === leaf!.traceId);
      const services = new Set(trace.map((s) => s.service));
      expect([...services].sort()).toEqual(expect.arrayContaining(['gateway', 'orchestrator']));
      // Every span but the root has its parent in the same trace: nothing was cut along the way.
      const ids = new Set(trace.map((s) => s.spanId));
      const roots = trace.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
      expect(roots).toHaveLength(1);
      expect(roots[0]!.service).toBe('gateway');
    }
  });

  it('records what happened without the message text', async () => {
    const all = JSON.stringify(receiver.spans.map((s) => s.attributes));
    expect(all).not.toContain('run echo traced');
    expect(all).not.toContain('search my memory for tracing');
    const attributes = receiver.spans.map((s) => s.attributes);
    expect(attributes.some((a) => a['pagi.session_id'] === 'trace-tool')).toBe(true);
    expect(attributes.some((a) => a['pagi.tool_name'] === 'echo')).toBe(true);
    expect(attributes.some((a) => a['pagi.action_kind'] === 'query_memory')).toBe(true);
  });
});
