import { type Context, counter, histogram, inSpan, LATENCY_BUCKETS, type Logger, SpanKind } from '@pagi/kit';
import { type ChatRequest, ChatStreamEvent } from '@pagi/kit/contracts/chat.ts';
import type { ServerFrame } from '@pagi/kit/contracts/ws.ts';
import type { HttpUpstream } from '../upstream/http-upstream.ts';
import { UpstreamError } from '../upstream/upstream-error.ts';
import type { SessionHub } from './session-hub.ts';

/** Which frames a reconnecting socket must still get; tokens and stage changes are only useful live. */
const KEEP: ReadonlySet<ServerFrame['type']> = new Set(['approval_required', 'action_result', 'response', 'error']);

/** One ChatStreamEvent as the frame the browser receives. */
export function frameOf(event: ChatStreamEvent, sessionId: string): ServerFrame {
  switch (event.type) {
    case 'status':
      return { type: 'status', job_id: event.job_id, session_id: sessionId, stage: event.stage };
    case 'token':
      return { type: 'response', job_id: event.job_id, session_id: sessionId, done: false, token: event.text };
    case 'approval_required':
      return { type: 'approval_required', job_id: event.job_id, session_id: sessionId, action: event.action };
    case 'action_result':
      return {
        type: 'action_result',
        job_id: event.job_id,
        session_id: sessionId,
        action: event.action,
        result: event.result,
      };
    case 'done':
      return {
        type: 'response',
        job_id: event.response.job_id,
        session_id: event.response.session_id || sessionId,
        done: true,
        message: event.response.response,
        actions_taken: event.response.actions_taken,
        status: event.response.status,
        planner: event.response.planner,
      };
    case 'error':
      return { type: 'error', code: event.code, message: event.message, job_id: event.job_id };
  }
}

export type TurnRequest =
  | { kind: 'chat'; body: ChatRequest }
  | { kind: 'approval'; actionId: string; decision: 'approve' | 'deny'; sessionId: string };

/**
 * Runs a turn (a chat message, or an approval decision) against the orchestrator's SSE endpoints and delivers
 * each event as a frame to the session. The turn does not belong to the socket that asked for it: it runs to the
 * end when that socket closes, and its results wait in the hub for the session's next socket.
 */
export class TurnRunner {
  private readonly orchestrator: HttpUpstream;
  private readonly hub: SessionHub;
  private readonly logger: Logger;
  private readonly turnSeconds = histogram(
    'gateway_turn_duration_seconds',
    'Chat turns and approvals through the gateway, first byte sent to last event received',
    ['kind', 'outcome'],
    LATENCY_BUCKETS,
  );
  private readonly turnErrors = counter('gateway_turn_errors_total', 'Turns ending in an error frame', ['code']);

  constructor(orchestrator: HttpUpstream, hub: SessionHub, logger: Logger) {
    this.orchestrator = orchestrator;
    this.hub = hub;
    this.logger = logger;
  }

  /** Runs the turn in a span, child of the trace the browser's WebSocket upgrade carried (if any). */
  run(key: string, request: TurnRequest, parent?: Context): Promise<void> {
    return inSpan(
      request.kind === 'chat' ? 'gateway chat turn' : `gateway ${request.decision}`,
      { kind: SpanKind.CLIENT, parent, attributes: { 'pagi.session_id': key.split('\u0000')[1] ?? '' } },
      () => this.execute(key, request),
    );
  }

  private async execute(key: string, request: TurnRequest): Promise<void> {
    const sessionId = request.kind === 'chat' ? request.body.session_id : request.sessionId;
    const started = performance.now();
    const [path, body] =
      request.kind === 'chat'
        ? ['/v1/chat', request.body]
        : [
            `/v1/actions/${encodeURIComponent(request.actionId)}/${request.decision}`,
            { session_id: request.sessionId },
          ];
    this.hub.turnStarted(key);
    let outcome = 'ok';
    let finished = false;
    try {
      for await (const batch of this.orchestrator.events(path, { body })) {
        for (const event of mergeTokens(batch.map(parseEvent))) {
          if (!event) {
            this.logger.warn({ path }, 'orchestrator sent an event outside the contract');
            continue;
          }
          const frame = frameOf(event, sessionId);
          if (frame.type === 'error' && request.kind === 'approval') frame.action_id = request.actionId;
          this.hub.deliver(key, frame, KEEP.has(frame.type));
          if (event.type === 'done' || event.type === 'error') {
            finished = true;
            if (event.type === 'error') outcome = event.code;
          }
        }
      }
      if (!finished) throw new UpstreamError('upstream_incomplete', 'the orchestrator ended the turn early', 502);
    } catch (err) {
      const e =
        err instanceof UpstreamError ? err : new UpstreamError('internal', 'the turn failed in the gateway', 500);
      if (!(err instanceof UpstreamError)) this.logger.error({ err }, 'turn failed');
      outcome = e.code;
      this.hub.deliver(
        key,
        {
          type: 'error',
          code: e.code,
          message: e.message,
          ...(request.kind === 'approval' ? { action_id: request.actionId } : {}),
        },
        true,
      );
    } finally {
      this.hub.turnFinished(key);
      if (outcome !== 'ok') this.turnErrors.inc({ code: outcome });
      this.turnSeconds.observe(
        { kind: request.kind, outcome: outcome === 'ok' ? 'ok' : 'error' },
        (performance.now() - started) / 1000,
      );
    }
  }
}

/**
 * Consecutive tokens that arrived together become one frame: the browser shows the same text, with a fraction of
 * the frames (an answer written in one go is one token frame instead of dozens).
 */
export function mergeTokens(events: (ChatStreamEvent | undefined)[]): (ChatStreamEvent | undefined)[] {
  const out: (ChatStreamEvent | undefined)[] = [];
  for (const event of events) {
    const last = out.at(-1);
    if (event?.type === 'token' && last?.type === 'token' && last.job_id === event.job_id) {
      out[out.length - 1] = { ...last, text: last.text + event.text };
    } else {
      out.push(event);
    }
  }
  return out;
}

function parseEvent(data: string): ChatStreamEvent | undefined {
  try {
    const parsed = ChatStreamEvent.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
