import type { PathResponse } from '@pagi/contracts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useIngestion } from '../../context/ingestion/IngestionContext.tsx';
import { useResource } from '../../hooks/useResource.ts';
import { errorText } from '../../services/http.ts';
import { type AtlasMethod, getAtlas, tracePath } from '../../services/knowledgeApi.ts';

export const ATLAS_MAX_NODES = 500;

/** Atlas data for the chosen projection, the two picked nodes and the traced path between them. */
export function useAtlas(maxNodes = ATLAS_MAX_NODES) {
  const [method, setMethod] = useState<AtlasMethod>('pca');
  const { completedCount } = useIngestion();
  const atlas = useResource((signal) => getAtlas(method, maxNodes, signal), undefined, `${method}:${completedCount}`);
  const [ends, setEnds] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const [path, setPath] = useState<PathResponse | null>(null);
  const [pathError, setPathError] = useState<string | null>(null);
  const [tracing, setTracing] = useState(false);
  // Each trace is numbered: an answer for ends that have changed since is dropped.
  const latest = useRef(0);
  const { from, to } = ends;

  const byId = useMemo(() => new Map((atlas.data?.nodes ?? []).map((n) => [n.id, n])), [atlas.data]);

  /** A path belongs to its two end points: choosing another end clears it. */
  const choose = useCallback((next: { from: string | null; to: string | null }) => {
    latest.current += 1;
    setEnds(next);
    setPath(null);
    setPathError(null);
    setTracing(false);
  }, []);

  const traceBetween = useCallback(async (a: string, b: string) => {
    const ticket = ++latest.current;
    setTracing(true);
    setPathError(null);
    try {
      const found = await tracePath(a, b);
      if (ticket === latest.current) setPath(found);
    } catch (err) {
      if (ticket === latest.current) setPathError(errorText(err));
    } finally {
      if (ticket === latest.current) setTracing(false);
    }
  }, []);

  /** Clicking nodes fills the start, then the end and traces the path between them; a third click starts over. */
  const pick = useCallback(
    (id: string) => {
      if (!from || to) choose({ from: id, to: null });
      else if (id !== from) {
        choose({ from, to: id });
        void traceBetween(from, id);
      }
    },
    [from, to, choose, traceBetween],
  );

  const trace = useCallback(async () => {
    if (from && to) await traceBetween(from, to);
  }, [from, to, traceBetween]);

  const setFrom = useCallback((id: string | null) => choose({ from: id, to }), [choose, to]);
  const setTo = useCallback((id: string | null) => choose({ from, to: id }), [choose, from]);
  const clear = useCallback(() => choose({ from: null, to: null }), [choose]);

  return { method, setMethod, atlas, byId, from, to, setFrom, setTo, pick, trace, clear, path, pathError, tracing };
}
