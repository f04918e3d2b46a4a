import type { Heartbeat, Heartbeat__Output } from '@pagi/contracts/gen/mesh/Heartbeat.ts';
import type { Hello, Hello__Output } from '@pagi/contracts/gen/mesh/Hello.ts';
import type { HelloReply, HelloReply__Output } from '@pagi/contracts/gen/mesh/HelloReply.ts';
import type { HelloVerdict, HelloVerdict__Output } from '@pagi/contracts/gen/mesh/HelloVerdict.ts';
import { fromRoot } from '@pagi/runtime';
import protobuf from 'protobufjs';

// Encoding of the mesh messages (proto/mesh.proto). Decoding never trusts its input: a message that does not parse, or
// is larger than its bound, is an error the caller turns into a refusal, never a crash.

/** Upper bounds in bytes: a hello is a few hundred bytes, a heartbeat under one kilobyte. */
export const MAX_HELLO_BYTES = 4096;
export const MAX_HEARTBEAT_BYTES = 8192;

// keepCase: field names as in the .proto (snake_case), like the generated types and the gRPC loader.
const root = new protobuf.Root().loadSync(
  ['proto/mesh.proto', 'proto/consensus.proto', 'proto/exchange.proto'].map((f) => fromRoot(f)),
  { keepCase: true },
);
// oneofs: a oneof's member name appears as a field (as in the generated types).
const TO_OBJECT = { longs: Number, enums: String, defaults: true, arrays: true, oneofs: true } as const;

export class WireError extends Error {}

/** Encoder and bounded decoder of one message type, by its full name (`mesh.Hello`). */
export function codec<In extends object, Out>(fullName: string, maxBytes: number) {
  const t = root.lookupType(fullName);
  const name = fullName.split('.').pop();
  return {
    encode(value: In): Uint8Array {
      return t.encode(t.fromObject(value)).finish();
    },
    decode(bytes: Uint8Array): Out {
      if (bytes.byteLength > maxBytes)
        throw new WireError(`${name} of ${bytes.byteLength} bytes (at most ${maxBytes})`);
      try {
        return t.toObject(t.decode(bytes), TO_OBJECT) as Out;
      } catch (err) {
        throw new WireError(`malformed ${name}: ${(err as Error).message}`);
      }
    },
  };
}

export const helloCodec = codec<Hello, Hello__Output>('mesh.Hello', MAX_HELLO_BYTES);
export const helloReplyCodec = codec<HelloReply, HelloReply__Output>('mesh.HelloReply', MAX_HELLO_BYTES);
export const verdictCodec = codec<HelloVerdict, HelloVerdict__Output>('mesh.HelloVerdict', MAX_HELLO_BYTES);
export const heartbeatCodec = codec<Heartbeat, Heartbeat__Output>('mesh.Heartbeat', MAX_HEARTBEAT_BYTES);
