// Starts the real telemetry HTTP app in this process on an ephemeral port with a temporary media folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IdentitySigner } from '@pagi/auth';
import { createLogger, listen } from '@pagi/runtime';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { buildTelemetryApp } from '../src/http/telemetry-app.ts';
import { MediaStore } from '../src/media/media-store.ts';
import { readHostSample } from '../src/sampler/host-reader.ts';
import { SharedSampler } from '../src/sampler/shared-sampler.ts';

export const silent = createLogger('test', 'silent');

export async function startTelemetry(opts: { intervalMs?: number; maxBytes?: number; dir?: string } = {}) {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'pagi-media-'));
  const sampler = new SharedSampler({ read: readHostSample, intervalMs: opts.intervalMs ?? 200, logger: silent });
  const media = new MediaStore(dir, silent);
  await media.open();
  const lines: string[] = [];
  const logger = createLogger('telemetry', 'info', (l) => lines.push(l));
  const app = await buildTelemetryApp({
    logger,
    sampler,
    media,
    mediaMaxBytes: opts.maxBytes ?? 100_000,
    auth: { mode: 'off', signer: new IdentitySigner(TEST_SERVICE_TOKEN) },
  });
  const port = await listen(app, '127.0.0.1', 0);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    /** What the service logged (info and above), parsed. */
    logs: () => lines.map((l) => JSON.parse(l) as { level: number; msg: string }),
    dir,
    sampler,
    media,
    // Keep-alive connections the test's fetch still holds are cut first, so closing never waits on the client.
    stop: async () => {
      app.server.closeAllConnections();
      await app.close();
      sampler.stop();
    },
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
      sampler.stop();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
