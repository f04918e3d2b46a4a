import { ExchangeEvent, type ExchangeOverview } from '@pagi/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { gatewayPath } from '../config.ts';
import type { NewOffer } from '../services/exchangeApi.ts';
import * as api from '../services/exchangeApi.ts';
import { ApiError, errorText } from '../services/http.ts';
import { subscribeSse } from '../services/sse.ts';

/** A safety net for events missed while the stream reconnects. */
const REFRESH_MS = 20_000;
/** A burst of events (a share, then the peer's answer) becomes one reload. */
const COALESCE_MS = 150;

const EMPTY: ExchangeOverview = { offers: [], subscriptions: [], grants: [], requests: [], shared: [], received: [] };

export interface Exchange {
  overview: ExchangeOverview;
  loaded: boolean;
  /** Why the Memory Exchange is unavailable on this twin (the mesh is off), or null. */
  off: string | null;
  error: string | null;
  // Each action reloads the overview once it is done and throws an ApiError saying why when it is refused.
  approve: (id: string, grant: boolean) => Promise<void>;
  deny: (id: string) => Promise<void>;
  addOffer: (offer: NewOffer) => Promise<void>;
  removeOffer: (topic: string) => Promise<void>;
  subscribe: (peer: string, topic: string) => Promise<void>;
  unsubscribe: (peer: string, topic: string) => Promise<void>;
  addGrant: (peer: string, topic: string) => Promise<void>;
  revokeGrant: (peer: string, topic: string, memories: boolean) => Promise<void>;
  revokeShared: (peer: string, topic: string) => Promise<void>;
}

/** The Memory Exchange as this twin sees it, reloaded on every exchange event and now and then. */
export function useExchange(): Exchange {
  const [overview, setOverview] = useState<ExchangeOverview>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  const [off, setOff] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest load wins: an older answer arriving late must not overwrite a newer one.
  const seq = useRef(0);

  const load = useCallback(async (signal?: AbortSignal): Promise<boolean> => {
    const n = ++seq.current;
    try {
      const o = await api.getOverview(signal);
      if (n === seq.current && !signal?.aborted) {
        setOverview(o);
        setOff(null);
        setError(null);
      }
      return true;
    } catch (err) {
      if (signal?.aborted || n !== seq.current) return false;
      if (err instanceof ApiError && err.code === 'failed_precondition') setOff(err.message);
      else setError(errorText(err));
      return false;
    } finally {
      if (!signal?.aborted) setLoaded(true);
    }
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    const { signal } = ctrl;
    let stop: (() => void) | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const reloadSoon = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = undefined;
        void load(signal);
      }, COALESCE_MS);
    };
    // The stream opens once the routes answer; until then (mesh off, a restarting orchestrator) the refresh retries.
    const refresh = async () => {
      if (!(await load(signal)) || stop || signal.aborted) return;
      stop = subscribeSse({ url: gatewayPath(api.EXCHANGE_EVENTS_PATH), schema: ExchangeEvent, onEvent: reloadSoon });
    };
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      ctrl.abort();
      stop?.();
      clearInterval(timer);
      clearTimeout(pending);
    };
  }, [load]);

  const then = useCallback(
    <A extends unknown[]>(fn: (...args: A) => Promise<unknown>) =>
      async (...args: A) => {
        try {
          await fn(...args);
        } finally {
          await load();
        }
      },
    [load],
  );

  return {
    overview,
    loaded,
    off,
    error,
    approve: then(api.approveShare),
    deny: then(api.denyShare),
    addOffer: then(api.addOffer),
    removeOffer: then(api.removeOffer),
    subscribe: then(api.subscribe),
    unsubscribe: then(api.unsubscribe),
    addGrant: then(api.addGrant),
    revokeGrant: then(api.revokeGrant),
    revokeShared: then(api.revokeShared),
  };
}
