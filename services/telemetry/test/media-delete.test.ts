// Deleting and downloading recordings: only the owner's, the bytes and the metadata both gone, and a download that
// saves under the uploaded name without letting that name shape the header.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { MediaUploadResponse } from '@pagi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../src/media/download-name.ts';
import { startTelemetry } from './helpers.ts';

let t: Awaited<ReturnType<typeof startTelemetry>>;
beforeAll(async () => {
  t = await startTelemetry();
});
afterAll(async () => t?.close());

const bytes = new Uint8Array(4_000).map((_, i) => (i * 13) % 256);
async function upload(name: string): Promise<string> {
  const fd = new FormData();
  fd.append('file', new Blob([bytes], { type: 'audio/webm' }), name);
  const res = await fetch(`${t.url}/v1/media/upload`, { method: 'POST', body: fd });
  expect(res.status).toBe(200);
  return MediaUploadResponse.parse(await res.json()).id;
}
const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('DELETE /v1/media/:id', () => {
  it('removes the recording, its bytes and its metadata, once', async () => {
    const id = await upload('standup.webm');
    const stored = readdirSync(t.dir).filter((f) => f.startsWith(id));
    expect(stored).toHaveLength(2);

    const res = await fetch(`${t.url}/v1/media/${id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: true, id });
    for (const f of stored) expect(existsSync(path.join(t.dir, f))).toBe(false);
    const gone = await fetch(`${t.url}/v1/media/${id}`);
    await gone.arrayBuffer();
    expect(gone.status).toBe(404);
    const list = (await (await fetch(`${t.url}/v1/media`)).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(id);

    const again = await fetch(`${t.url}/v1/media/${id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(await codeOf(again)).toBe('not_found');
  });

  it("leaves another account's recording alone and answers as if it were not there", async () => {
    const theirs = await t.media.save(Readable.from([Buffer.from(bytes)]), {
      originalName: 'theirs.webm',
      contentType: 'audio/webm',
      owner: 'someone-else',
    });
    const res = await fetch(`${t.url}/v1/media/${theirs.id}`, { method: 'DELETE' });
    await res.arrayBuffer();
    expect(res.status).toBe(404);
    expect(existsSync(t.media.pathOf(theirs))).toBe(true);
    expect(t.media.get(theirs.id, 'someone-else')).toBeDefined();
  });

  it('refuses malformed ids before the file system', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', 'not-an-id', '%00']) {
      const res = await fetch(`${t.url}/v1/media/${id}`, { method: 'DELETE' });
      await res.arrayBuffer();
      expect(res.status).toBe(404);
    }
  });

  it('keeps the deletion across a restart', async () => {
    const id = await upload('gone.webm');
    await (await fetch(`${t.url}/v1/media/${id}`, { method: 'DELETE' })).arrayBuffer();
    await t.stop();
    t = await startTelemetry({ dir: t.dir });
    expect(t.media.get(id, 'local')).toBeUndefined();
  });
});

describe('GET /v1/media/:id?download=1', () => {
  it('saves the whole file under its uploaded name', async () => {
    const id = await upload('Réunion lundi (1).webm');
    const res = await fetch(`${t.url}/v1/media/${id}?download=1`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(bytes));
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="R_union_lundi_1_.webm"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Réunion lundi (1).webm');
    // Played in the page, the same file stays inline.
    // Bodies are read to the end, so no response is left open when the server closes.
    const inline = await fetch(`${t.url}/v1/media/${id}`);
    await inline.arrayBuffer();
    expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);
  });

  it('never lets a name break out of the header', () => {
    const header = attachmentDisposition('a";\r\nx-evil: 1\\.webm', 'fallback.webm');
    expect(header).not.toMatch(/[\r\n\\]/);
    expect(header.split('"')).toHaveLength(3);
    expect(attachmentDisposition('ééé', 'fallback.webm')).toContain('filename="fallback.webm"');
  });
});
