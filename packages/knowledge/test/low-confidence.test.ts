import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IngestEvent, IngestStatusResponse } from '@pagi/contracts';
import { unary } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../src/index.ts';
import { RUN_LOG, WEEKLY_CHECK_IN } from './fixtures/notes.ts';
import { type Harness, startHarness, waitFor } from './harness.ts';

let h: Harness;
let app: FastifyInstance;
let knowledge: Knowledge;

beforeAll(async () => {
  h = await startHarness();
  ({ app, knowledge } = await h.start());
}, 60_000);
afterAll(async () => h?.close());

const status = async () =>
  (await app.inject({ method: 'GET', url: '/api/knowledge/ingest/status' })).json() as IngestStatusResponse;

describe('low-confidence classification', () => {
  it('flags the note that could belong to two domains, stores it anyway, and leaves the clear one alone', async () => {
    const messages: string[] = [];
    const unsubscribe = knowledge.subscribe((e: IngestEvent) => {
      if (e.type === 'completed') messages.push(e.message);
    });
    writeFileSync(path.join(h.ingestDir, 'weekly-check-in.md'), WEEKLY_CHECK_IN);
    writeFileSync(path.join(h.ingestDir, 'run-log-march.txt'), RUN_LOG);
    await waitFor(async () => (await status()).files.filter((f) => f.stage === 'stored').length === 2, 20_000);
    unsubscribe();

    const s = await status();
    const mixed = s.files.find((f) => f.name === 'weekly-check-in.md')!;
    const clear = s.files.find((f) => f.name === 'run-log-march.txt')!;
    expect(mixed).toMatchObject({ low_confidence: true, runner_up: expect.stringMatching(/^(body|heart)$/) });
    expect(mixed.runner_up).not.toBe(mixed.domain);
    expect(mixed.confidence! - mixed.runner_up_confidence!).toBeLessThan(0.5);
    expect(clear).toMatchObject({ domain: 'body', low_confidence: false });
    expect(s.status.files_low_confidence).toBe(1);

    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Weekly Check In classified as (BODY|HEART) with low confidence \(\d+%; next: (BODY|HEART) \d+%\) — check the domain$/,
      ),
    );
    expect(messages).toContainEqual(expect.stringMatching(/^Run Log March classified as BODY \(\d+% confidence\)$/));

    // Nothing is held back: the doubtful note is searchable in the domain it was filed under.
    const listed = await unary(h.memory, 'ListMemories', { namespace: 'knowledge', limit: 100 }, { deadlineMs: 5000 });
    const chunks = listed.memories.filter((m) => m.source?.file === 'ingest:weekly-check-in.md');
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((m) => m.domain === mixed.domain)).toBe(true);
  });
});
