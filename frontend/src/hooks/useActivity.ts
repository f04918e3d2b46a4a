import { ActivityEvent } from '@pagi/contracts';
import { useEffect, useState } from 'react';
import { gatewayPath } from '../config.ts';
import { errorText } from '../services/http.ts';
import { getActivity } from '../services/platformApi.ts';
import { type StreamState, subscribeSse } from '../services/sse.ts';

const KEEP = 100;

function merge(current: ActivityEvent[], incoming: ActivityEvent[]): ActivityEvent[] {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of incoming) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.ts.localeCompare(a.ts)).slice(0, KEEP);
}

/** The intelligence stream: recent activity, then live events as they happen. */
export function useActivity() {
  const [events, setEvents] = useState<ActivityEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [state, setState] = useState<StreamState>('connecting');

  useEffect(() => {
    const ctrl = new AbortController();
    getActivity(ctrl.signal)
      .then((res) => {
        setEvents((cur) => merge(cur, res.events));
        setError(null);
      })
      .catch((err) => !ctrl.signal.aborted && setError(errorText(err)))
      .finally(() => !ctrl.signal.aborted && setLoading(false));
    const stop = subscribeSse({
      url: gatewayPath('/api/activity/stream'),
      schema: ActivityEvent,
      onEvent: (e) => setEvents((cur) => merge(cur, [e])),
      onState: setState,
    });
    return () => {
      ctrl.abort();
      stop();
    };
  }, []);

  return { events, error, loading, state };
}
