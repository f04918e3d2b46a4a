import { createHash } from 'node:crypto';
import type { PrivateKey, PublicKey } from '@libp2p/interface';
import { peerIdFromPrivateKey, peerIdFromString } from '@libp2p/peer-id';
import type { Signed__Output } from '@pagi/contracts/gen/consensus/Signed.ts';

// Every consensus item is signed with the Ed25519 key of the peer it names. An Ed25519 peer id embeds its public
// key, so checking a signature needs nothing but the peer id: no key directory to trust or keep in sync.

export interface Signer {
  readonly peerId: string;
  sign(body: Uint8Array): Uint8Array;
}

export type Signed = Signed__Output;

export const sha256hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export function signerOf(key: PrivateKey): Signer {
  return {
    peerId: peerIdFromPrivateKey(key).toString(),
    sign(body) {
      const sig = key.sign(body);
      // Ed25519 signs synchronously in Node; the protocol relies on it to stay synchronous (and deterministic).
      if (!(sig instanceof Uint8Array)) throw new Error('the node key signs asynchronously');
      return sig;
    },
  };
}

export function seal(signer: Signer, body: Uint8Array): Signed {
  return { body: Buffer.from(body), signature: Buffer.from(signer.sign(body)) };
}

const keys = new Map<string, PublicKey | null>();

function publicKeyOf(peerId: string): PublicKey | null {
  let key = keys.get(peerId);
  if (key === undefined) {
    try {
      key = peerIdFromString(peerId).publicKey ?? null;
    } catch {
      key = null;
    }
    if (key && key.type !== 'Ed25519') key = null;
    if (keys.size > 10_000) keys.clear();
    keys.set(peerId, key);
  }
  return key;
}

/**
 * Signatures already checked: the same vote reaches a node many times (gossip, re-sends, catch-up, inside decisions).
 * Keyed by signer, signature and a hash of the body, so a valid signature never vouches for other bytes.
 */
const checked = new Map<string, boolean>();

/** Whether `signed` carries a valid signature by `peerId` over its body. */
export function signedBy(signed: Signed, peerId: string): boolean {
  const key = publicKeyOf(peerId);
  if (!key || signed.signature.byteLength !== 64) return false;
  const memo = `${peerId}:${Buffer.from(signed.signature).toString('base64')}:${sha256hex(signed.body)}`;
  let ok = checked.get(memo);
  if (ok === undefined) {
    try {
      ok = key.verify(signed.body, signed.signature) === true;
    } catch {
      ok = false;
    }
    if (checked.size > 50_000) checked.clear();
    checked.set(memo, ok);
  }
  return ok;
}

/** A proposal's id: the SHA-256 of its signed body. */
export const proposalIdOf = (signed: Signed): string => sha256hex(signed.body);
