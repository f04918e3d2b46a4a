import { AgentEvent, type AgentRunSummary, FINAL_RUN_STATUSES } from '@pagi/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { gatewayPath } from '../config.ts';
import { AGENT_EVENTS_PATH, decideAction, listRuns, type NewRun, startRun, stopRun } from '../services/agentsApi.ts';
import { errorText } from '../services/http.ts';
import { type StreamState, subscribeSse } from '../services/sse.ts';

/** A safety net for events missed while the stream reconnects. */
const REFRESH_MS = 15_000;
/** Bursts of events become one list reload. */
const COALESCE_MS = 150;

export interface AgentRuns {
  /** Every run of the person, children included, newest first. */
  runs: AgentRunSummary[];
  byId: Record<string, AgentRunSummary>;
  loaded: boolean;
  error: string | null;
  stream: StreamState;
  /** Per run, a counter that moves with each of its events: a shown run reloads its steps when it moves. */
  touched: Record<string, number>;
  /** Agent actions waiting for a person's decision, over every run. */
  pendingCount: number;
  start: (request: NewRun) => Promise<AgentRunSummary>;
  stop: (runId: string) => Promise<void>;
  /** Approves or denies an agent's action; throws an ApiError saying why when refused. */
  decide: (run: AgentRunSummary, actionId: string, decision: 'approve' | 'deny') => Promise<void>;
  /** Takes a run the server answered with (a playbook's run) before its event arrives. */
  upsert: (run: AgentRunSummary) => void;
}

const isFinal = (run: AgentRunSummary) => FINAL_RUN_STATUSES.includes(run.status);

/** The newer of two copies of a run (an event and a list can cross). */
const newer = (a: AgentRunSummary | undefined, b: AgentRunSummary) => (a && a.updated_at > b.updated_at ? a : b);

/** Counts the actions waiting for approval in runs that can still go on. */
export const pendingIn = (runs: Iterable<AgentRunSummary>) => {
  let n = 0;
  for (const r of runs) if (!isFinal(r)) n += r.pending_action_ids.length;
  return n;
};

/**
 * The person's agent runs, kept live by the agents' event stream. `enabled`: the person's role may see runs (the chat
 * permission); without it nothing is asked.
 */
export function useAgentRuns(enabled: boolean): AgentRuns {
  const [byId, setById] = useState<Record<string, AgentRunSummary>>({});
  const [touched, setTouched] = useState<Record<string, number>>({});
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stream, setStream] = useState<StreamState>('connecting');
  const known = useRef<Record<string, AgentRunSummary>>({});

  const put = useCallback((runs: AgentRunSummary[]) => {
    const next = { ...known.current };
    for (const r of runs) next[r.run_id] = newer(next[r.run_id], r);
    known.current = next;
    setById(next);
  }, []);
  const touch = useCallback((ids: string[]) => {
    setTouched((t) => {
      const next = { ...t };
      for (const id of ids) next[id] = (next[id] ?? 0) + 1;
      return next;
    });
  }, []);

  useEffect(() => {
    if (!enabled) {
      known.current = {};
      setById({});
      setLoaded(true);
      return;
    }
    const ctrl = new AbortController();
    const { signal } = ctrl;
    let stopStream: (() => void) | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;

    const load = async (): Promise<boolean> => {
      try {
        const { runs } = await listRuns(signal);
        if (signal.aborted) return false;
        put(runs);
        setError(null);
        return true;
      } catch (err) {
        if (!signal.aborted) setError(errorText(err));
        return false;
      } finally {
        if (!signal.aborted) setLoaded(true);
      }
    };
    const reloadSoon = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = undefined;
        void load();
      }, COALESCE_MS);
    };
    const onEvent = (e: AgentEvent) => {
      if (e.type === 'run') {
        put([e.run]);
        touch([e.run.run_id]);
      } else {
        touch([e.run_id]);
        // A step of a run not known yet (started elsewhere): the list brings it.
        if (!known.current[e.run_id]) reloadSoon();
      }
    };

    let subscribed = false;
    const refresh = async () => {
      if (!(await load()) || subscribed || signal.aborted) return;
      subscribed = true;
      let opened = false;
      stopStream = subscribeSse({
        url: gatewayPath(AGENT_EVENTS_PATH),
        schema: AgentEvent,
        onEvent,
        onState: (s) => {
          setStream(s);
          // What happened while the stream was down comes with the list.
          if (s === 'open' && opened) reloadSoon();
          if (s === 'open') opened = true;
        },
      });
    };
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      ctrl.abort();
      stopStream?.();
      clearInterval(timer);
      clearTimeout(pending);
    };
  }, [enabled, put, touch]);

  const upsert = useCallback(
    (run: AgentRunSummary) => {
      put([run]);
      touch([run.run_id]);
    },
    [put, touch],
  );
  const start = useCallback(
    async (request: NewRun) => {
      const run = await startRun(request);
      upsert(run);
      return run;
    },
    [upsert],
  );
  const stop = useCallback(async (runId: string) => upsert(await stopRun(runId)), [upsert]);
  const decide = useCallback(
    async (run: AgentRunSummary, actionId: string, decision: 'approve' | 'deny') => {
      const answer = await decideAction(actionId, run.session_id, decision);
      touch([answer.run_id]);
    },
    [touch],
  );

  const runs = useMemo(() => Object.values(byId).sort((a, b) => b.created_at.localeCompare(a.created_at)), [byId]);
  const pendingCount = useMemo(() => pendingIn(runs), [runs]);
  return { runs, byId, loaded, error, stream, touched, pendingCount, start, stop, decide, upsert };
}
