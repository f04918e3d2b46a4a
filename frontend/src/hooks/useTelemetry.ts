import { useSyncExternalStore } from 'react';
import { subscribeTelemetry, type TelemetryHistory, telemetryHistory } from './telemetryHistory.ts';

/** The recent host telemetry samples from the gateway's SSE stream, kept across visits to the view. */
export function useTelemetry(): TelemetryHistory {
  return useSyncExternalStore(subscribeTelemetry, telemetryHistory);
}
