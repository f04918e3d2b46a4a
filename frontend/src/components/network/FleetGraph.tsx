import type { FleetNode } from '@pagi/contracts';

const SIZE = 360;
const CENTER = SIZE / 2;
const RADIUS = 130;

/**
 * The fleet as this node knows it: itself in the middle, every other node on a ring, coloured by status, with a link
 * to each node it is connected to labelled by the last round-trip time. Each node is a button (keyboard too).
 */
export function FleetGraph({
  nodes,
  selected,
  onSelect,
}: {
  nodes: FleetNode[];
  selected: string | null;
  onSelect: (peerId: string) => void;
}) {
  const self = nodes.find((n) => n.self);
  const peers = nodes.filter((n) => !n.self);
  const at = (i: number) => {
    const angle = (2 * Math.PI * i) / Math.max(1, peers.length) - Math.PI / 2;
    return { x: CENTER + RADIUS * Math.cos(angle), y: CENTER + RADIUS * Math.sin(angle) };
  };
  const dot = (n: FleetNode, x: number, y: number) => (
    // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it gets the role and keys instead
    <g
      key={n.peer_id}
      className={`fleet-node fleet-node--${n.status}${n.peer_id === selected ? ' is-selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={`${n.name}${n.self ? ' (this node)' : ''}: ${n.status}`}
      data-testid={`fleet-node-${n.name}`}
      onClick={() => onSelect(n.peer_id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(n.peer_id);
        }
      }}
    >
      <circle cx={x} cy={y} r={n.self ? 18 : 14} />
      <text x={x} y={y + (n.self ? 34 : 30)} textAnchor="middle">
        {n.name}
      </text>
    </g>
  );
  return (
    <figure className="fleet-figure" aria-label="Fleet topology">
      <svg className="fleet-graph" viewBox={`0 0 ${SIZE} ${SIZE}`}>
        <title>Fleet topology: this node in the middle, its peers around it</title>
        {peers.map((p, i) => {
          const { x, y } = at(i);
          const linked = p.status !== 'offline';
          return (
            <g key={`link-${p.peer_id}`} className={`fleet-link${linked ? '' : ' is-down'}`}>
              <line x1={CENTER} y1={CENTER} x2={x} y2={y} />
              {linked && p.latency_ms != null && (
                <text x={(CENTER + x) / 2} y={(CENTER + y) / 2 - 4} textAnchor="middle">
                  {p.latency_ms} ms
                </text>
              )}
            </g>
          );
        })}
        {peers.map((p, i) => {
          const { x, y } = at(i);
          return dot(p, x, y);
        })}
        {self && dot(self, CENTER, CENTER)}
      </svg>
    </figure>
  );
}
