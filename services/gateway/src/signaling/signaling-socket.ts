import { RoomId, SignalingFrame, type SignalingServerFrame } from '@pagi/contracts';
import type { Logger } from '@pagi/runtime';
import type { WebSocket } from 'ws';
import { decodeFrame, sendFrame } from '../ws/frames.ts';
import { TokenBucket } from '../ws/rate-limit.ts';
import type { Rooms } from './rooms.ts';

export interface SignalingDeps {
  rooms: Rooms;
  logger: Logger;
  ratePerSec: number;
  rateBurst: number;
}

const send = (socket: WebSocket, frame: SignalingServerFrame) => sendFrame(socket, frame);

/**
 * One peer on /ws/signaling/:room_id. It learns its id and the peers present, then its offers, answers and ICE
 * candidates are relayed (validated, with `from` set by the server so nobody can speak for another peer) to one
 * peer (`to`) or to all others. Leaving — by close or by a dead connection — is announced to the room.
 */
export function handleSignalingSocket(socket: WebSocket, rawRoomId: string, deps: SignalingDeps): void {
  const room = RoomId.safeParse(rawRoomId);
  if (!room.success) {
    socket.close(1008, 'invalid room id');
    return;
  }
  const roomId = room.data;
  const peer = deps.rooms.join(roomId, socket);
  if (!peer) {
    send(socket, { type: 'error', code: 'room_full', message: `room ${roomId} is full` });
    socket.close(1008, 'room full');
    return;
  }
  const others = deps.rooms.others(roomId, peer.id);
  send(socket, { type: 'peers', room_id: roomId, self: peer.id, peers: others.map((p) => p.id) });
  for (const other of others) send(other.socket, { type: 'peer_joined', peer: peer.id });
  const bucket = new TokenBucket(deps.ratePerSec, deps.rateBurst);

  socket.on('message', (data, isBinary) => {
    if (!bucket.take()) {
      send(socket, { type: 'error', code: 'rate_limited', message: 'too many frames; slow down' });
      return;
    }
    const decoded = decodeFrame(SignalingFrame, data, isBinary);
    if (!decoded.ok) {
      send(socket, { type: 'error', code: decoded.code, message: decoded.message });
      return;
    }
    const relayed = { ...decoded.frame, from: peer.id } as SignalingServerFrame;
    if (decoded.frame.to !== undefined) {
      const target = deps.rooms.get(roomId, decoded.frame.to);
      if (!target || target.id === peer.id) {
        send(socket, { type: 'error', code: 'unknown_peer', message: `no peer ${decoded.frame.to} in this room` });
        return;
      }
      send(target.socket, relayed);
      return;
    }
    for (const other of deps.rooms.others(roomId, peer.id)) send(other.socket, relayed);
  });

  let left = false;
  socket.on('close', () => {
    if (left) return;
    left = true;
    deps.rooms.leave(roomId, peer.id);
    for (const other of deps.rooms.others(roomId, peer.id)) send(other.socket, { type: 'peer_left', peer: peer.id });
  });
  socket.on('error', (err) => deps.logger.debug({ err, room_id: roomId }, 'signaling socket error'));
}
