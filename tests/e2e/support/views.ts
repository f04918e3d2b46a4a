// Every view of the app with what shows once it has loaded, and the first-run admin that opens them all.
import type { Page } from 'playwright-core';

export interface ViewSpec {
  view: string;
  /** A selector that is there once the view has drawn its content. */
  ready: string;
}

export const VIEWS: ViewSpec[] = [
  { view: 'chat', ready: '.chat textarea, [data-testid="chat-readonly"]' },
  { view: 'hub', ready: '.hub [data-testid^="gauge-"]' },
  { view: 'atlas', ready: '[data-testid="atlas-stage"]' },
  // Its templates have arrived once the start button is enabled.
  { view: 'agents', ready: '[data-testid="agents-view"] [data-testid="start-run"]:enabled' },
  { view: 'network', ready: '[data-testid="mesh-status"], [data-testid="consensus-panel"]' },
  { view: 'telemetry', ready: '[data-testid="telemetry"]:not([data-samples="0"])' },
  { view: 'media', ready: '[data-testid="gallery"]' },
  { view: 'settings', ready: '[data-testid="settings-llm"]' },
  { view: 'admin', ready: '[data-testid="user-row"]' },
];

export const ADMIN = { name: 'root', password: 'correct horse battery' };

/** On a fresh stack with accounts on: creates the admin account and waits for the chat socket. */
export async function createAdmin(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Create the admin account' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Name').fill(ADMIN.name);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Repeat password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ timeout: 30_000 });
}

/** Opens a view by its hash route and waits for its content. */
export async function openView(page: Page, spec: ViewSpec): Promise<void> {
  await page.evaluate(`window.location.hash = '/${spec.view}'`);
  await page.locator(`.nav__item.is-active[href="#/${spec.view}"]`).waitFor();
  await page.locator(spec.ready).first().waitFor({ timeout: 20_000 });
}

/** Sends a chat message that the offline planner answers with a tool run to approve, and waits for its card. */
export async function askForApproval(page: Page, word: string): Promise<void> {
  const input = page.getByLabel('Message your twin');
  await input.fill(`run echo ${word}`);
  await input.press('Enter');
  await page.locator('[data-testid="approval-card"][data-phase="pending"]').last().waitFor({ timeout: 20_000 });
}

/**
 * Opens every view once, then returns to the chat with its socket open. The first visit of a view may load code the
 * dev server prepares on demand (and reloads the page for): afterwards nothing reloads under a test.
 */
export async function visitEveryView(page: Page): Promise<void> {
  for (const spec of VIEWS) await openView(page, spec);
  await openView(page, VIEWS[0]!);
  await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ timeout: 30_000 });
}
