// Phones and tablets in a real browser against the whole stack (accounts on, so the admin view is there, and the
// mesh on, so the network view draws its fleet): at 390×844 and 768×1024 no view scrolls sideways, nothing in the
// main region reaches past the viewport, and no figure is cut; on a phone the navigation is a bottom bar whose links
// keep their names; a chat action waiting for approval raises a notice on every other view.
import { generateSwarmKey } from '@pagi/mesh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meshTwinEnv } from '../helpers/mesh-node.ts';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';
import { fits, measureLayout, PHONE, TABLET } from './support/layout.ts';
import { askForApproval, createAdmin, openView, VIEWS, visitEveryView } from './support/views.ts';

describe.skipIf(!chromiumAvailable())('layout on phones and tablets', () => {
  let app: App;
  beforeAll(async () => {
    app = await bootApp({ AUTH_MODE: 'on', ...(await meshTwinEnv(generateSwarmKey(), 'home')) });
    // A missing element fails in seconds rather than holding the file until its time runs out.
    app.page.setDefaultTimeout(20_000);
    await createAdmin(app.page);
    await visitEveryView(app.page);
    // A card waiting in the chat: it must be readable on a phone, and it raises the notice elsewhere.
    await askForApproval(app.page, 'hello-layout');
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Every view at one size: what does not fit, by view. */
  async function misfits(size: { width: number; height: number }, name: string): Promise<string[]> {
    await app.page.setViewportSize(size);
    const found: string[] = [];
    for (const spec of VIEWS) {
      await openView(app.page, spec);
      const report = await measureLayout(app.page);
      await screenshot(app.page, `layout-${name}-${spec.view}`);
      if (!fits(report)) found.push(`${spec.view}: ${JSON.stringify(report, null, 1)}`);
    }
    return found;
  }

  it('fits every view on a 390×844 phone', async () => {
    expect((await misfits(PHONE, 'phone')).join('\n')).toBe('');
  });

  it('fits every view on a 768×1024 tablet', async () => {
    expect((await misfits(TABLET, 'tablet')).join('\n')).toBe('');
  });

  it('puts the navigation at the bottom of a phone, each link still named', async () => {
    const { page } = app;
    await page.setViewportSize(PHONE);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const box = (await nav.boundingBox())!;
    expect(box.y + box.height).toBeGreaterThan(PHONE.height - 2);
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    // A waiting count adds to a link's name ("Chat 1 action waits for approval"): the label starts it.
    for (const label of ['Chat', 'Intelligence Hub', 'Knowledge Atlas', 'Agents', 'Telemetry', 'Media', 'Admin']) {
      const link = nav.getByRole('link', { name: new RegExp(`^${label}\\b`) });
      expect(await link.isVisible(), label).toBe(true);
      const target = (await link.boundingBox())!;
      expect(target.width).toBeGreaterThanOrEqual(36);
      expect(target.height).toBeGreaterThanOrEqual(36);
    }
  });

  it('raises a notice on other views while a chat card waits, and leads back to it', async () => {
    const { page } = app;
    await page.setViewportSize(PHONE);
    await openView(page, VIEWS.find((v) => v.view === 'telemetry')!);
    const notice = page.getByTestId('approval-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('1 action in Chat waits for your approval.');
    expect(await page.getByTestId('chat-pending-badge').textContent()).toMatch(/^1/);
    await screenshot(page, 'layout-phone-approval-notice');

    await notice.getByRole('button', { name: 'Review in Chat' }).click();
    await page.locator('.nav__item.is-active[href="#/chat"]').waitFor();
    const card = page.getByTestId('approval-card').last();
    await card.waitFor();
    expect(await card.getAttribute('data-phase')).toBe('pending');
    expect(await notice.count()).toBe(0);

    await card.getByRole('button', { name: 'Approve' }).click();
    await card.getByTestId('tool-output').waitFor({ timeout: 30_000 });
    await openView(page, VIEWS.find((v) => v.view === 'hub')!);
    expect(await page.getByTestId('approval-notice').count()).toBe(0);
    expect(await page.getByTestId('chat-pending-badge').count()).toBe(0);
  });
});
