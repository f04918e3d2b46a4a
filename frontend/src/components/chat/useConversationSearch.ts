import type { SessionSummary } from '@pagi/contracts';
import { useEffect, useState } from 'react';
import { config } from '../../config.ts';
import { errorText } from '../../services/http.ts';
import { listSessions } from '../../services/sessionsApi.ts';

const DEBOUNCE_MS = 250;

export interface ConversationSearch {
  results: SessionSummary[] | null;
  searching: boolean;
  error: string | null;
}

/**
 * The server's search of the person's conversations (titles, messages and answers), run once typing pauses; a newer
 * query cancels the older one. `version` runs it again, e.g. after a rename or a delete. No query: no results.
 */
export function useConversationSearch(query: string, version: number): ConversationSearch {
  const [state, setState] = useState<ConversationSearch>({ results: null, searching: false, error: null });
  const q = query.trim();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` asks for the same search again
  useEffect(() => {
    if (!q) {
      setState({ results: null, searching: false, error: null });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, searching: true }));
    const timer = setTimeout(() => {
      listSessions(config.twinId, q, ctrl.signal).then(
        ({ sessions }) => setState({ results: sessions, searching: false, error: null }),
        (err: unknown) => {
          if (!ctrl.signal.aborted) setState({ results: null, searching: false, error: errorText(err) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, version]);
  return state;
}
