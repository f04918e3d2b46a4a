// axe-core on every view of the app in a real browser against the whole stack (accounts on, mesh on, a chat card
// waiting for approval), at desktop and phone size: no serious or critical violation anywhere.
import { generateSwarmKey } from '@pagi/mesh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meshTwinEnv } from '../helpers/mesh-node.ts';
import { type App, bootApp } from './support/app.ts';
import { describeViolations, seriousViolations } from './support/axe.ts';
import { chromiumAvailable } from './support/browser.ts';
import { DESKTOP, PHONE } from './support/layout.ts';
import { askForApproval, createAdmin, openView, VIEWS, visitEveryView } from './support/views.ts';

describe.skipIf(!chromiumAvailable())('accessibility (axe-core)', () => {
  let app: App;
  beforeAll(async () => {
    app = await bootApp({ AUTH_MODE: 'on', ...(await meshTwinEnv(generateSwarmKey(), 'home')) });
    // A missing element fails in seconds rather than holding the file until its time runs out.
    app.page.setDefaultTimeout(20_000);
    await createAdmin(app.page);
    await visitEveryView(app.page);
    await askForApproval(app.page, 'hello-axe');
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

  it('finds no serious or critical violation on any view at desktop size', async () => {
    expect(await violations(DESKTOP)).toBe('');
  });

  it('finds no serious or critical violation on any view at phone size', async () => {
    expect(await violations(PHONE)).toBe('');
  });

  it('names every navigation link by its label while only icons show', async () => {
    await app.page.setViewportSize(PHONE);
    const nav = app.page.getByRole('navigation', { name: 'Main' });
    const links = await nav.getByRole('link').all();
    expect(links.length).toBe(VIEWS.length);
    // Each label is out of sight (a 1px clipped box) yet still there for the link's name.
    for (const link of links) expect((await link.locator('.nav__label').boundingBox())?.width).toBeLessThanOrEqual(1);
    for (const label of ['Chat', 'Intelligence Hub', 'Knowledge Atlas', 'Agents', 'Network', 'Telemetry', 'Media']) {
      expect(await nav.getByRole('link', { name: new RegExp(`^${label}\\b`) }).isVisible(), label).toBe(true);
    }
    expect(await nav.getByRole('link', { name: 'Settings', exact: true }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Admin', exact: true }).isVisible()).toBe(true);
  });
});
