import type { PathResponse } from '@pagi/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
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
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [path, setPath] = useState<PathResponse | null>(null);
  const [pathError, setPathError] = useState<string | null>(null);
  const [tracing, setTracing] = useState(false);

  const byId = useMemo(() => new Map((atlas.data?.nodes ?? []).map((n) => [n.id, n])), [atlas.data]);

  // A path belongs to its two end points: picking another node clears it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when either end changes
  useEffect(() => {
    setPath(null);
    setPathError(null);
  }, [from, to]);

  /** Clicking nodes fills the start, then the end; a third click starts over. */
  const pick = useCallback(
    (id: string) => {
      if (!from || (from && to)) {
        setFrom(id);
        setTo(null);
      } else if (id !== from) setTo(id);
    },
    [from, to],
  );

  const trace = useCallback(async () => {
    if (!from || !to) return;
    setTracing(true);
    setPathError(null);
    try {
      setPath(await tracePath(from, to));
    } catch (err) {
      setPathError(errorText(err));
    } finally {
      setTracing(false);
    }
  }, [from, to]);

  const clear = useCallback(() => {
    setFrom(null);
    setTo(null);
  }, []);

  return { method, setMethod, atlas, byId, from, to, setFrom, setTo, pick, trace, clear, path, pathError, tracing };
}
