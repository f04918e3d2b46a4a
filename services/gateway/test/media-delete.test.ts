// Deleting a recording through the gateway reaches telemetry's DELETE /v1/media/:id; downloads pass through too.
import { MediaUploadResponse } from '@pagi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, type RunningTelemetry, startGateway, startTelemetry } from './helpers/servers.ts';

let telemetry: RunningTelemetry;
let gateway: RunningGateway;

beforeAll(async () => {
  telemetry = await startTelemetry({ intervalMs: 1000, maxBytes: 100_000 });
  gateway = await startGateway({ TELEMETRY_URL: telemetry.url });
});
afterAll(async () => {
  await gateway?.close();
  await telemetry?.close();
});

describe('DELETE /api/media/:id through the gateway', () => {
  it('deletes the recording in telemetry, and a second delete finds nothing', async () => {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(2_000).fill(7)], { type: 'audio/webm' }), 'note.webm');
    const up = await fetch(`${gateway.url}/api/media/upload`, { method: 'POST', body: fd });
    expect(up.status).toBe(200);
    const { id } = MediaUploadResponse.parse(await up.json());

    const download = await fetch(`${gateway.url}/api/media/${id}?download=1`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="note.webm"/);
    await download.arrayBuffer();

    const res = await fetch(`${gateway.url}/api/media/${id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: true, id });
    expect(telemetry.media.get(id, 'local')).toBeUndefined();
    const again = await fetch(`${gateway.url}/api/media/${id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });
});
