import { z } from 'zod';
import { SessionTurn } from './chat.ts';
import { Namespace, SessionId, TwinId } from './ids.ts';
import { TurnEvent } from './turn-events.ts';

/**
 * The gateway's chat WebSocket (`/ws/chat/:user_id`): JSON text frames, one object per frame, validated on both sides.
 */
export const ClientFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('chat'),
    message: z.string().min(1),
    session_id: SessionId,
    twin_id: TwinId,
    namespace: Namespace.optional(),
    media_active: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('approval'),
    action_id: z.string().min(1).max(128),
    decision: z.enum(['approve', 'deny']),
    session_id: SessionId,
  }),
  z.object({ type: z.literal('ping'), ts: z.number().optional() }),
  /** After a reconnect: asks for the results of this session's turns that finished while it was away. */
  z.object({ type: z.literal('resume'), session_id: SessionId }),
  /** Stops the answer being written in this session: the model's request is cancelled. */
  z.object({ type: z.literal('stop'), session_id: SessionId }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

/** What the browser receives: the events of its sessions' turns, plus answers to its own frames. */
export const ServerFrame = z.discriminatedUnion('type', [
  ...TurnEvent.options,
  z.object({ type: z.literal('pong'), ts: z.number() }),
  /**
   * Answer to `resume`: the session's turns as the orchestrator recorded them. Results the gateway kept for the
   * session (turns that finished while no socket was connected) are sent as their own frames just before it.
   */
  z.object({
    type: z.literal('history'),
    session_id: z.string(),
    turns: z.array(SessionTurn),
    /** True when a turn of this session is still running; its frames follow on this socket. */
    in_flight: z.boolean(),
  }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** `/ws/signaling/:room_id`: WebRTC signaling relayed between the peers of a room. */
export const SignalingFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('offer'), sdp: z.string().max(32_768), to: z.string().optional() }),
  z.object({ type: z.literal('answer'), sdp: z.string().max(32_768), to: z.string().optional() }),
  z.object({ type: z.literal('ice'), candidate: z.unknown(), to: z.string().optional() }),
]);
export type SignalingFrame = z.infer<typeof SignalingFrame>;

/**
 * What a signaling peer receives: the relayed frames with the sender's peer id in `from`, the room's membership
 * (`peers` on join, then `peer_joined` / `peer_left`), and `error` for a refused frame.
 */
export const SignalingServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('offer'), sdp: z.string(), from: z.string(), to: z.string().optional() }),
  z.object({ type: z.literal('answer'), sdp: z.string(), from: z.string(), to: z.string().optional() }),
  z.object({ type: z.literal('ice'), candidate: z.unknown(), from: z.string(), to: z.string().optional() }),
  z.object({ type: z.literal('peers'), room_id: z.string(), self: z.string(), peers: z.array(z.string()) }),
  z.object({ type: z.literal('peer_joined'), peer: z.string() }),
  z.object({ type: z.literal('peer_left'), peer: z.string() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type SignalingServerFrame = z.infer<typeof SignalingServerFrame>;
