import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../services/http.ts';

export interface Resource<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  refresh: () => void;
}

/**
 * Loads a value, optionally refreshing it every `intervalMs`; keeps the last good value while a refresh fails so
 * views do not flicker, and reports the error beside it. `key` changes reload at once.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  intervalMs?: number,
  key?: unknown,
): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const loader = useRef(load);
  loader.current = load;
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick and key are reload triggers
  useEffect(() => {
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        const value = await loader.current(ctrl.signal);
        if (ctrl.signal.aborted) return;
        setData(value);
        setError(null);
      } catch (err) {
        if (ctrl.signal.aborted) return;
        setError(errorText(err));
      } finally {
        if (!ctrl.signal.aborted) {
          setLoading(false);
          if (intervalMs) timer = setTimeout(run, intervalMs);
        }
      }
    };
    setLoading(true);
    void run();
    return () => {
      ctrl.abort();
      if (timer) clearTimeout(timer);
    };
  }, [intervalMs, tick, key]);

  return { data, error, loading, refresh };
}
