import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IngestStatusResponse } from '@pagi/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, startHarness, waitFor } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => h?.close());

it('keeps a file queued with a clear error while the memory service is down, and stores it once it is back', async () => {
  const { app } = await h.start();
  await h.stack.stop('memory');
  writeFileSync(
    path.join(h.ingestDir, 'preferences.md'),
    '# Preferences\n\nShort answers, jazz, and no reminders after 22:00.',
  );
  const file = async () =>
    (
      (await app.inject({ method: 'GET', url: '/api/knowledge/ingest/status' })).json() as IngestStatusResponse
    ).files.find((f) => f.name === 'preferences.md');
  const waiting = await waitFor(
    async () => {
      const f = await file();
      return f?.stage === 'queued' && f.error ? f : undefined;
    },
    20_000,
    'the outage to be reported',
  );
  expect(waiting.error).toMatch(/memory service unavailable, retrying in \d+ s/);

  await h.stack.start('memory');
  const stored = await waitFor(
    async () => {
      const f = await file();
      return f?.stage === 'stored' ? f : undefined;
    },
    30_000,
    'the file to be stored after the memory service returned',
  );
  expect(stored).toMatchObject({ domain: 'heart', error: null, chunks_done: 1, chunks_total: 1 });
}, 60_000);
