// One booted stack and one browser page per test file: the whole platform on ephemeral ports, the app opened in it
// as people get it (its production build).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, type Stack, startStack } from '../../helpers/stack.ts';
import { launchBrowser, openPage } from './browser.ts';

const SERVICES = ['memory', 'tools', 'build', 'telemetry', 'orchestrator', 'gateway', 'frontend'];

export interface App {
  stack: Stack;
  browser: Browser;
  page: Page;
  /** Uncaught errors thrown in the page. */
  errors: string[];
  /** Opens a view of the app by its hash route (#/chat, #/hub, …). */
  go: (view: string) => Promise<void>;
  close: () => Promise<void>;
}

export async function bootApp(env: Record<string, string> = {}): Promise<App> {
  const missing = SERVICES.filter(
    (s) => s !== 'frontend' && !existsSync(path.join(REPO_ROOT, 'services', s, 'src', 'main.ts')),
  );
  if (missing.length) throw new Error(`services without an entry: ${missing.join(', ')}`);
  const stack = await startStack({
    services: SERVICES,
    env: { TELEMETRY_INTERVAL_MS: '700', ...env },
    startTimeoutMs: 90_000,
    ui: 'built',
  });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const base = stack.url('frontend');
    const { page, errors } = await openPage(browser, `${base}/#/chat`);
    const go = async (view: string) => {
      await page.evaluate(`window.location.hash = '/${view}'`);
      await page.locator(`.nav__item.is-active[href="#/${view}"]`).waitFor();
    };
    return {
      stack,
      browser,
      page,
      errors,
      go,
      close: async () => {
        await browser?.close();
        await stack.close();
      },
    };
  } catch (err) {
    await browser?.close();
    await stack.close();
    throw err;
  }
}
