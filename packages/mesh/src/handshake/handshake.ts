import type { Connection, Stream } from '@libp2p/interface';
import { lpStream } from '@libp2p/utils';
import type { Hello, Hello__Output } from '@pagi/contracts/gen/mesh/Hello.ts';
import { helloCodec, helloReplyCodec, MAX_HELLO_BYTES, verdictCodec } from '../wire.ts';
import { refusal } from './hello-rules.ts';

// /pagi/handshake/1.0.0 on every new connection, opened by the side that dialed:
//   dialer → Hello; listener → HelloReply (its Hello, and whether it accepts the dialer); dialer → HelloVerdict.
// Who the peer is comes from the connection (Noise proved its key), never from the messages. A refused peer is told
// why, both sides log it, and the connection is closed: it never reaches the fleet registry.

export const HANDSHAKE_PROTOCOL = '/pagi/handshake/1.0.0';

export interface HandshakeOptions {
  /** What this node says about itself. */
  hello: Hello;
  /** Peer ids allowed in (MESH_TRUSTED_PEERS); empty: any peer holding the swarm key. */
  trusted: ReadonlySet<string>;
  timeoutMs: number;
  accepted(connection: Connection, hello: Hello__Output): void;
  refused(connection: Connection, reason: string, by: 'this node' | 'the peer'): void;
}

export class Handshake {
  private readonly opts: HandshakeOptions;

  constructor(opts: HandshakeOptions) {
    this.opts = opts;
  }

  private check(connection: Connection, hello: Hello__Output): string | undefined {
    const peer = connection.remotePeer.toString();
    if (this.opts.trusted.size && !this.opts.trusted.has(peer)) return 'peer id not in MESH_TRUSTED_PEERS';
    return refusal(hello, this.opts.hello);
  }

  /** The listener's side, as the protocol handler. */
  async answer(stream: Stream, connection: Connection): Promise<void> {
    const signal = AbortSignal.timeout(this.opts.timeoutMs);
    const lp = lpStream(stream, { maxDataLength: MAX_HELLO_BYTES });
    try {
      const theirs = helloCodec.decode((await lp.read({ signal })).subarray());
      const reason = this.check(connection, theirs);
      await lp.write(helloReplyCodec.encode({ hello: this.opts.hello, accepted: !reason, reason: reason ?? '' }), {
        signal,
      });
      if (reason) return this.refuse(connection, reason, 'this node');
      const verdict = verdictCodec.decode((await lp.read({ signal })).subarray());
      if (!verdict.accepted) return this.refuse(connection, verdict.reason.slice(0, 300), 'the peer');
      await stream.close({ signal }).catch(() => undefined);
      this.opts.accepted(connection, theirs);
    } catch (err) {
      this.refuse(connection, `handshake failed: ${(err as Error).message}`, 'this node');
    }
  }

  /** The dialer's side, on a connection it opened. */
  async initiate(connection: Connection): Promise<void> {
    const signal = AbortSignal.timeout(this.opts.timeoutMs);
    try {
      const stream = await connection.newStream(HANDSHAKE_PROTOCOL, { signal });
      const lp = lpStream(stream, { maxDataLength: MAX_HELLO_BYTES });
      await lp.write(helloCodec.encode(this.opts.hello), { signal });
      const reply = helloReplyCodec.decode((await lp.read({ signal })).subarray());
      if (!reply.accepted) return this.refuse(connection, reply.reason.slice(0, 300), 'the peer');
      const theirs = reply.hello;
      const reason = theirs ? this.check(connection, theirs) : 'reply without a hello';
      await lp.write(verdictCodec.encode({ accepted: !reason, reason: reason ?? '' }), { signal });
      if (reason) return this.refuse(connection, reason, 'this node');
      await stream.close({ signal }).catch(() => undefined);
      this.opts.accepted(connection, theirs!);
    } catch (err) {
      this.refuse(connection, `handshake failed: ${(err as Error).message}`, 'this node');
    }
  }

  private refuse(connection: Connection, reason: string, by: 'this node' | 'the peer'): void {
    this.opts.refused(connection, reason, by);
    // A moment for the last message to reach the peer, then the connection goes.
    setTimeout(() => void connection.close().catch(() => connection.abort(new Error(reason))), 100).unref();
  }
}
