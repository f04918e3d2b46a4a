import { EventEmitter } from 'node:events';
import type { FleetEvent, FleetNode, NodeStatus } from '@pagi/contracts';
import type { Hello__Output } from '@pagi/contracts/gen/mesh/Hello.ts';
import type { NodeHealth__Output } from '@pagi/contracts/gen/mesh/NodeHealth.ts';
import Database from 'better-sqlite3';

// The Fleet Manager's registry: every node this one has verified (handshake passed), itself included, with what it
// last said about itself. Status follows heartbeats: online while they arrive, suspect after `suspectAfterMs` of
// silence, offline after `offlineAfterMs`. SQLite keeps the list across restarts; a restart starts every peer as
// offline until it is heard from again.

export type { FleetEvent, FleetNode, NodeStatus } from '@pagi/contracts';

export interface FleetThresholds {
  suspectAfterMs: number;
  offlineAfterMs: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS fleet_nodes (
  peer_id TEXT PRIMARY KEY,
  twin_id TEXT NOT NULL,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  role TEXT NOT NULL,
  protocol_versions TEXT NOT NULL,
  capabilities TEXT NOT NULL,
  addresses TEXT NOT NULL,
  first_seen_ms INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  health TEXT,
  latency_ms REAL,
  self INTEGER NOT NULL
);`;

type Row = Omit<FleetNode, 'protocol_versions' | 'capabilities' | 'addresses' | 'health' | 'self'> & {
  protocol_versions: string;
  capabilities: string;
  addresses: string;
  health: string | null;
  self: number;
};

const toNode = (r: Row): FleetNode => ({
  ...r,
  protocol_versions: JSON.parse(r.protocol_versions) as string[],
  capabilities: JSON.parse(r.capabilities) as string[],
  addresses: JSON.parse(r.addresses) as string[],
  health: r.health ? (JSON.parse(r.health) as NodeHealth__Output) : null,
  self: r.self === 1,
});

export class FleetRegistry extends EventEmitter<{ event: [FleetEvent] }> {
  private readonly db: Database.Database;
  private readonly nodes = new Map<string, FleetNode>();
  private readonly thresholds: FleetThresholds;
  private readonly now: () => number;
  private readonly save;

  constructor(file: string, thresholds: FleetThresholds, now: () => number = Date.now) {
    super();
    this.thresholds = thresholds;
    this.now = now;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    const upsert = this.db.prepare(`INSERT INTO fleet_nodes VALUES (@peer_id, @twin_id, @name, @version, @role,
        @protocol_versions, @capabilities, @addresses, @first_seen_ms, @last_seen_ms, @status, @health, @latency_ms, @self)
      ON CONFLICT (peer_id) DO UPDATE SET twin_id = excluded.twin_id, name = excluded.name, version = excluded.version,
        role = excluded.role, protocol_versions = excluded.protocol_versions, capabilities = excluded.capabilities,
        addresses = excluded.addresses, last_seen_ms = excluded.last_seen_ms, status = excluded.status,
        health = excluded.health, latency_ms = excluded.latency_ms, self = excluded.self`);
    this.save = (n: FleetNode) =>
      upsert.run({
        ...n,
        protocol_versions: JSON.stringify(n.protocol_versions),
        capabilities: JSON.stringify(n.capabilities),
        addresses: JSON.stringify(n.addresses),
        health: n.health ? JSON.stringify(n.health) : null,
        self: n.self ? 1 : 0,
      });
    for (const row of this.db.prepare('SELECT * FROM fleet_nodes').all() as Row[]) {
      const node = toNode(row);
      // Nobody is online until heard from in this run; this node describes itself afresh at start.
      if (node.self) continue;
      node.status = 'offline';
      this.nodes.set(node.peer_id, node);
    }
    this.db.prepare('DELETE FROM fleet_nodes WHERE self = 1').run();
  }

  list(): FleetNode[] {
    return [...this.nodes.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
  }

  get(peerId: string): FleetNode | undefined {
    return this.nodes.get(peerId);
  }

  /** A node that passed the handshake (or this node itself, with `self`). */
  admit(peerId: string, hello: Hello__Output, addresses: string[], self = false): void {
    const now = this.now();
    const old = this.nodes.get(peerId);
    const node: FleetNode = {
      peer_id: peerId,
      twin_id: hello.twin_id,
      name: hello.node_name,
      version: hello.software_version,
      role: hello.role,
      protocol_versions: hello.protocol_versions,
      capabilities: hello.capabilities,
      addresses: addresses.length ? addresses : (old?.addresses ?? []),
      first_seen_ms: old?.first_seen_ms ?? now,
      last_seen_ms: now,
      status: 'online',
      health: old?.health ?? null,
      latency_ms: old?.latency_ms ?? null,
      self,
    };
    this.nodes.set(peerId, node);
    this.save(node);
    this.transition(node, old?.status ?? null);
  }

  /** A verified heartbeat: the node is alive and reports its health and addresses. */
  heard(peerId: string, health: NodeHealth__Output | null, addresses: string[]): void {
    const node = this.nodes.get(peerId);
    if (!node) return;
    const previous = node.status;
    node.last_seen_ms = this.now();
    node.health = health;
    if (addresses.length) node.addresses = addresses;
    node.status = 'online';
    this.save(node);
    this.transition(node, previous);
  }

  latency(peerId: string, ms: number): void {
    const node = this.nodes.get(peerId);
    if (!node) return;
    node.latency_ms = Math.round(ms * 10) / 10;
    this.save(node);
  }

  /** Re-derives every peer's status from the time since it was last heard (called on a timer). */
  sweep(): void {
    const now = this.now();
    for (const node of this.nodes.values()) {
      if (node.self || node.status === 'offline') continue;
      const silent = now - node.last_seen_ms;
      const status: NodeStatus =
        silent > this.thresholds.offlineAfterMs
          ? 'offline'
          : silent > this.thresholds.suspectAfterMs
            ? 'suspect'
            : 'online';
      if (status === node.status) continue;
      const previous = node.status;
      node.status = status;
      this.save(node);
      this.transition(node, previous);
    }
  }

  private transition(node: FleetNode, previous: NodeStatus | null): void {
    if (previous === node.status) return;
    const type = node.status === 'offline' ? 'left' : previous === null || previous === 'offline' ? 'joined' : 'status';
    this.emit('event', {
      type,
      peer_id: node.peer_id,
      name: node.name,
      status: node.status,
      previous,
      at_ms: this.now(),
    });
  }

  close(): void {
    this.db.close();
  }
}
