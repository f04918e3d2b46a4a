import { randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../config/root.ts';

/** Where the generated token is kept when SERVICE_TOKEN is not set: every service of a bare-metal node reads it. */
export function serviceTokenFile(dataDir: string): string {
  return path.join(fromRoot(dataDir), 'state', 'service-token');
}

const MIN_LENGTH = 24;

/**
 * The token services present to each other's gRPC servers: SERVICE_TOKEN when set (compose sets it through `.env`,
 * since its services do not share one data folder), else the one in the data folder, made by whichever service
 * starts first (created exclusively, so two services starting at once agree on one).
 */
export function resolveServiceToken(config: { SERVICE_TOKEN?: string | undefined; DATA_DIR: string }): string {
  if (config.SERVICE_TOKEN) {
    if (config.SERVICE_TOKEN.length < MIN_LENGTH) {
      throw new Error(`SERVICE_TOKEN must have at least ${MIN_LENGTH} characters`);
    }
    return config.SERVICE_TOKEN;
  }
  const file = serviceTokenFile(config.DATA_DIR);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, randomBytes(32).toString('base64url'));
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // A file another service created a moment ago may still be empty: read until it holds the whole token.
  const until = Date.now() + 2000;
  for (;;) {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length >= MIN_LENGTH) return token;
    if (Date.now() > until) throw new Error(`${file} holds no valid service token; delete it to make a new one`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}

/** `authorization` metadata value a client sends. */
export const bearer = (token: string) => `Bearer ${token}`;

/** Whether an `authorization` value carries exactly this token (compared in constant time). */
export function carriesToken(authorization: unknown, token: string): boolean {
  if (typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return false;
  const given = Buffer.from(authorization.slice(7));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}
