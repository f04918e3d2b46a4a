import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys';
import type { PrivateKey } from '@libp2p/interface';
import { peerIdFromPrivateKey } from '@libp2p/peer-id';

/**
 * The node's Ed25519 key, created on first start and kept under the data dir (so `make backup` carries it): the same
 * peer id across restarts. Written owner-only, atomically.
 */
export async function loadIdentity(dir: string): Promise<PrivateKey> {
  const file = path.join(dir, 'identity.key');
  if (existsSync(file)) {
    const key = privateKeyFromProtobuf(readFileSync(file));
    if (key.type !== 'Ed25519') throw new Error(`${file}: expected an Ed25519 key, found ${key.type}`);
    return key;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = await generateKeyPair('Ed25519');
  writeFileSync(`${file}.tmp`, privateKeyToProtobuf(key), { mode: 0o600 });
  chmodSync(`${file}.tmp`, 0o600);
  renameSync(`${file}.tmp`, file);
  return key;
}

/** The peer id a key stands for (what other nodes call this one). */
export const peerIdOf = (key: PrivateKey): string => peerIdFromPrivateKey(key).toString();
