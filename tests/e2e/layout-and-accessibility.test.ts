// Every view in a real browser against the whole stack (accounts on, so the admin view is there; the mesh on, so the
// network view draws its fleet; a chat card waiting for approval):
// - axe-core finds no serious or critical violation at desktop or phone size;
// - at 390×844 and 768×1024 no view scrolls sideways, nothing in the main region reaches past the viewport, and no
//   figure is cut; on a phone the navigation is a bottom bar whose links keep their names;
// - the waiting card raises a notice on every other view, which leads back to it.
import { generateSwarmKey } from '@pagi/mesh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meshTwinEnv } from '../helpers/mesh-node.ts';
import { type App, bootApp } from './support/app.ts';
import { describeViolations, seriousViolations } from './support/axe.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';
import { DESKTOP, fits, measureLayout, PHONE, TABLET } from './support/layout.ts';
import { askForApproval, createAdmin, openView, VIEWS, visitEveryView } from './support/views.ts';

describe.skipIf(!chromiumAvailable())('every view at every size', () => {
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

  async function violations(size: { width: number; height: number }): Promise<string> {
    await app.page.setViewportSize(size);
    const found: string[] = [];
    for (const spec of VIEWS) {
      await openView(app.page, spec);
      const vs = await seriousViolations(app.page);
      if (vs.length) found.push(`#/${spec.view}\n${describeViolations(vs)}`);
    }
    return found.join('\n\n');
  }

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

  it('finds no serious or critical accessibility violation on any view at desktop size', async () => {
    expect(await violations(DESKTOP)).toBe('');
  });

  it('finds no serious or critical accessibility violation on any view at phone size', async () => {
    expect(await violations(PHONE)).toBe('');
  });

  it('fits every view on a 390×844 phone', async () => {
    expect((await misfits(PHONE, 'phone')).join('\n')).toBe('');
  });

  it('fits every view on a 768×1024 tablet', async () => {
    expect((await misfits(TABLET, 'tablet')).join('\n')).toBe('');
  });

  it('puts the navigation at the bottom of a phone, each link named by its label while only icons show', async () => {
    const { page } = app;
    await page.setViewportSize(PHONE);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const box = (await nav.boundingBox())!;
    expect(box.y + box.height).toBeGreaterThan(PHONE.height - 2);
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    const links = await nav.getByRole('link').all();
    expect(links.length).toBe(VIEWS.length);
    // Each label is out of sight (a 1px clipped box) yet still there for the link's name.
    for (const link of links) expect((await link.locator('.nav__label').boundingBox())?.width).toBeLessThanOrEqual(1);
    // A waiting count adds to a link's name ("Chat 1 action waits for approval"): the label starts it.
    const labels = ['Chat', 'Intelligence Hub', 'Knowledge Atlas', 'Agents', 'Network', 'Telemetry', 'Media'];
    for (const label of [...labels, 'Settings', 'Admin']) {
      const link = nav.getByRole('link', { name: new RegExp(`^${label}\\b`) });
      expect(await link.isVisible(), label).toBe(true);
      const target = (await link.boundingBox())!;
      expect(target.width).toBeGreaterThanOrEqual(36);
      expect(target.height).toBeGreaterThanOrEqual(36);
    }
    expect(await nav.getByRole('link', { name: 'Settings', exact: true }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Admin', exact: true }).isVisible()).toBe(true);
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
