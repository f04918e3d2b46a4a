import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CodedError } from '@pagi/contracts';
import { isSupported, SUPPORTED_EXTENSIONS } from '../formats/read.ts';
import { isIgnored } from './scan.ts';

// Files uploaded through the API land in the ingest folder under the name they were sent with, after the same
// checks a dropped file gets (format, size) and a few more for the name, which comes from the client: one plain
// file name, never a path. Bytes are streamed to a hidden partial file (the watcher and scans ignore it) and
// renamed into place once complete, so a refused or cut-off upload leaves nothing behind.

const MAX_NAME_BYTES = 255;
const PARTIAL_PREFIX = '.upload-';
const PARTIAL_SUFFIX = '.part';

/** The upload went past INGEST_MAX_FILE_BYTES (raised by the stream so the partial file is dropped). */
export class UploadTooLarge extends CodedError {
  constructor(maxBytes: number) {
    super('payload_too_large', `the file is larger than the limit of ${maxBytes} bytes (INGEST_MAX_FILE_BYTES)`);
    this.name = 'UploadTooLarge';
  }
}

const badName = (name: string, why: string) =>
  new CodedError('invalid_request', `file name ${JSON.stringify(name.slice(0, 80))} is refused: ${why}`);

/** The name an upload is stored under in the ingest folder, or the reason it cannot be. */
export function uploadName(raw: string | undefined): string {
  const name = (raw ?? '').normalize('NFC').trim();
  if (!name) throw new CodedError('invalid_request', 'the upload has no file name');
  if (/[/\\]/.test(name) || name === '..' || name.includes('\0')) {
    throw new CodedError(
      'path_not_allowed',
      `file name ${JSON.stringify(name.slice(0, 80))} is refused: a plain name is stored in the ingest folder, not a path`,
    );
  }
  if (/\p{Cc}/u.test(name)) throw badName(name, 'it contains control characters');
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES)
    throw badName(name, `it is longer than ${MAX_NAME_BYTES} bytes`);
  if (name.startsWith('.') || isIgnored(name)) {
    throw badName(name, 'hidden, backup and partial-download names are never ingested');
  }
  if (name.toLowerCase() === 'readme.md') throw badName(name, "README.md is the ingest folder's own description");
  if (!isSupported(name)) {
    const ext = path.extname(name) || 'no extension';
    throw new CodedError(
      'unsupported_media_type',
      `unsupported format "${ext}" (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`,
    );
  }
  return name;
}

export interface SavedUpload {
  path: string;
  bytes: number;
  /** A file of that name was there before and has been replaced. */
  replaced: boolean;
}

/**
 * Streams `source` into `<dir>/<name>`, failing with UploadTooLarge as soon as more than `maxBytes` have arrived.
 * `name` must have passed uploadName().
 */
export async function saveUpload(source: Readable, dir: string, name: string, maxBytes: number): Promise<SavedUpload> {
  const target = path.join(dir, name);
  if (path.dirname(target) !== path.resolve(dir))
    throw new CodedError('path_not_allowed', `${name} is not a plain name`);
  const existing = await lstat(target).catch(() => null);
  if (existing && !existing.isFile()) {
    throw new CodedError('already_exists', `${name} exists in the ingest folder and is not a regular file`);
  }
  const partial = path.join(dir, `${PARTIAL_PREFIX}${randomUUID()}${PARTIAL_SUFFIX}`);
  let bytes = 0;
  const bounded = async function* (chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new UploadTooLarge(maxBytes);
      yield chunk;
    }
  };
  try {
    await pipeline(source, bounded, createWriteStream(partial, { flags: 'wx' }));
    if (bytes === 0) throw new CodedError('empty_file', 'the uploaded file is empty');
    await rename(partial, target);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  return { path: target, bytes, replaced: existing !== null };
}

/** Partial uploads a crash left in the folder. */
export async function removeStaleUploads(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(PARTIAL_PREFIX) && n.endsWith(PARTIAL_SUFFIX));
  await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })));
  return stale.length;
}
