import type { FleetNode } from '@pagi/contracts';
import { useState } from 'react';
import { useFleet } from '../../hooks/useFleet.ts';
import { formatPercent, formatTime } from '../../lib/format.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { ConsensusPanel } from './consensus/ConsensusPanel.tsx';
import { ExchangePanel } from './exchange/ExchangePanel.tsx';
import { FleetGraph } from './FleetGraph.tsx';

const STATUS_TEXT = { online: 'Online', suspect: 'Suspect', offline: 'Offline' } as const;

/**
 * The Phoenix mesh as this node sees it: its own place, the fleet as a graph, one node's details, live events,
 * Consensus Sync (fleet-wide votes on shared changes) and the Memory Exchange.
 */
export function NetworkView() {
  const fleet = useFleet();
  const [picked, setPicked] = useState<string | null>(null);
  const { status } = fleet;

  if (!status) {
    return fleet.error ? (
      <StateMessage kind="error" title="Mesh status unavailable" detail={fleet.error} />
    ) : (
      <StateMessage kind="loading" title="Reading the mesh…" />
    );
  }
  if (!status.enabled) {
    return (
      <>
        <StateMessage
          kind="empty"
          title="This twin is not in a mesh"
          detail={`To join one: ${status.hint}. The README's mesh section shows how to share the key between machines.`}
        />
        <ConsensusPanel />
        <ExchangePanel nodes={[]} />
      </>
    );
  }
  const selected = fleet.nodes.find((n) => n.peer_id === picked) ?? fleet.nodes.find((n) => n.self) ?? null;
  const peers = fleet.nodes.filter((n) => !n.self);
  return (
    <div className="network" data-testid="network-view">
      <Panel
        title="This node"
        subtitle={`${status.peers_connected} of ${peers.length} peers connected`}
        testId="mesh-status"
      >
        <dl className="facts">
          <dt>Peer id</dt>
          <dd className="mono wrap">{status.peer_id}</dd>
          <dt>Swarm key</dt>
          <dd className="mono">fingerprint {status.swarm_key_fingerprint}</dd>
          <dt>Listening on</dt>
          <dd className="mono wrap">{status.listen_addresses.join(', ') || '—'}</dd>
          <dt>Discovery</dt>
          <dd>
            {status.mdns ? 'mDNS on the local network' : 'mDNS off'}
            {status.bootstrap.length ? `, ${status.bootstrap.length} bootstrap address(es)` : ''}
          </dd>
        </dl>
      </Panel>
      <Panel title="Fleet" subtitle="Nodes by status; links show round-trip time" className="network__graph">
        {peers.length === 0 ? (
          <StateMessage
            kind="empty"
            title="No other twins seen yet"
            detail="Nodes appear here once they pass the handshake."
            compact
          />
        ) : null}
        <FleetGraph nodes={fleet.nodes} selected={selected?.peer_id ?? null} onSelect={setPicked} />
      </Panel>
      {selected && <NodeDetails node={selected} />}
      <Panel title="Fleet events" subtitle="Joins, leaves and status changes, live" testId="fleet-events">
        {fleet.events.length === 0 ? (
          <p className="muted small">Nothing has changed since this view opened.</p>
        ) : (
          <ul className="fleet-events">
            {fleet.events.map((e) => (
              <li key={`${e.peer_id}-${e.at_ms}-${e.status}`} className={`fleet-event fleet-event--${e.status}`}>
                <span className="muted">{formatTime(e.at_ms)}</span> <strong>{e.name}</strong>{' '}
                {e.type === 'joined' ? 'joined' : e.type === 'left' ? 'left (offline)' : `is ${e.status}`}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <ConsensusPanel />
      <ExchangePanel nodes={fleet.nodes} />
    </div>
  );
}

function NodeDetails({ node }: { node: FleetNode }) {
  const h = node.health;
  return (
    <Panel
      title={node.self ? `${node.name} (this node)` : node.name}
      subtitle={STATUS_TEXT[node.status]}
      testId="node-details"
    >
      <dl className="facts">
        <dt>Twin</dt>
        <dd>{node.twin_id}</dd>
        <dt>Role</dt>
        <dd>{node.role}</dd>
        <dt>Version</dt>
        <dd>
          {node.version} (mesh protocol {node.protocol_versions.join(', ')})
        </dd>
        <dt>Peer id</dt>
        <dd className="mono wrap">{node.peer_id}</dd>
        <dt>Addresses</dt>
        <dd className="mono wrap">{node.addresses.join(', ') || '—'}</dd>
        <dt>First seen / last heard</dt>
        <dd>
          {formatTime(node.first_seen_ms)} / {formatTime(node.last_seen_ms)}
        </dd>
        {!node.self && (
          <>
            <dt>Round trip</dt>
            <dd>{node.latency_ms == null ? '—' : `${node.latency_ms} ms`}</dd>
          </>
        )}
        <dt>Health</dt>
        <dd>
          {h
            ? `CPU ${formatPercent(h.cpu)}, memory ${formatPercent(h.memory)}, ${h.memory_count < 0 ? '? memories' : `${h.memory_count} memories`}, ${h.ingestion_queue} files queued, ${h.pending_approvals} approvals pending`
            : 'not reported yet'}
        </dd>
      </dl>
    </Panel>
  );
}
