import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';

export interface Peer {
  id: string;
  socket: WebSocket;
}

/** Signaling rooms: peers by id, a room disappears with its last peer. */
export class Rooms {
  private readonly rooms = new Map<string, Map<string, Peer>>();
  private readonly maxPeers: number;

  constructor(maxPeers: number) {
    this.maxPeers = maxPeers;
  }

  /** Adds a peer with a fresh id, or returns undefined when the room is full. */
  join(roomId: string, socket: WebSocket): Peer | undefined {
    const room = this.rooms.get(roomId) ?? new Map<string, Peer>();
    this.rooms.set(roomId, room);
    if (room.size >= this.maxPeers) return undefined;
    const peer = { id: randomBytes(6).toString('hex'), socket };
    room.set(peer.id, peer);
    return peer;
  }

  leave(roomId: string, peerId: string): void {
    const room = this.rooms.get(roomId);
    room?.delete(peerId);
    if (room?.size === 0) this.rooms.delete(roomId);
  }

  /** The other peers of the room. */
  others(roomId: string, peerId: string): Peer[] {
    return [...(this.rooms.get(roomId)?.values() ?? [])].filter((p) => p.id !== peerId);
  }

  get(roomId: string, peerId: string): Peer | undefined {
    return this.rooms.get(roomId)?.get(peerId);
  }

  size(roomId: string): number {
    return this.rooms.get(roomId)?.size ?? 0;
  }
}
