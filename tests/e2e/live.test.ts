// Live data and media in a real browser against the whole stack: telemetry charts that keep updating, and a
// recording from the fake camera uploaded through the gateway and played back from the gallery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';

const TRANSCRIPT = [
  'Alice: Thanks for joining. We decided to ship the atlas view on Friday.',
  'Bob: Agreed. I will update the runbook before the release.',
  'Alice: Action item: Carol will review the security audit findings next week.',
  'Bob: We also agreed to keep the mock planner as the offline default.',
].join('\n');

describe.skipIf(!chromiumAvailable())('live views in the browser', () => {
  let app: App;
  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('streams telemetry: samples arrive and the values update', async () => {
    await app.go('telemetry');
    const view = app.page.getByTestId('telemetry');
    const samples = async () => Number(await view.getAttribute('data-samples'));
    await expect.poll(samples, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const before = await samples();
    expect(await app.page.getByTestId('tm-cpu').textContent()).toMatch(/^\d+(\.\d)?%$/);
    expect(Number(await app.page.getByTestId('tm-procs').textContent())).toBeGreaterThan(0);
    expect(await app.page.getByTestId('tm-net').textContent()).toMatch(/\/s \/ .*\/s/);
    expect(await app.page.getByTestId('tm-disk').textContent()).toMatch(/\/s \/ .*\/s/);
    await expect.poll(samples, { timeout: 15_000 }).toBeGreaterThan(before + 1);
    await app.page.locator('.recharts-area-curve').first().waitFor();
    await screenshot(app.page, 'telemetry');
  });

  it('records the camera for a few seconds, uploads it and plays it from the gallery', async () => {
    await app.go('media');
    await app.page.getByTestId('gallery').getByText('No recordings yet').waitFor({ timeout: 15_000 });
    await app.page.getByRole('button', { name: 'Camera' }).click();
    await app.page.getByTestId('recording-indicator').waitFor({ timeout: 10_000 });
    await app.page.waitForTimeout(2500);
    await app.page.getByRole('button', { name: 'Stop' }).click();
    const ready = app.page.getByTestId('recording-ready');
    await ready.waitFor({ timeout: 10_000 });
    expect(await ready.textContent()).toMatch(/video\/webm/);

    await app.page.getByRole('button', { name: 'Upload' }).click();
    const item = app.page.getByTestId('gallery-item');
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1);
    expect(await item.first().textContent()).toMatch(/camera-.*\.webm/);
    await item.first().click();
    const player = app.page.locator('.player video');
    await player.waitFor();
    await expect
      .poll(() => player.evaluate((v) => (v as unknown as { readyState: number }).readyState), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);
  });

  it('summarizes a transcript into decisions and follow-up tasks', async () => {
    await app.page.getByLabel('Transcript text').fill(TRANSCRIPT);
    await app.page.getByRole('button', { name: 'Summarize' }).click();
    const summary = app.page.getByTestId('transcript-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.getByTestId('summary-decisions').locator('li').count()).toBeGreaterThan(0);
    expect(await summary.getByTestId('summary-tasks').locator('li').count()).toBeGreaterThan(0);
    await screenshot(app.page, 'media');
    expect(app.errors).toEqual([]);
  });
});
