import type { AgentRunDetail } from '@pagi/contracts';
import { useEffect, useRef, useState } from 'react';
import { getRun } from '../services/agentsApi.ts';
import { errorText } from '../services/http.ts';

/** Steps of a burst (plan, action, approval) become one reload. */
const COALESCE_MS = 120;

export interface RunDetailState {
  detail: AgentRunDetail | null;
  error: string | null;
}

/**
 * One run in full (its steps and pending actions), read again whenever `version` moves (an event of that run).
 * An older answer arriving late never replaces a newer one.
 */
export function useRunDetail(runId: string | null, version: number): RunDetailState {
  const [state, setState] = useState<RunDetailState>({ detail: null, error: null });
  const seq = useRef(0);
  const shown = useRef<string | null>(null);

  useEffect(() => {
    if (shown.current !== runId) {
      shown.current = runId;
      setState({ detail: null, error: null });
    }
    if (!runId) return;
    const n = ++seq.current;
    // The first read of a run is immediate; the reads its events cause are coalesced.
    const delay = version === 0 ? 0 : COALESCE_MS;
    const timer = setTimeout(() => {
      getRun(runId)
        .then((detail) => {
          if (seq.current === n) setState({ detail, error: null });
        })
        .catch((err: unknown) => {
          if (seq.current === n) setState((s) => ({ ...s, error: errorText(err) }));
        });
    }, delay);
    // A read already sent is not cancelled: its answer is dropped if a newer read was asked for meanwhile.
    return () => clearTimeout(timer);
  }, [runId, version]);

  return state;
}
