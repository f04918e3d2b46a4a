import { describe, expect, it } from 'vitest';
import { doubtfulFile, file } from '../../test/fixtures.ts';
import {
  aggregate,
  completionMessage,
  confidenceByDomain,
  confidenceText,
  type IngestionAction,
  ingestionReducer,
  initialIngestionState,
  orderFiles,
  progressOf,
} from './ingestionModel.ts';

const summary = { is_active: true, files_processed: 0, files_failed: 0, current_file: null, last_error: null };
const run = (actions: IngestionAction[]) => actions.reduce(ingestionReducer, initialIngestionState);
const t = (s: number) => `2026-01-01T00:00:${String(s).padStart(2, '0')}.000Z`;

describe('ingestion progress aggregation', () => {
  it('counts processed, failed and active files, never below the server totals', () => {
    const files = [
      file({ id: 'a', stage: 'stored' }),
      file({ id: 'b', stage: 'skipped' }),
      file({ id: 'c', stage: 'failed', error: 'unreadable' }),
      file({ id: 'd', stage: 'storing' }),
      file({ id: 'e', stage: 'queued' }),
      file({ id: 'f', stage: 'cancelled' }),
    ];
    expect(aggregate(files, null)).toEqual({ processed: 2, failed: 1, active: 2, review: 0, total: 6 });
    expect(aggregate(files, { ...summary, files_processed: 40, files_failed: 3 })).toMatchObject({
      processed: 40,
      failed: 3,
    });
  });

  it('counts stored files with a low-confidence domain as needing review', () => {
    const files = [
      file({ id: 'a', stage: 'stored', domain: 'heart', low_confidence: true }),
      file({ id: 'b', stage: 'skipped', domain: 'body', low_confidence: true }),
      file({ id: 'c', stage: 'stored', domain: 'soul', low_confidence: false }),
      // Failed files are not in the knowledge base, whatever their classification said.
      file({ id: 'd', stage: 'failed', domain: 'mind', low_confidence: true }),
    ];
    expect(aggregate(files, null).review).toBe(2);
    expect(aggregate(files, { ...summary, files_low_confidence: 5 }).review).toBe(5);
  });

  it('advances the bar through the stages and by chunks while storing', () => {
    const stages = ['queued', 'reading', 'classifying', 'chunking'] as const;
    const values = stages.map((stage) => progressOf(file({ stage })));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const half = progressOf(file({ stage: 'storing', chunks_done: 5, chunks_total: 10 }));
    const most = progressOf(file({ stage: 'storing', chunks_done: 9, chunks_total: 10 }));
    expect(half).toBeGreaterThan(values[3]!);
    expect(most).toBeGreaterThan(half);
    expect(progressOf(file({ stage: 'stored' }))).toBe(1);
    expect(progressOf(file({ stage: 'failed' }))).toBe(1);
  });

  it('names the domain and confidence in the completion message', () => {
    expect(completionMessage(file({ stage: 'stored', domain: 'soul', confidence: 0.981 }))).toBe(
      'Security Audit classified as SOUL (98% confidence)',
    );
    expect(
      completionMessage(
        file({ title: undefined, name: 'notes.txt', stage: 'stored', domain: 'mind', confidence: null }),
      ),
    ).toBe('notes classified as MIND');
    const doubtful = doubtfulFile();
    expect(completionMessage(doubtful)).toBe(
      'Weekly Check In classified as HEART with low confidence (66%; next: BODY 32%) — check the domain',
    );
    expect(confidenceText(doubtful)).toBe('Heart 66%, next: Body 32%');
    expect(confidenceText({ ...doubtful, runner_up: null })).toBe('Heart 66%');
  });

  it('lists active files first, newest first', () => {
    const ordered = orderFiles([
      file({ id: 'old-done', stage: 'stored', updated_at: t(1) }),
      file({ id: 'active', stage: 'chunking', updated_at: t(2) }),
      file({ id: 'new-done', stage: 'stored', updated_at: t(3) }),
    ]);
    expect(ordered.map((f) => f.id)).toEqual(['active', 'new-done', 'old-done']);
  });

  it('averages confidence per domain over classified files', () => {
    const c = confidenceByDomain([
      file({ id: 'a', stage: 'stored', domain: 'soul', confidence: 0.9 }),
      file({ id: 'b', stage: 'stored', domain: 'soul', confidence: 0.7 }),
      file({ id: 'c', stage: 'failed', domain: 'mind', confidence: 0.2 }),
    ]);
    expect(c.soul).toEqual({ mean: 0.8, files: 2 });
    expect(c.mind).toEqual({ mean: null, files: 0 });
  });
});

describe('ingestion events and polling', () => {
  it('announces a completion from the stream once, even when replayed', () => {
    const done = file({ stage: 'stored', domain: 'soul', confidence: 0.98, updated_at: t(5) });
    const message = 'Security Audit classified as SOUL (98% confidence)';
    const s = run([
      { type: 'event', event: { type: 'file', file: file({ stage: 'classifying', updated_at: t(1) }) } },
      { type: 'event', event: { type: 'completed', file: done, message } },
      { type: 'event', event: { type: 'completed', file: done, message } },
    ]);
    expect(s.completions).toEqual([{ key: `f1@${t(5)}`, message, tone: 'soul' }]);
    expect(s.files.f1!.stage).toBe('stored');
  });

  it('does not let an older update overwrite a newer one', () => {
    const s = run([
      { type: 'event', event: { type: 'file', file: file({ stage: 'storing', updated_at: t(4) }) } },
      { type: 'snapshot', summary, files: [file({ stage: 'reading', updated_at: t(2) })], initial: false },
    ]);
    expect(s.files.f1!.stage).toBe('storing');
  });

  it('treats files finished before the page opened as history, and announces completions seen by polling', () => {
    const first = run([
      {
        type: 'snapshot',
        summary,
        files: [file({ id: 'old', stage: 'stored', domain: 'mind', confidence: 0.5 })],
        initial: true,
      },
    ]);
    expect(first.completions).toEqual([]);

    const polled = [
      { type: 'snapshot', summary, files: [file({ stage: 'chunking', updated_at: t(1) })], initial: false },
      {
        type: 'snapshot',
        summary,
        files: [file({ stage: 'stored', domain: 'body', confidence: 0.75, updated_at: t(2) })],
        initial: false,
      },
      {
        type: 'snapshot',
        summary,
        files: [file({ stage: 'stored', domain: 'body', confidence: 0.75, updated_at: t(2) })],
        initial: false,
      },
    ] satisfies IngestionAction[];
    const s = polled.reduce(ingestionReducer, first);
    expect(s.completions.map((c) => c.message)).toEqual(['Security Audit classified as BODY (75% confidence)']);
    expect(ingestionReducer(s, { type: 'drain' }).completions).toEqual([]);
  });

  it('announces a file that fails while the page is open as an error, once, but not one that had failed before', () => {
    const failed = file({
      stage: 'failed',
      error: 'binary content (a NUL byte at offset 2), not text',
      updated_at: t(3),
    });
    const s = run([
      { type: 'snapshot', summary, files: [file({ id: 'old', stage: 'failed', error: 'empty file' })], initial: true },
      { type: 'event', event: { type: 'file', file: file({ stage: 'reading', updated_at: t(1) }) } },
      { type: 'event', event: { type: 'file', file: failed } },
      { type: 'snapshot', summary, files: [failed], initial: false },
    ]);
    expect(s.completions).toEqual([
      {
        key: `f1@${t(3)}`,
        message: 'security-audit.md could not be ingested: binary content (a NUL byte at offset 2), not text',
        tone: 'error',
      },
    ]);
  });

  it('drops a removed file at once, and a file a whole status list no longer names', () => {
    const a = file({ id: 'a', stage: 'stored', updated_at: t(1) });
    const b = file({ id: 'b', stage: 'stored', updated_at: t(2) });
    const late = file({ id: 'late', stage: 'queued', updated_at: t(9) });
    let s = run([{ type: 'snapshot', summary, files: [a, b], initial: true, readAt: t(2) }]);
    s = ingestionReducer(s, { type: 'event', event: { type: 'removed', id: 'a', name: a.name } });
    expect(Object.keys(s.files)).toEqual(['b']);
    expect(s.removed).toBe(1);
    s = ingestionReducer(s, { type: 'event', event: { type: 'file', file: late } });
    // Deleted while the stream was down: the next list no longer has b; the file that arrived after it was read stays.
    s = ingestionReducer(s, { type: 'snapshot', summary, files: [], initial: false, readAt: t(5) });
    expect(Object.keys(s.files)).toEqual(['late']);
    expect(s.removed).toBe(2);
    expect(ingestionReducer(s, { type: 'removed', id: 'late' }).files).toEqual({});
  });

  it('says a document was re-filed when a person chose its domain', () => {
    expect(completionMessage(file({ stage: 'stored', domain: 'body', confidence: 1, manual_domain: true }))).toBe(
      'Security Audit re-filed as BODY',
    );
  });

  it('keeps the latest summary from status events', () => {
    const s = run([{ type: 'event', event: { type: 'status', status: { ...summary, files_processed: 7 } } }]);
    expect(s.summary?.files_processed).toBe(7);
  });
});
