import {
  type ArtifactVersion,
  type CreateProposal,
  type ProposalDetail,
  ProposalEvent,
  type ProposalSummary,
} from '@pagi/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { gatewayPath } from '../config.ts';
import {
  castVote,
  createProposal,
  getProposal,
  listArtifacts,
  listProposals,
  PROPOSAL_EVENTS_PATH,
} from '../services/consensusApi.ts';
import { ApiError, errorText } from '../services/http.ts';
import { subscribeSse } from '../services/sse.ts';

const LIST_LIMIT = 50;
/** A safety net for events missed while the stream reconnects, and for deadlines passing. */
const REFRESH_MS = 15_000;
/** Bursts of events (a vote, the decision, each node's application) become one list reload. */
const COALESCE_MS = 150;

export interface Proposals {
  /** Every proposal this node knows, newest first, in full (payload, votes, applications). */
  proposals: ProposalDetail[];
  /** The current version of every artifact the fleet changed on this node. */
  artifacts: ArtifactVersion[];
  loaded: boolean;
  /** Why Consensus Sync is unavailable on this twin (the mesh is off), or null. */
  off: string | null;
  error: string | null;
  /** Casts this node's vote; throws an ApiError whose message says why when the vote is refused. */
  vote: (id: string, vote: 'accept' | 'reject', reason: string) => Promise<void>;
  /** Proposes a change to the fleet; returns the new proposal's id. */
  propose: (proposal: CreateProposal) => Promise<string>;
}

/** A cached detail is out of date when its summary moved (status, tally, own vote) or it is still open. */
function stale(cached: ProposalDetail | undefined, s: ProposalSummary): boolean {
  if (!cached || cached.status !== s.status || s.status === 'open' || cached.my_vote !== s.my_vote) return true;
  const a = cached.tally;
  const b = s.tally;
  return a.accept !== b.accept || a.reject !== b.reject || a.needed !== b.needed;
}

/** Consensus Sync as this node sees it: proposals with their details and artifacts, kept live by the event stream. */
export function useProposals(): Proposals {
  const [details, setDetails] = useState<Record<string, ProposalDetail>>({});
  const [artifacts, setArtifacts] = useState<ArtifactVersion[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [off, setOff] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const known = useRef<Record<string, ProposalDetail>>({});
  // Per proposal, the latest request: an older answer arriving late must not overwrite a newer one.
  const seq = useRef<Record<string, number>>({});

  const put = useCallback((d: ProposalDetail) => {
    known.current = { ...known.current, [d.id]: d };
    setDetails(known.current);
  }, []);

  const fetchOne = useCallback(
    async (id: string, signal?: AbortSignal) => {
      const n = (seq.current[id] ?? 0) + 1;
      seq.current[id] = n;
      const d = await getProposal(id, signal);
      if (seq.current[id] === n) put(d);
    },
    [put],
  );

  useEffect(() => {
    const ctrl = new AbortController();
    const { signal } = ctrl;
    let stop: (() => void) | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;

    const fail = (err: unknown) => {
      if (signal.aborted) return;
      if (err instanceof ApiError && err.code === 'failed_precondition') setOff(err.message);
      else setError(errorText(err));
    };
    const load = async (): Promise<boolean> => {
      try {
        const [list, held] = await Promise.all([listProposals({ limit: LIST_LIMIT }, signal), listArtifacts(signal)]);
        await Promise.all(
          list.proposals.filter((s) => stale(known.current[s.id], s)).map((s) => fetchOne(s.id, signal)),
        );
        if (signal.aborted) return false;
        setArtifacts(held.artifacts);
        setOff(null);
        setError(null);
        return true;
      } catch (err) {
        fail(err);
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

    // The stream opens once the routes answer; until then (a restarting orchestrator) the refresh keeps trying.
    let subscribed = false;
    const refresh = async () => {
      if (!(await load()) || subscribed || signal.aborted) return;
      subscribed = true;
      stop = subscribeSse({
        url: gatewayPath(PROPOSAL_EVENTS_PATH),
        schema: ProposalEvent,
        onEvent: (e) => {
          fetchOne(e.proposal_id, signal).catch(fail);
          reloadSoon();
        },
      });
    };
    void refresh();
    timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      ctrl.abort();
      stop?.();
      clearInterval(timer);
      clearTimeout(pending);
    };
  }, [fetchOne]);

  const vote = useCallback(
    async (id: string, vote: 'accept' | 'reject', reason: string) => {
      const n = (seq.current[id] ?? 0) + 1;
      seq.current[id] = n;
      const d = await castVote(id, { vote, reason: reason.trim() || undefined });
      // A detail fetched after the vote (its own event, the decision) is newer than this answer.
      if (seq.current[id] === n) put(d);
    },
    [put],
  );

  const propose = useCallback(
    async (proposal: CreateProposal) => {
      const { id } = await createProposal(proposal);
      await fetchOne(id).catch(() => undefined);
      return id;
    },
    [fetchOne],
  );

  const proposals = Object.values(details)
    .sort((a, b) => b.created_at_ms - a.created_at_ms)
    .slice(0, LIST_LIMIT);
  return { proposals, artifacts, loaded, off, error, vote, propose };
}
