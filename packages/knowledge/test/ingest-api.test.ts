import { symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FileProgress, IngestEvent, IngestStatusResponse } from '@pagi/contracts';
import { AtlasResponse, KnowledgeStats, PathResponse } from '@pagi/contracts';
import { listen, unary } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../src/index.ts';
import { type Harness, startHarness, waitFor } from './harness.ts';

let h: Harness;
let app: FastifyInstance;
let knowledge: Knowledge;
let baseUrl = '';

const status = async () =>
  (await app.inject({ method: 'GET', url: '/api/knowledge/ingest/status' })).json() as IngestStatusResponse;
const fileNamed = async (name: string) => (await status()).files.find((f) => f.name === name);
const fileIn = (name: string, stages: FileProgress['stage'][]) =>
  waitFor(
    async () => {
      const f = await fileNamed(name);
      return f && stages.includes(f.stage) ? f : undefined;
    },
    20_000,
    `${name} to reach ${stages.join('/')}`,
  );

async function chunksOf(source: string) {
  const res = await unary(h.memory, 'ListMemories', { namespace: 'knowledge', limit: 1000 }, { deadlineMs: 5000 });
  return res.memories.filter((m) => m.source?.file === source);
}

beforeAll(async () => {
  h = await startHarness({ starter: true });
  ({ app, knowledge } = await h.start());
  baseUrl = `http://127.0.0.1:${await listen(app, '127.0.0.1', 0)}`;
  await knowledge.drained();
}, 60_000);
afterAll(async () => h?.close());

describe('starter knowledge', () => {
  it('is ingested on first start, each file into the domain of its folder', async () => {
    const s = await status();
    const starter = s.files.filter((f) => f.path.startsWith(h.starterDir));
    expect(starter.length).toBe(13);
    for (const f of starter) {
      expect(f.stage).toBe('stored');
      expect(f.domain).toBe(path.basename(path.dirname(f.path)));
      expect(f.chunks_done).toBe(f.chunks_total);
      expect(f.chunks_total).toBeGreaterThan(0);
    }
    expect(s.status).toMatchObject({ is_active: false, files_processed: 13, files_failed: 0, current_file: null });
    const stats = KnowledgeStats.parse((await app.inject({ method: 'GET', url: '/api/knowledge/stats' })).json());
    expect(stats.total_files).toBe(13);
    for (const d of ['mind', 'body', 'heart', 'soul'] as const)
      expect(stats.domains[d].files).toBeGreaterThanOrEqual(3);
    const listed = await unary(h.memory, 'ListMemories', { namespace: 'knowledge', limit: 1000 }, { deadlineMs: 5000 });
    expect(listed.total).toBe(stats.total_chunks);
  });

  it('is not ingested again on the next start', async () => {
    const again = await h.start({ INGEST_WATCH: 'false' });
    await again.knowledge.drained();
    const files = (
      await again.app.inject({ method: 'GET', url: '/api/knowledge/ingest/status' })
    ).json() as IngestStatusResponse;
    expect(files.files.filter((f) => f.stage === 'queued' || f.stage === 'skipped')).toHaveLength(0);
    await again.app.close();
    await again.knowledge.close();
  });
});

describe('dropping files', () => {
  const audit = () => path.join(h.ingestDir, 'security-audit.md');

  it('turns a dropped file into searchable knowledge, with live events and a completion message', async () => {
    const ctl = new AbortController();
    const res = await fetch(`${baseUrl}/api/knowledge/ingest/events`, { signal: ctl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events: IngestEvent[] = [];
    const reading = (async () => {
      const dec = new TextDecoder();
      let buf = '';
      for await (const part of res.body!) {
        buf += dec.decode(part as Uint8Array, { stream: true });
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
        }
      }
    })().catch(() => undefined);

    writeFileSync(
      audit(),
      '# Security Audit\n\nFindings: session cookies lack HttpOnly; password reset tokens never expire; the CI deploy key ' +
        'has write access everywhere. Enforce MFA for administrators, rotate the deploy key, and retest in 30 days.\n',
    );
    const done = await waitFor(() => events.find((e) => e.type === 'completed'), 20_000, 'completion event');
    ctl.abort();
    await reading;
    expect(done.type === 'completed' && done.message).toMatch(
      /^Security Audit classified as SOUL \(\d{1,3}% confidence\)$/,
    );
    const stages = events.filter((e) => e.type === 'file').map((e) => (e as { file: FileProgress }).file.stage);
    expect(stages).toEqual(
      expect.arrayContaining(['queued', 'reading', 'classifying', 'chunking', 'storing', 'stored']),
    );
    expect(stages.indexOf('reading')).toBeLessThan(stages.indexOf('stored'));

    const hits = await unary(
      h.memory,
      'QueryMemory',
      { query: 'password reset tokens never expire', namespace: 'knowledge', top_k: 3, domains: ['soul'] },
      { deadlineMs: 5000 },
    );
    expect(hits.results[0]?.source?.file).toBe('ingest:security-audit.md');
    expect(hits.results[0]?.metadata.heading_path).toBe('Security Audit');
  });

  it('serves dozens of dashboards at once, each with every event, without a listener-leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const streams = await Promise.all(
      Array.from({ length: 40 }, () => followEvents(`${baseUrl}/api/knowledge/ingest/events`)),
    );
    try {
      writeFileSync(
        path.join(h.ingestDir, 'many-dashboards.md'),
        '# Dashboards\n\nEvery open dashboard hears about this file.\n',
      );
      for (const s of streams) {
        await waitFor(
          () => s.events.find((e) => e.type === 'completed' && e.file.name === 'many-dashboards.md'),
          20_000,
        );
      }
    } finally {
      for (const s of streams) s.stop();
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('replaces the chunks of a changed file and never duplicates them', async () => {
    const before = await chunksOf('ingest:security-audit.md');
    expect(before.length).toBe(1);
    const sections = Array.from(
      { length: 12 },
      (_, i) =>
        `## Finding ${i}\n\nThe access policy for role ${i} grants more privilege than needed; revoke the unused ` +
        `permissions, require MFA, log every authorization decision to the audit trail, and review quarterly. `.repeat(
          3,
        ),
    );
    writeFileSync(audit(), `# Security Audit\n\n${sections.join('\n\n')}`);
    const f = await waitFor(
      async () => {
        const x = await fileNamed('security-audit.md');
        return x?.stage === 'stored' && x.chunks_total > 1 ? x : undefined;
      },
      20_000,
      'the changed file to be stored',
    );
    const after = await chunksOf('ingest:security-audit.md');
    expect(after.length).toBe(f.chunks_total);
    expect(new Set(after.map((m) => m.source?.chunk_index)).size).toBe(after.length);
    expect(after.every((m) => !m.content.includes('session cookies'))).toBe(true);
  });

  it('skips an unchanged file when asked to ingest it again', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/knowledge/ingest',
      payload: { file_path: 'security-audit.md' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ success: true, queued: 1 });
    const f = await fileIn('security-audit.md', ['skipped']);
    expect((await chunksOf('ingest:security-audit.md')).length).toBe(f.chunks_total);
  });

  it('removes the chunks of a deleted file', async () => {
    unlinkSync(audit());
    await waitFor(async () => !(await fileNamed('security-audit.md')), 20_000, 'the deleted file to leave the ledger');
    expect(await chunksOf('ingest:security-audit.md')).toHaveLength(0);
  });
});

describe('refusals and failures', () => {
  it('refuses paths outside the allowed folders, including symlinks pointing out, and reports them', async () => {
    const outside = await app.inject({
      method: 'POST',
      url: '/api/knowledge/ingest',
      payload: { file_path: '/etc/passwd' },
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('path_not_allowed');
    symlinkSync('/etc/hostname', path.join(h.ingestDir, 'host.txt'));
    const linked = await app.inject({
      method: 'POST',
      url: '/api/knowledge/ingest',
      payload: { file_path: 'host.txt' },
    });
    expect(linked.statusCode).toBe(403);
    expect(linked.json().error.message).toMatch(/symlink points outside/);
    const f = await fileIn('host.txt', ['failed']);
    expect(f.error).toMatch(/symlink points outside/);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/knowledge/ingest',
      payload: { file_path: 'nope.md' },
    });
    expect(missing.statusCode).toBe(404);
    const bad = await app.inject({ method: 'POST', url: '/api/knowledge/ingest', payload: { file_path: 42 } });
    expect(bad.statusCode).toBe(400);
  });

  it('rejects binary, empty and oversized files with a reason, and can retry them', async () => {
    writeFileSync(path.join(h.ingestDir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    writeFileSync(path.join(h.ingestDir, 'empty.md'), '');
    expect((await fileIn('photo.txt', ['failed'])).error).toMatch(/binary/);
    expect((await fileIn('empty.md', ['failed'])).error).toBe('empty file');
    const s = await status();
    expect(s.status.files_failed).toBeGreaterThanOrEqual(3);
    expect(s.status.last_error).toBeTruthy();

    const photo = (await fileNamed('photo.txt'))!;
    const retry = await app.inject({ method: 'POST', url: `/api/knowledge/ingest/${photo.id}/retry` });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().file.stage).toBe('queued');
    await fileIn('photo.txt', ['failed']);
    const stored = (await status()).files.find((f) => f.stage === 'stored')!;
    const refused = await app.inject({ method: 'POST', url: `/api/knowledge/ingest/${stored.id}/retry` });
    expect(refused.statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: '/api/knowledge/ingest/0123456789abcdef/retry' })).statusCode).toBe(
      404,
    );
    expect((await app.inject({ method: 'POST', url: '/api/knowledge/ingest/../../x/cancel' })).statusCode).toBe(404);
  });

  it('cancels a running and a queued file, leaving no partial chunks', async () => {
    const big = Array.from(
      { length: 3000 },
      (_, i) =>
        `2025-05-01T12:00:00Z INFO gateway request id=${i} path=/v2/items/${i} status=200 duration_ms=${i % 300}`,
    ).join('\n');
    // A second instance with its own state and folder, working one file at a time.
    const own = path.join(h.dataDir, 'solo');
    const solo = await h.start({ DATA_DIR: own, INGEST_WATCH: 'false', INGEST_CONCURRENCY: '1' });
    writeFileSync(path.join(own, 'ingest', 'big.log'), big);
    writeFileSync(path.join(own, 'ingest', 'small.md'), '# Small\n\nA short note about preferences.');
    const offer = (p: string) =>
      solo.app.inject({ method: 'POST', url: '/api/knowledge/ingest', payload: { file_path: p } });
    await offer('big.log');
    await offer('small.md');
    const list = async () =>
      ((await solo.app.inject({ method: 'GET', url: '/api/knowledge/ingest/status' })).json() as IngestStatusResponse)
        .files;
    const bigRow = await waitFor(
      async () => (await list()).find((f) => f.name === 'big.log' && f.stage === 'storing' && f.chunks_done > 0),
      20_000,
      'big.log to embed',
    );
    const smallRow = (await list()).find((f) => f.name === 'small.md')!;
    expect(smallRow.stage).toBe('queued');
    expect(
      (await solo.app.inject({ method: 'POST', url: `/api/knowledge/ingest/${smallRow.id}/cancel` })).json().file.stage,
    ).toBe('cancelled');
    expect(
      (await solo.app.inject({ method: 'POST', url: `/api/knowledge/ingest/${bigRow.id}/cancel` })).statusCode,
    ).toBe(200);
    await solo.knowledge.drained();
    const after = await list();
    expect(after.find((f) => f.name === 'big.log')!.stage).toBe('cancelled');
    expect(after.find((f) => f.name === 'small.md')!.stage).toBe('cancelled');
    expect(await chunksOf('ingest:big.log')).toHaveLength(0);
    const again = await solo.app.inject({ method: 'POST', url: `/api/knowledge/ingest/${smallRow.id}/cancel` });
    expect(again.statusCode).toBe(409);
    await solo.app.close();
    await solo.knowledge.close();
  });
});

describe('atlas and paths', () => {
  it('lays the knowledge out in 3D with PCA and UMAP, stably, with similarity edges', async () => {
    for (const method of ['pca', 'umap'] as const) {
      const get = async () =>
        AtlasResponse.parse(
          (await app.inject({ method: 'GET', url: `/api/knowledge/atlas?method=${method}&max_nodes=20` })).json(),
        );
      const a = await get();
      expect(a.method).toBe(method);
      expect(a.nodes.length).toBe(Math.min(20, a.total));
      for (const n of a.nodes) for (const c of [n.x, n.y, n.z]) expect(Math.abs(c)).toBeLessThanOrEqual(1);
      expect(new Set(a.nodes.map((n) => n.domain)).size).toBeGreaterThan(1);
      const ids = new Set(a.nodes.map((n) => n.id));
      for (const e of a.edges) {
        expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
        expect(e.similarity).toBeGreaterThanOrEqual(0.3);
      }
      const b = await get();
      expect(b.nodes).toEqual(a.nodes);
    }
    const bad = await app.inject({ method: 'GET', url: '/api/knowledge/atlas?method=tsne' });
    expect(bad.statusCode).toBe(400);
  });

  it('finds the strongest semantic chain between two memories', async () => {
    const a = AtlasResponse.parse(
      (await app.inject({ method: 'GET', url: '/api/knowledge/atlas?max_nodes=500' })).json(),
    );
    const [first, last] = [a.nodes[0]!, a.nodes[a.nodes.length - 1]!];
    const r = PathResponse.parse(
      (
        await app.inject({
          method: 'POST',
          url: '/api/knowledge/path',
          payload: { source_id: first.id, target_id: last.id },
        })
      ).json(),
    );
    if (r.found) {
      expect(r.path[0]!.id).toBe(first.id);
      expect(r.path[r.path.length - 1]!.id).toBe(last.id);
      const product = r.path.slice(1).reduce((p, s) => p * s.similarity, 1);
      expect(r.total_strength).toBeCloseTo(product, 4);
    } else {
      expect(r.path).toEqual([]);
    }
    const self = PathResponse.parse(
      (
        await app.inject({
          method: 'POST',
          url: '/api/knowledge/path',
          payload: { source_id: first.id, target_id: first.id },
        })
      ).json(),
    );
    expect(self).toMatchObject({ found: true, total_strength: 1 });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/knowledge/path',
      payload: { source_id: first.id, target_id: 'nope' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('exposes ingestion metrics by status and domain', async () => {
    const m = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(m).toMatch(/knowledge_ingest_files\{[^}]*status="stored"[^}]*domain="soul"[^}]*\} \d+/);
    expect(m).toMatch(/knowledge_ingest_outcomes_total\{[^}]*outcome="stored"/);
  });
});

/** Follows an ingestion event stream, collecting its events until stopped. */
async function followEvents(url: string): Promise<{ events: IngestEvent[]; stop: () => void }> {
  const ctl = new AbortController();
  const res = await fetch(url, { signal: ctl.signal });
  const events: IngestEvent[] = [];
  void (async () => {
    const dec = new TextDecoder();
    let buf = '';
    for await (const part of res.body!) {
      buf += dec.decode(part as Uint8Array, { stream: true });
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
      }
    }
  })().catch(() => undefined);
  return { events, stop: () => ctl.abort() };
}
