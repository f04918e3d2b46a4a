import { useResource } from '../../hooks/useResource.ts';
import { formatTime } from '../../lib/format.ts';
import { getFleet, getMeshStatus } from '../../services/meshApi.ts';
import { getServicesHealth } from '../../services/platformApi.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';

const STATUS_TEXT = { ok: 'Healthy', degraded: 'Degraded', down: 'Down' } as const;
const PEER_STATE = { online: 'ok', suspect: 'degraded', offline: 'down' } as const;

/** The other twins of the mesh, or null when this twin is not in one. */
async function meshPeers(signal: AbortSignal) {
  const status = await getMeshStatus(signal);
  return status.enabled ? (await getFleet(signal)).nodes.filter((n) => !n.self) : null;
}

/** One station per service with its health and the gateway's measured latency. */
export function AgentVitality() {
  const health = useResource(getServicesHealth, 5000);
  const peers = useResource(meshPeers, 5000);
  const services = health.data?.services ?? [];
  return (
    <Panel
      title="Agent Vitality"
      subtitle={health.data ? `Checked ${formatTime(health.data.checked_at)}` : 'Health of every service'}
      testId="agent-vitality"
    >
      {!health.data && health.error && (
        <StateMessage
          kind="error"
          title="Health unavailable"
          detail={health.error}
          action={{ label: 'Retry', onClick: health.refresh }}
        />
      )}
      {!health.data && !health.error && <StateMessage kind="loading" title="Checking services…" compact />}
      {health.data && services.length === 0 && <StateMessage kind="empty" title="No services reported" compact />}
      {services.length > 0 && (
        <ul className="stations">
          {services.map((s) => (
            <li key={s.name} className={`station station--${s.status}`} title={s.detail}>
              <span className="station__pulse" aria-hidden="true" />
              <div className="station__body">
                <span className="station__name">{s.name}</span>
                <span className="station__status">{STATUS_TEXT[s.status]}</span>
                {s.restarts ? (
                  <span className="station__restarts" data-testid={`restarts-${s.name}`}>
                    Restarted {s.restarts}× — last at {s.last_restart_at ? formatTime(s.last_restart_at) : '?'}
                    {s.last_exit ? ` (${s.last_exit})` : ''}
                  </span>
                ) : null}
              </div>
              <span className="station__latency">{s.latency_ms == null ? '—' : `${Math.round(s.latency_ms)} ms`}</span>
            </li>
          ))}
        </ul>
      )}
      {health.data && health.error && <p className="muted small">Last refresh failed: {health.error}</p>}
      {peers.data && (
        <>
          <h3 className="vitality__peers">Mesh peers</h3>
          {peers.data.length === 0 ? (
            <p className="muted small">No other twins seen yet.</p>
          ) : (
            <ul className="stations" data-testid="mesh-peers">
              {peers.data.map((p) => (
                <li key={p.peer_id} className={`station station--${PEER_STATE[p.status]}`} title={p.peer_id}>
                  <span className="station__pulse" aria-hidden="true" />
                  <div className="station__body">
                    <span className="station__name">{p.name}</span>
                    <span className="station__status">{p.status}</span>
                  </div>
                  <span className="station__latency">
                    {p.latency_ms == null ? '—' : `${Math.round(p.latency_ms)} ms`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Panel>
  );
}
