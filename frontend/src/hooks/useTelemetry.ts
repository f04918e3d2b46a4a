import { TelemetrySample } from '@pagi/contracts';
import { useEffect, useState } from 'react';
import { telemetryStreamUrl } from '../config.ts';
import { type StreamState, subscribeSse } from '../services/sse.ts';

const WINDOW = 60;

/** The last minute or so of host telemetry samples from the gateway's SSE stream. */
export function useTelemetry(): { samples: TelemetrySample[]; state: StreamState } {
  const [samples, setSamples] = useState<TelemetrySample[]>([]);
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(
    () =>
      subscribeSse({
        url: telemetryStreamUrl(),
        schema: TelemetrySample,
        onEvent: (s) => setSamples((prev) => [...prev.slice(-(WINDOW - 1)), s]),
        onState: setState,
      }),
    [],
  );
  return { samples, state };
}
