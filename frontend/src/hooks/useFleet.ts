import { FleetEvent, type FleetNode, type MeshStatus } from '@pagi/contracts';
import { useEffect, useState } from 'react';
import { gatewayPath } from '../config.ts';
import { errorText } from '../services/http.ts';
import { getFleet, getMeshStatus } from '../services/meshApi.ts';
import { subscribeSse } from '../services/sse.ts';

const MAX_EVENTS = 50;
const REFRESH_MS = 5000;

export interface Fleet {
  status: MeshStatus | null;
  nodes: FleetNode[];
  /** Joins, leaves and status changes since the view opened, newest first. */
  events: FleetEvent[];
  error: string | null;
}

/** This node's mesh status and the fleet, refreshed on every fleet event and every few seconds (health, latency). */
export function useFleet(): Fleet {
  const [status, setStatus] = useState<MeshStatus | null>(null);
  const [nodes, setNodes] = useState<FleetNode[]>([]);
  const [events, setEvents] = useState<FleetEvent[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    let stop: (() => void) | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    const load = async () => {
      try {
        const s = await getMeshStatus(ctrl.signal);
        setStatus(s);
        if (s.enabled) setNodes((await getFleet(ctrl.signal)).nodes);
        setError(null);
        return s;
      } catch (err) {
        if (!ctrl.signal.aborted) setError(errorText(err));
        return null;
      }
    };
    void load().then((s) => {
      if (!s?.enabled || ctrl.signal.aborted) return;
      stop = subscribeSse({
        url: gatewayPath('/api/phoenix/fleet/events'),
        schema: FleetEvent,
        onEvent: (e) => {
          setEvents((cur) => [e, ...cur].slice(0, MAX_EVENTS));
          void load();
        },
      });
      timer = setInterval(() => void load(), REFRESH_MS);
    });
    return () => {
      ctrl.abort();
      stop?.();
      clearInterval(timer);
    };
  }, []);

  return { status, nodes, events, error };
}
