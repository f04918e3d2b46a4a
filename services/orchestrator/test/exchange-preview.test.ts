import { ExchangePreview, MAX_PREVIEW_TEXT_BYTES } from '@pagi/contracts';
import { redact } from '@pagi/redaction';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orchestratorAccess } from '../src/auth/route-access.ts';
import { ok, refused, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

// POST /api/phoenix/exchange/preview over HTTP on a real orchestrator with the mesh off: what would leave for a
// text, exactly as the redaction of outbound memories produces it.
const PREVIEW = '/api/phoenix/exchange/preview';

describe('exchange preview', () => {
  let orch: TestOrchestrator;
  beforeAll(async () => {
    orch = await startTestOrchestrator();
  });
  afterAll(() => orch.close());

  it('answers the redacted text and the count per type, with the mesh off', async () => {
    const text = 'Met Sarah Connor; mail sarah@example.org or sam@example.com, DB password: Qx7!vR2m, port 5432.';
    const preview = ok(await orch.post(PREVIEW, { text }), ExchangePreview);
    expect(preview).toEqual({
      text: 'Met [PERSON]; mail [EMAIL] or [EMAIL], DB password: [PASSWORD], port 5432.',
      redactions: [
        { type: 'PASSWORD', count: 1 },
        { type: 'EMAIL', count: 2 },
        { type: 'PERSON', count: 1 },
      ],
    });
    expect(preview).toEqual(redact(text));
  });

  it('gives text without anything to redact back unchanged', async () => {
    const text = 'p50 12.5 ms, v2.14.3, meeting on 2024-05-14 in room 3.14';
    expect(ok(await orch.post(PREVIEW, { text }), ExchangePreview)).toEqual({ text, redactions: [] });
  });

  it('refuses a body without a text with 400', async () => {
    for (const body of [{}, { text: 42 }, { txt: 'x' }, 'not json', []]) {
      expect(refused(await orch.post(PREVIEW, body), 400).code).toMatch(/invalid_request|bad_json|bad_request/);
    }
  });

  it('refuses text over 256 KiB with 413, and a body over the server limit with 413 too', async () => {
    const over = 'a'.repeat(MAX_PREVIEW_TEXT_BYTES + 1);
    expect(refused(await orch.post(PREVIEW, { text: over }), 413).code).toBe('payload_too_large');
    // Multi-byte characters count as the bytes they take.
    const wide = 'é'.repeat(MAX_PREVIEW_TEXT_BYTES / 2 + 1);
    expect(refused(await orch.post(PREVIEW, { text: wide }), 413).code).toBe('payload_too_large');
    expect(refused(await orch.post(PREVIEW, { text: 'a'.repeat(2 * 1024 * 1024) }), 413).code).toBe(
      'payload_too_large',
    );
    ok(await orch.post(PREVIEW, { text: 'a'.repeat(MAX_PREVIEW_TEXT_BYTES) }), ExchangePreview);
  });

  it('needs the memory permission', () => {
    expect(orchestratorAccess('POST', PREVIEW)).toBe('memory');
  });
});
