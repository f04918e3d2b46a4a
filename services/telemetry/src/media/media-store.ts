import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MediaItem } from '@pagi/contracts';
import type { Logger } from '@pagi/runtime';
import { baseContentType, extensionFor } from './content-types.ts';

/** Ids are generated UUIDs; anything else in a URL is refused before it gets near the file system. */
export const MEDIA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Client file names are kept only as metadata, bounded and stripped of control characters. */
function cleanOriginalName(name: string | undefined): string {
  const cleaned = (name ?? '').replace(/[\p{Cc}]/gu, '').trim();
  return cleaned.slice(0, 255) || 'recording';
}

export class EmptyUploadError extends Error {}

/**
 * Recordings under one folder: `<id><ext>` holds the bytes and `<id>.json` its metadata (MediaItem).
 * Files are written to a `.part` name first and renamed when complete, so a failed or oversize upload never shows.
 */
export class MediaStore {
  readonly dir: string;
  private readonly items = new Map<string, MediaItem>();
  private readonly logger: Logger;

  constructor(dir: string, logger: Logger) {
    this.dir = path.resolve(dir);
    this.logger = logger;
  }

  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const name of await readdir(this.dir)) {
      if (name.endsWith('.part')) {
        await rm(path.join(this.dir, name), { force: true });
        continue;
      }
      if (!name.endsWith('.json')) continue;
      try {
        const item = MediaItem.parse(JSON.parse(await readFile(path.join(this.dir, name), 'utf8')));
        await stat(this.pathOf(item));
        this.items.set(item.id, item);
      } catch (err) {
        this.logger.warn({ err, file: name }, 'skipping unreadable media metadata');
      }
    }
  }

  /** Streams one upload to disk. Rejects with the stream's error (e.g. the size limit) after removing the file. */
  async save(
    source: Readable,
    meta: { originalName?: string; contentType: string; owner: string },
  ): Promise<MediaItem> {
    const id = randomUUID();
    const contentType = baseContentType(meta.contentType);
    const filename = `${id}${extensionFor(contentType)}`;
    const target = path.join(this.dir, filename);
    const partial = `${target}.part`;
    let size = 0;
    const count = async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        size += chunk.length;
        yield chunk;
      }
    };
    try {
      await pipeline(source, count, createWriteStream(partial, { flags: 'wx' }));
      if (size === 0) throw new EmptyUploadError('the uploaded file is empty');
      await rename(partial, target);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    const item: MediaItem = {
      id,
      filename,
      original_name: cleanOriginalName(meta.originalName),
      content_type: contentType,
      size,
      created_at: new Date().toISOString(),
      owner: meta.owner,
    };
    const sidecar = path.join(this.dir, `${id}.json`);
    await writeFile(`${sidecar}.part`, JSON.stringify(item));
    await rename(`${sidecar}.part`, sidecar);
    this.items.set(id, item);
    return item;
  }

  /** One account's recordings, newest first. */
  list(owner: string): MediaItem[] {
    return [...this.items.values()]
      .filter((i) => i.owner === owner)
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
  }

  /** A recording of this account; another account's is, to it, not there. */
  get(id: string, owner: string): MediaItem | undefined {
    const item = MEDIA_ID.test(id) ? this.items.get(id) : undefined;
    return item?.owner === owner ? item : undefined;
  }

  /** Deletes a recording of this account (its bytes, then its metadata); false when it is not theirs or not there. */
  async remove(id: string, owner: string): Promise<boolean> {
    const item = this.get(id, owner);
    if (!item) return false;
    this.items.delete(id);
    await rm(this.pathOf(item), { force: true });
    await rm(path.join(this.dir, `${id}.json`), { force: true });
    return true;
  }

  get size(): number {
    return this.items.size;
  }

  pathOf(item: MediaItem): string {
    return path.join(this.dir, item.filename);
  }
}
