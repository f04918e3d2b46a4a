import { type ChatRequest, CodedError, endsTurn, TurnEvent } from '@pagi/contracts';
import { type Context, counter, histogram, inSpan, LATENCY_BUCKETS, type Logger, SpanKind } from '@pagi/runtime';
import type { HttpUpstream } from '../upstream/http-upstream.ts';
import type { SessionHub } from './session-hub.ts';

/** Which events a reconnecting socket must still get; tokens and stage changes are only useful live. */
const KEEP: ReadonlySet<TurnEvent['type']> = new Set(['approval_required', 'action_result', 'response', 'error']);
const keep = (e: TurnEvent) => KEEP.has(e.type) && !(e.type === 'response' && !e.done);

export type TurnRequest =
  | { kind: 'chat'; body: ChatRequest }
  | { kind: 'approval'; actionId: string; decision: 'approve' | 'deny'; sessionId: string };

/**
 * Runs a turn (a chat message, or an approval decision) against the orchestrator's SSE endpoints and routes each
 * of its events, unchanged, to the session's sockets. The turn does not belong to the socket that asked for it: it
 * runs to the end when that socket closes, and its results wait in the hub for the session's next socket.
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
  /** The turns running per session, so a person can stop them. */
  private readonly running = new Map<string, Set<AbortController>>();

  constructor(orchestrator: HttpUpstream, hub: SessionHub, logger: Logger) {
    this.orchestrator = orchestrator;
    this.hub = hub;
    this.logger = logger;
  }

  /** Runs the turn in a span, child of the trace the browser's WebSocket upgrade carried (if any). */
  run(key: string, request: TurnRequest, headers: Record<string, string>, parent?: Context): Promise<void> {
    return inSpan(
      request.kind === 'chat' ? 'gateway chat turn' : `gateway ${request.decision}`,
      { kind: SpanKind.CLIENT, parent, attributes: { 'pagi.session_id': key.split('\u0000')[1] ?? '' } },
      () => this.execute(key, request, headers),
    );
  }

  /** Stops the session's running turns (their requests to the orchestrator are closed); returns how many. */
  stop(key: string): number {
    const turns = this.running.get(key);
    for (const ctrl of turns ?? []) ctrl.abort();
    return turns?.size ?? 0;
  }

  private async execute(key: string, request: TurnRequest, headers: Record<string, string>): Promise<void> {
    const started = performance.now();
    const ctrl = new AbortController();
    const turns = this.running.get(key) ?? new Set();
    turns.add(ctrl);
    this.running.set(key, turns);
    let jobId: string | undefined;
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
      for await (const batch of this.orchestrator.events(path, { body, headers, signal: ctrl.signal })) {
        for (const data of batch) {
          const event = parseEvent(data);
          if (!event) {
            this.logger.warn({ path }, 'orchestrator sent an event outside the contract');
            continue;
          }
          if ('job_id' in event && event.job_id) jobId = event.job_id;
          this.hub.deliver(key, event, keep(event));
          if (endsTurn(event)) {
            finished = true;
            if (event.type === 'error') outcome = event.code;
          }
        }
      }
      if (!finished) throw new CodedError('upstream_incomplete', 'the orchestrator ended the turn early');
    } catch (err) {
      const e = err instanceof CodedError ? err : new CodedError('internal', 'the turn failed in the gateway');
      if (!(err instanceof CodedError)) this.logger.error({ err }, 'turn failed');
      outcome = e.code;
      // A refused decision (already decided, expired, …) names its action, so the browser can settle that card.
      this.hub.deliver(
        key,
        {
          type: 'error',
          code: e.code,
          message: e.code === 'cancelled' ? 'Stopped.' : e.message,
          ...(jobId ? { job_id: jobId } : {}),
          ...(request.kind === 'approval' && e.code !== 'cancelled' ? { action_id: request.actionId } : {}),
        },
        true,
      );
    } finally {
      turns.delete(ctrl);
      if (!turns.size) this.running.delete(key);
      this.hub.turnFinished(key);
      if (outcome !== 'ok') this.turnErrors.inc({ code: outcome });
      this.turnSeconds.observe(
        { kind: request.kind, outcome: outcome === 'ok' ? 'ok' : 'error' },
        (performance.now() - started) / 1000,
      );
    }
  }
}

function parseEvent(data: string): TurnEvent | undefined {
  try {
    const parsed = TurnEvent.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
