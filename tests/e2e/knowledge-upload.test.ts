// Managing knowledge from the browser against the whole stack: files uploaded with the picker and by drag and drop
// followed to "done" and found by a memory search; a document re-filed into another domain; documents deleted from
// the Hub and from the folder leaving the Hub at once; an unreadable format refused without a Retry; and the
// atlas's pickers, hover text and two-click path.
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryQueryResponse } from '@pagi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';

const GARDEN = `# Garden Journal

The tomatoes along the south fence ripened in the second week of August. The basil bolted early; next year sow it
in partial shade and pinch the flower heads. Compost from the autumn leaves went onto the raised beds.
`;

const TRAINING = `# Interval Training

Six intervals of four minutes at threshold pace with two minutes of easy jogging between them. Heart rate peaked
at 176; cadence stayed at 182 steps per minute. Recovery run the next morning, 40 minutes easy.
`;

const READING = `# Reading Notes

Notes on stoic philosophy: what is in our control and what is not; virtue as the only good; the discipline of
assent. Marcus Aurelius wrote the Meditations as private exercises, never meant for publication.
`;

describe.skipIf(!chromiumAvailable())('managing knowledge in the browser', () => {
  let app: App;
  const ingestDir = () => path.join(app.stack.dataDir, 'ingest');
  const ingestRow = (name: string) => app.page.locator(`[data-testid="ingest-file"][data-name="${name}"]`);
  const docRow = (name: string) => app.page.locator(`[data-testid="document-row"][data-name="${name}"]`);
  const search = async (query: string) => {
    const res = await fetch(`${app.stack.url('gateway')}/api/memory/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, top_k: 5, min_score: 0 }),
    });
    expect(res.status).toBe(200);
    return MemoryQueryResponse.parse(await res.json()).results;
  };
  const sourcesFound = async (query: string) => (await search(query)).map((r) => r.source_file);

  beforeAll(async () => {
    app = await bootApp();
    await app.go('hub');
    // The panel states the server's rules once the status list has arrived.
    await app.page
      .getByTestId('upload-panel')
      .getByText(/\.md .* up to 10(\.0)? MB each/)
      .waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('uploads a file chosen with the picker, shows its progress to done, and makes it searchable', async () => {
    await app.page.getByTestId('upload-input').setInputFiles({
      name: 'garden-journal.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(GARDEN),
    });
    const upload = app.page.locator('[data-testid="upload-item"][data-name="garden-journal.md"]');
    await upload.waitFor({ timeout: 10_000 });
    const row = ingestRow('garden-journal.md');
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.getAttribute('data-stage'), { timeout: 60_000 }).toBe('stored');
    expect(await row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await app.page
      .getByTestId('toast')
      .filter({ hasText: 'Garden Journal classified as' })
      .waitFor({ timeout: 15_000 });
    await docRow('garden-journal.md').waitFor();
    await expect
      .poll(() => sourcesFound('tomatoes along the south fence basil bolted'), { timeout: 15_000 })
      .toContain('ingest:garden-journal.md');
    await screenshot(app.page, 'knowledge-upload');
  });

  it('uploads files dropped onto the Hub', async () => {
    // What a file manager hands the page when files are dragged onto it (the page's own types, so built in there).
    const dataTransfer = await app.page.evaluateHandle(`(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([${JSON.stringify(TRAINING)}], 'interval-training.md', { type: 'text/markdown' }));
      dt.items.add(new File([${JSON.stringify(READING)}], 'reading-notes.md', { type: 'text/markdown' }));
      return dt;
    })()`);
    const zone = app.page.getByTestId('upload-dropzone');
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await expect.poll(() => zone.getAttribute('class')).toContain('is-over');
    await zone.dispatchEvent('drop', { dataTransfer });
    for (const name of ['interval-training.md', 'reading-notes.md']) {
      await expect.poll(() => ingestRow(name).getAttribute('data-stage'), { timeout: 60_000 }).toBe('stored');
    }
    expect(await zone.getAttribute('class')).not.toContain('is-over');
    await expect
      .poll(() => sourcesFound('threshold pace intervals cadence'), { timeout: 15_000 })
      .toContain('ingest:interval-training.md');
  });

  it('re-files a document into another domain and shows it there', async () => {
    const row = docRow('reading-notes.md');
    const before = await row.getAttribute('data-domain');
    const target = before === 'mind' ? 'heart' : 'mind';
    await row.getByRole('combobox', { name: 'Domain of Reading Notes' }).selectOption(target);
    await expect.poll(() => row.getAttribute('data-domain'), { timeout: 60_000 }).toBe(target);
    await expect.poll(() => row.getAttribute('data-stage'), { timeout: 60_000 }).toBe('stored');
    await row.getByText('set by hand').waitFor();
    expect(await ingestRow('reading-notes.md').locator('.domain-text').textContent()).toMatch(
      new RegExp(`^${target === 'mind' ? 'Mind' : 'Heart'} · 100%$`),
    );
    await app.page
      .getByTestId('toast')
      .filter({ hasText: `Reading Notes re-filed as ${target.toUpperCase()}` })
      .waitFor({ timeout: 15_000 });
    const hits = await search('stoic philosophy Marcus Aurelius Meditations');
    expect(hits.find((h) => h.source_file === 'ingest:reading-notes.md')?.domain).toBe(target);
  });

  it('deletes a document from the Hub: gone from the lists at once and from search', async () => {
    const processed = Number(await app.page.getByTestId('ingest-processed').textContent());
    const row = docRow('garden-journal.md');
    await row.getByRole('button', { name: 'Delete Garden Journal' }).click();
    await row.getByRole('button', { name: 'Delete', exact: true }).click();
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    await ingestRow('garden-journal.md').waitFor({ state: 'detached', timeout: 15_000 });
    await expect
      .poll(async () => Number(await app.page.getByTestId('ingest-processed').textContent()), { timeout: 15_000 })
      .toBe(processed - 1);
    expect(await sourcesFound('tomatoes along the south fence basil bolted')).not.toContain('ingest:garden-journal.md');
  });

  it('drops a file deleted from the ingest folder from the Hub without a reload', async () => {
    unlinkSync(path.join(ingestDir(), 'interval-training.md'));
    await ingestRow('interval-training.md').waitFor({ state: 'detached', timeout: 30_000 });
    await docRow('interval-training.md').waitFor({ state: 'detached', timeout: 5_000 });
    expect(await sourcesFound('threshold pace intervals cadence')).not.toContain('ingest:interval-training.md');
  });

  it('refuses an unreadable format with its reason and no Retry, uploaded or dropped into the folder', async () => {
    await app.page.getByTestId('upload-input').setInputFiles({
      name: 'quarterly-slides.pptx',
      mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      buffer: Buffer.from('PK\u0003\u0004 slides'),
    });
    const upload = app.page.locator('[data-testid="upload-item"][data-name="quarterly-slides.pptx"]');
    await expect.poll(() => upload.getAttribute('data-state')).toBe('refused');
    expect(await upload.getByRole('alert').textContent()).toMatch(/^unsupported format "\.pptx" \(supported: /);
    expect(await upload.getByRole('button', { name: /retry/i }).count()).toBe(0);

    writeFileSync(path.join(ingestDir(), 'budget.xlsx'), 'PK\u0003\u0004 sheet');
    const row = ingestRow('budget.xlsx');
    await expect.poll(() => row.getAttribute('data-stage'), { timeout: 60_000 }).toBe('failed');
    expect(await row.getByRole('alert').textContent()).toMatch(/unsupported format "\.xlsx"/);
    expect(await row.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    await app.page
      .getByTestId('toast')
      .filter({ hasText: 'budget.xlsx could not be ingested: unsupported format' })
      .waitFor({ timeout: 15_000 });
    await screenshot(app.page, 'knowledge-refused');
  });

  it('offers sorted, searchable atlas pickers without repeated labels, plain hover text and a two-click path', async () => {
    // Two documents with the same title and a Markdown-heavy chunk, drawn in a row across the middle of the scene.
    const nodes = [
      {
        id: 'n-a',
        title: 'Security Audit',
        source: 'ingest:2025/audit.md',
        chunk: 0,
        snippet: '## Findings **rotate** the `deploy key`',
      },
      { id: 'n-b', title: 'Security Audit', source: 'ingest:2026/audit.md', chunk: 0, snippet: 'All clear.' },
      { id: 'n-c', title: 'Garden Journal', source: 'ingest:garden.md', chunk: 0, snippet: 'Tomatoes ripened.' },
    ].map((n, i) => ({ ...n, x: (i - 1) * 0.9, y: 0, z: 0, domain: i === 2 ? 'body' : 'soul' }));
    const traced: unknown[] = [];
    await app.page.route('**/api/knowledge/atlas?*', (route) =>
      route.fulfill({
        json: { nodes, edges: [{ source: 'n-a', target: 'n-c', similarity: 0.7 }], total: 3, method: 'pca' },
      }),
    );
    await app.page.route('**/api/knowledge/path', async (route) => {
      const body = route.request().postDataJSON() as { source_id: string; target_id: string };
      traced.push(body);
      const step = (id: string, similarity: number) => ({
        id,
        title: nodes.find((n) => n.id === id)!.title,
        similarity,
      });
      await route.fulfill({
        json: { path: [step(body.source_id, 1), step(body.target_id, 0.7)], total_strength: 0.7, found: true },
      });
    });
    await app.go('atlas');
    const stage = app.page.getByTestId('atlas-stage');
    await expect.poll(() => stage.getAttribute('data-rendered-nodes'), { timeout: 30_000 }).toBe('3');

    const labels = await app.page.locator('#atlas-from option').allTextContents();
    expect(labels.slice(1)).toEqual([
      'Garden Journal (Body)',
      'Security Audit (Soul) — 2025/audit.md',
      'Security Audit (Soul) — 2026/audit.md',
    ]);
    await app.page.getByRole('searchbox', { name: 'Search From nodes' }).fill('2026');
    expect((await app.page.locator('#atlas-from option').allTextContents()).slice(1)).toEqual([
      'Security Audit (Soul) — 2026/audit.md',
    ]);

    // Find the nodes on the canvas by hovering along its middle row: each answers with its tooltip.
    const box = (await app.page.locator('[data-testid="atlas-canvas"] canvas').boundingBox())!;
    const found = new Map<string, { x: number; y: number }>();
    const tooltip = app.page.getByTestId('atlas-tooltip');
    for (let x = box.x + 4; x < box.x + box.width && found.size < 3; x += 6) {
      const y = box.y + box.height / 2;
      await app.page.mouse.move(x, y);
      if ((await tooltip.count()) === 0) continue;
      const text = (await tooltip.textContent()) ?? '';
      if (!found.has(text)) found.set(text, { x, y });
    }
    const audit = [...found].find(([t]) => t.startsWith('Security AuditFindings'));
    expect(audit?.[0]).toBe('Security AuditFindings rotate the deploy key');
    const garden = [...found].find(([t]) => t.startsWith('Garden Journal'));
    expect(garden).toBeDefined();

    await app.page.mouse.click(audit![1].x, audit![1].y);
    await app.page.mouse.click(garden![1].x, garden![1].y);
    await app.page.getByTestId('path-result').waitFor({ timeout: 10_000 });
    expect(traced).toEqual([{ source_id: 'n-a', target_id: 'n-c' }]);
    expect(await app.page.getByTestId('path-list').locator('li').count()).toBe(2);
    await screenshot(app.page, 'knowledge-atlas-pickers');
    expect(app.errors).toEqual([]);
  });
});
