import type { Domain, FileProgress, IngestLimits } from '@pagi/contracts';
import { IngestEvent } from '@pagi/contracts';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { config, gatewayPath } from '../../config.ts';
import { errorText } from '../../services/http.ts';
import { deleteDocument, getIngestStatus, refileDocument, retryIngest } from '../../services/knowledgeApi.ts';
import { type StreamState, subscribeSse } from '../../services/sse.ts';
import { useToast } from '../toast/ToastContext.tsx';
import {
  aggregate,
  type IngestionTotals,
  ingestionReducer,
  initialIngestionState,
  orderFiles,
} from './ingestionModel.ts';

interface IngestionContextValue {
  files: FileProgress[];
  allFiles: FileProgress[];
  totals: IngestionTotals;
  isActive: boolean;
  loaded: boolean;
  error: string | null;
  stream: StreamState;
  /** Increments whenever a file is stored or removed, so views can refresh what depends on the knowledge base. */
  completedCount: number;
  /** The server's rules for a file (size, formats); null until the first status answer. */
  limits: IngestLimits | null;
  retry: (id: string) => Promise<void>;
  /** Deletes a document (its knowledge and its file); false when the server refused (a toast says why). */
  remove: (id: string) => Promise<boolean>;
  /** Files a document under another domain; false when the server refused (a toast says why). */
  refile: (id: string, domain: Domain) => Promise<boolean>;
}

const IngestionContext = createContext<IngestionContextValue | null>(null);
const MAX_LISTED = 50;

/** Ingestion progress: live from the event stream, with polling as the fallback (and while work is active). */
export function IngestionProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(ingestionReducer, initialIngestionState);
  const [stream, setStream] = useState<StreamState>('connecting');
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [completedCount, setCompletedCount] = useState(0);
  const [limits, setLimits] = useState<IngestLimits | null>(null);
  const { notify } = useToast();
  const firstSnapshot = useRef(true);

  const poll = useCallback(async () => {
    try {
      const res = await getIngestStatus();
      dispatch({
        type: 'snapshot',
        summary: res.status,
        files: res.files,
        initial: firstSnapshot.current,
        readAt: res.generated_at,
      });
      firstSnapshot.current = false;
      if (res.limits) setLimits(res.limits);
      setLoaded(true);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  useEffect(() => {
    void poll();
    return subscribeSse({
      url: gatewayPath('/api/knowledge/ingest/events'),
      schema: IngestEvent,
      onEvent: (event) => dispatch({ type: 'event', event }),
      onState: (s) => {
        setStream(s);
        // Whatever happened while the stream was down comes back with one status read.
        if (s === 'open') void poll();
      },
    });
  }, [poll]);

  const isActive = state.summary?.is_active ?? false;
  useEffect(() => {
    if (stream === 'open' && !isActive) return;
    const timer = setInterval(() => void poll(), config.ingestPollIntervalMs);
    return () => clearInterval(timer);
  }, [stream, isActive, poll]);

  useEffect(() => {
    if (!state.completions.length) return;
    for (const c of state.completions) notify(c.message, c.tone);
    setCompletedCount((n) => n + state.completions.filter((c) => c.tone !== 'error').length);
    dispatch({ type: 'drain' });
  }, [state.completions, notify]);

  const retry = useCallback(
    async (id: string) => {
      try {
        await retryIngest(id);
        void poll();
      } catch (err) {
        notify(`Retry failed: ${errorText(err)}`, 'error');
      }
    },
    [poll, notify],
  );

  // Removals change the knowledge base as much as completions do.
  useEffect(() => {
    if (state.removed) setCompletedCount((n) => n + 1);
  }, [state.removed]);

  const remove = useCallback(
    async (id: string) => {
      try {
        const res = await deleteDocument(id);
        dispatch({ type: 'removed', id });
        const n = res.chunks_deleted;
        notify(`${res.name} deleted (${n} ${n === 1 ? 'memory' : 'memories'} removed)`, 'success');
        return true;
      } catch (err) {
        notify(`Delete failed: ${errorText(err)}`, 'error');
        return false;
      }
    },
    [notify],
  );

  const refile = useCallback(
    async (id: string, domain: Domain) => {
      try {
        const res = await refileDocument(id, domain);
        dispatch({ type: 'event', event: { type: 'file', file: res.file } });
        return true;
      } catch (err) {
        notify(`Re-filing failed: ${errorText(err)}`, 'error');
        return false;
      }
    },
    [notify],
  );

  const allFiles = useMemo(() => Object.values(state.files), [state.files]);
  const value = useMemo<IngestionContextValue>(
    () => ({
      files: orderFiles(allFiles).slice(0, MAX_LISTED),
      allFiles,
      totals: aggregate(allFiles, state.summary),
      isActive,
      loaded,
      error,
      stream,
      completedCount,
      limits,
      retry,
      remove,
      refile,
    }),
    [allFiles, state.summary, isActive, loaded, error, stream, completedCount, limits, retry, remove, refile],
  );
  return <IngestionContext.Provider value={value}>{children}</IngestionContext.Provider>;
}

export function useIngestion(): IngestionContextValue {
  const ctx = useContext(IngestionContext);
  if (!ctx) throw new Error('useIngestion must be used inside IngestionProvider');
  return ctx;
}
