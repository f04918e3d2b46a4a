import { TelemetrySample } from '@pagi/contracts';
import { telemetryStreamUrl } from '../config.ts';
import { type StreamState, subscribeSse } from '../services/sse.ts';

/** Samples the charts keep: a couple of minutes at the sampler's usual pace. */
export const HISTORY_SIZE = 120;
/** The stream stays open this long after the last chart closes, so a look at another view leaves no gap. */
export const LINGER_MS = 5 * 60_000;
/** History older than this when the stream reopens is dropped rather than drawn next to fresh samples. */
export const STALE_MS = 10 * 60_000;

export interface TelemetryHistory {
  samples: readonly TelemetrySample[];
  state: StreamState;
}

/**
 * The host-metrics series, kept here rather than in the view: it outlives the Telemetry view, so reopening the view
 * shows the recent history at once. One stream per page, shared by every subscriber.
 */
let history: TelemetryHistory = { samples: [], state: 'connecting' };
const listeners = new Set<() => void>();
let closeStream: (() => void) | null = null;
let linger: ReturnType<typeof setTimeout> | null = null;

function publish(next: TelemetryHistory): void {
  history = next;
  for (const listener of listeners) listener();
}

function openStream(): void {
  if (closeStream) return;
  const newest = history.samples[history.samples.length - 1];
  if (newest && Date.now() - newest.ts_ms > STALE_MS) history = { ...history, samples: [] };
  closeStream = subscribeSse({
    url: telemetryStreamUrl(),
    schema: TelemetrySample,
    onEvent: (s) => publish({ ...history, samples: [...history.samples.slice(-(HISTORY_SIZE - 1)), s] }),
    onState: (state) => publish({ ...history, state }),
  });
}

function stopStream(): void {
  linger = null;
  closeStream?.();
  closeStream = null;
}

/** For useSyncExternalStore: starts (or keeps) the stream while anyone listens, and for LINGER_MS after. */
export function subscribeTelemetry(listener: () => void): () => void {
  listeners.add(listener);
  if (linger) clearTimeout(linger);
  linger = null;
  openStream();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && !linger) linger = setTimeout(stopStream, LINGER_MS);
  };
}

export const telemetryHistory = (): TelemetryHistory => history;

/** Forgets everything and closes the stream (a fresh page, as the tests need). */
export function resetTelemetryHistory(): void {
  if (linger) clearTimeout(linger);
  stopStream();
  listeners.clear();
  history = { samples: [], state: 'connecting' };
}
