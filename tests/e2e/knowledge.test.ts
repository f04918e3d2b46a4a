// Knowledge in a real browser against the whole stack: the Intelligence Hub, a file dropped into the ingest folder
// followed to "done" with its domain toast, and the 3D atlas with a traced semantic path.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';

const AUDIT = `# Security Audit

Quarterly security audit of the twin platform. Access control, governance and ethics review.
All secrets are rotated every ninety days; least privilege is enforced for every service account.
The audit found no policy violations; approval gates for tool execution stay mandatory.
Findings: enforce encryption at rest, review the incident response runbook, and keep audit logs immutable.
`;

// Training numbers and mood in one note: Body or Heart could both be right, so the hub should ask for a look.
const CHECK_IN = `Weekly check-in
Runs: 3 (5 km, 8 km, 12 km), total 25 km. Average heart rate on easy runs 141. Sleep about 7 h.
Mood: up and down. Lonely on Wednesday, happy after the Saturday group run. I enjoy running with others more than I thought.
`;

describe.skipIf(!chromiumAvailable())('knowledge in the browser', () => {
  let app: App;
  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows every service healthy and the starter knowledge in the hub', async () => {
    await app.go('hub');
    const vitality = app.page.getByTestId('agent-vitality');
    await expect.poll(() => vitality.locator('.station--ok').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(6);
    await expect
      .poll(async () => Number(await app.page.getByTestId('ingest-processed').textContent()), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await app.page.getByTestId('attribution-radar').locator('.recharts-radar').waitFor({ timeout: 20_000 });
  });

  it('shows why a file failed and offers a retry', async () => {
    const dir = path.join(app.stack.dataDir, 'ingest');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'scanner-dump.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, 0xff, 0x00, 0x41]));
    const row = app.page.locator('[data-testid="ingest-file"][data-name="scanner-dump.md"]');
    await expect.poll(() => row.getAttribute('data-stage'), { timeout: 60_000 }).toBe('failed');
    expect(await row.getByRole('alert').textContent()).toMatch(/binary/i);
    await expect.poll(async () => Number(await app.page.getByTestId('ingest-failed').textContent())).toBeGreaterThan(0);

    await row.getByRole('button', { name: 'Retry' }).click();
    // The same bytes fail the same way again, and the retry itself is accepted (no error toast).
    await expect.poll(() => row.getAttribute('data-stage'), { timeout: 30_000 }).toBe('failed');
    expect(await app.page.getByTestId('toast').filter({ hasText: 'Retry failed' }).count()).toBe(0);
  });

  it('follows a dropped file to done and announces its domain', async () => {
    const dir = path.join(app.stack.dataDir, 'ingest');
    writeFileSync(path.join(dir, 'security-audit.md'), AUDIT);

    const row = app.page.locator('[data-testid="ingest-file"][data-name="security-audit.md"]');
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.getAttribute('data-stage'), { timeout: 60_000 }).toBe('stored');
    expect(await row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await row.locator('.domain-text').textContent()).toMatch(/^(Mind|Body|Heart|Soul) · \d+%$/);

    const toast = app.page.getByTestId('toast').filter({ hasText: 'Security Audit classified as' });
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.textContent()).toMatch(
      /Security Audit classified as (MIND|BODY|HEART|SOUL) \(\d+% confidence\)/,
    );
    await app.page.getByTestId('intelligence-stream').locator('.stream__item').first().waitFor({ timeout: 15_000 });
    await screenshot(app.page, 'intelligence-hub');
  });

  it('marks a file whose domain is doubtful and counts it for review, storing it all the same', async () => {
    const dir = path.join(app.stack.dataDir, 'ingest');
    writeFileSync(path.join(dir, 'weekly-check-in.md'), CHECK_IN);

    const row = app.page.locator('[data-testid="ingest-file"][data-name="weekly-check-in.md"]');
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.getAttribute('data-stage'), { timeout: 60_000 }).toBe('stored');
    const badge = row.getByTestId('low-confidence');
    await badge.waitFor({ timeout: 15_000 });
    expect(await badge.getAttribute('title')).toMatch(
      /^(Body|Heart) \d+%, next: (Body|Heart) \d+% — check the domain$/,
    );
    expect(await badge.textContent()).toMatch(/Low confidence/);
    await expect
      .poll(async () => Number(await app.page.getByTestId('ingest-review').textContent()))
      .toBeGreaterThanOrEqual(1);
    const toast = app.page.getByTestId('toast').filter({ hasText: 'Weekly Check In classified as' });
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.textContent()).toMatch(
      /with low confidence \(\d+%; next: (BODY|HEART) \d+%\) — check the domain/,
    );
    await screenshot(app.page, 'ingestion-low-confidence');
  });

  it('renders the atlas nodes in WebGL and lists a traced path', async () => {
    await app.go('atlas');
    const stage = app.page.getByTestId('atlas-stage');
    await expect
      .poll(async () => Number(await stage.getAttribute('data-rendered-nodes')), { timeout: 30_000 })
      .toBeGreaterThan(5);

    // Pixels actually drawn: count canvas pixels that differ from the scene background.
    await app.page.waitForTimeout(500);
    const drawn = await app.page.evaluate(`(() => {
      const src = document.querySelector('[data-testid="atlas-canvas"] canvas');
      const c = document.createElement('canvas');
      c.width = src.width; c.height = src.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(src, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 11) + Math.abs(d[i + 1] - 15) + Math.abs(d[i + 2] - 23) > 60) n++;
      return n;
    })()`);
    expect(drawn).toBeGreaterThan(100);

    const options = await app.page
      .locator('#atlas-from option')
      .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value).filter(Boolean));
    expect(options.length).toBeGreaterThan(5);
    await app.page.selectOption('#atlas-from', options[0]!);
    let found = false;
    for (const target of options.slice(1, 8).reverse()) {
      await app.page.selectOption('#atlas-to', target);
      await app.page.getByRole('button', { name: 'Trace path' }).click();
      const outcome = app.page.locator('[data-testid="path-result"], .atlas__side .state');
      await outcome.first().waitFor({ timeout: 20_000 });
      if ((await app.page.getByTestId('path-result').count()) > 0) {
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
    expect(await app.page.getByTestId('path-list').locator('li').count()).toBeGreaterThanOrEqual(2);
    await app.page.waitForTimeout(400);
    await screenshot(app.page, 'knowledge-atlas');
    expect(app.errors).toEqual([]);
  });

  it('draws 500 nodes as one instanced mesh and keeps orbiting responsive', async () => {
    const domains = ['mind', 'body', 'heart', 'soul'];
    const nodes = Array.from({ length: 500 }, (_, i) => ({
      id: `n${i}`,
      x: Math.cos(i) * (i % 37),
      y: Math.sin(i * 1.3) * (i % 23),
      z: Math.sin(i) * (i % 11),
      domain: domains[i % 4],
      title: `Chunk ${i}`,
      snippet: 'synthetic atlas node',
    }));
    const edges = Array.from({ length: 1000 }, (_, i) => ({
      source: `n${i % 500}`,
      target: `n${(i * 7 + 3) % 500}`,
      similarity: 0.5,
    }));
    await app.page.route('**/api/knowledge/atlas?method=umap*', (route) =>
      route.fulfill({ json: { nodes, edges, total: 500, method: 'umap' } }),
    );
    await app.page.getByText('UMAP', { exact: true }).click();
    const stage = app.page.getByTestId('atlas-stage');
    await expect.poll(() => stage.getAttribute('data-rendered-nodes'), { timeout: 30_000 }).toBe('500');

    const box = (await app.page.locator('[data-testid="atlas-canvas"] canvas').boundingBox())!;
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.down();
    const frames = app.page.evaluate(`new Promise((done) => {
      let n = 0; const t0 = performance.now();
      const tick = () => { n++; if (performance.now() - t0 < 2000) requestAnimationFrame(tick); else done(n / 2); };
      requestAnimationFrame(tick);
    })`);
    for (let i = 0; i < 20; i++) {
      await app.page.mouse.move(box.x + box.width / 2 + i * 10, box.y + box.height / 2 + i * 3);
      await app.page.waitForTimeout(90);
    }
    await app.page.mouse.up();
    const fps = (await frames) as number;
    // Software rendering on a shared CI core is slow; this guards against per-node draw calls and re-render storms.
    console.info(`atlas: 500 nodes, ${fps} frames/s while orbiting (SwiftShader)`);
    expect(fps).toBeGreaterThanOrEqual(3);
    expect(Number(await stage.getAttribute('data-draw-calls'))).toBeLessThanOrEqual(4);
  });
});
