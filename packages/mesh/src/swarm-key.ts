import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { CodedError } from '@pagi/contracts';

// The private mesh's pre-shared key, in the file format of libp2p's pnet (and IPFS's swarm.key):
//   /key/swarm/psk/1.0.0/
//   /base16/
//   <64 hex digits>
// MESH_SWARM_KEY holds that text, the 64 hex digits alone, or the path of a file holding either.

const HEADER = '/key/swarm/psk/1.0.0/\n/base16/\n';
const HEX = /^[0-9a-f]{64}$/i;

export interface SwarmKey {
  /** The key in pnet's file format, as bytes (what the connection protector takes). */
  psk: Uint8Array;
  /** A short fingerprint to compare keys by, safe to show and log: never the key itself. */
  fingerprint: string;
}

/** A new random key, in the file format. */
export function generateSwarmKey(): string {
  return `${HEADER}${randomBytes(32).toString('hex')}\n`;
}

/** Reads MESH_SWARM_KEY; throws a coded error that says what is wrong (never echoing the key). */
export function parseSwarmKey(value: string): SwarmKey {
  let text = value.trim();
  if (!HEX.test(text) && !text.startsWith('/key/') && existsSync(text)) text = readFileSync(text, 'utf8').trim();
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const hex =
    lines.length === 1 ? lines[0]! : lines[0] === '/key/swarm/psk/1.0.0/' && lines[1] === '/base16/' ? lines[2] : '';
  if (!hex || !HEX.test(hex) || lines.length > 3) {
    throw new CodedError(
      'invalid_request',
      'MESH_SWARM_KEY: expected 64 hex digits, a swarm.key file (/key/swarm/psk/1.0.0/, /base16/, the digits) or its path; `make mesh-key` makes one',
    );
  }
  const key = hex.toLowerCase();
  const digest = createHash('sha256').update(Buffer.from(key, 'hex')).digest('hex').slice(0, 16);
  return {
    psk: new TextEncoder().encode(`${HEADER}${key}`),
    fingerprint: digest.match(/.{4}/g)!.join(':'),
  };
}
