// Accounts in a real browser against the whole stack with AUTH_MODE=on: the first-run admin, chatting, signing
// out and in again, a wrong password, an API key shown once, a viewer without a composer, and signing out
// everywhere.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, openPage, screenshot } from './support/browser.ts';

const ADMIN = { name: 'root', password: 'correct horse battery' };
const VIEWER = { name: 'vic', password: 'viewer password 1' };

async function signIn(page: Page, who: { name: string; password: string }) {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 20_000 });
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function openUserMenu(page: Page) {
  await page.getByTestId('user-menu').click();
}

describe.skipIf(!chromiumAvailable())('accounts in the browser', () => {
  let app: App;
  const others: Page[] = [];
  beforeAll(async () => {
    app = await bootApp({ AUTH_MODE: 'on' });
  });
  afterAll(async () => {
    for (const page of others) await page.context().close();
    await app?.close();
  });

  const newPage = async () => {
    const { page, errors } = await openPage(app.browser, `${app.stack.url('frontend')}/#/chat`);
    others.push(page);
    return { page, errors };
  };

  const send = async (text: string) => {
    const input = app.page.getByLabel('Message your twin');
    await input.fill(text);
    await input.press('Enter');
  };

  it('on first run creates the admin account, then chats with the twin', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Create the admin account' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Name').fill(ADMIN.name);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repeat password').fill(`${ADMIN.password}!`);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.getByText('the two passwords differ').waitFor();
    await screenshot(page, 'auth-setup');

    await page.getByLabel('Repeat password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('user-menu').textContent()).toContain(ADMIN.name);
    expect(await page.getByTestId('auth-off-banner').count()).toBe(0);

    await send('hello twin');
    const answer = page.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('completed');
    expect(await answer.textContent()).toMatch(/Hello!/);
    await page.getByTestId('conversation-list').getByText('hello twin').waitFor({ timeout: 10_000 });
  });

  it('signs out to the login page, refuses a wrong password, and signs in again to the same conversations', async () => {
    const { page } = app;
    await openUserMenu(page);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('Message your twin').count()).toBe(0);

    await signIn(page, { name: ADMIN.name, password: 'not the password' });
    const error = page.getByTestId('login-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toBe('Wrong name or password.');
    await screenshot(page, 'auth-login-error');

    await signIn(page, ADMIN);
    await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ timeout: 20_000 });
    await page
      .getByTestId('conversation-list')
      .getByRole('button', { name: /^hello twin/ })
      .click({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('user-message').count(), { timeout: 15_000 }).toBe(1);
    await send('hello again');
    const answer = page.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('completed');
  });

  it('creates an API key shown once, which then works as a Bearer key until revoked', async () => {
    const { page } = app;
    await app.go('admin');
    const keys = page.getByTestId('all-keys');
    await keys.getByLabel('Key name').fill('backup script');
    await keys.getByLabel('Key role').selectOption('viewer');
    await keys.getByRole('button', { name: 'Create key' }).click();
    const notice = page.getByTestId('new-key');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain('will not be shown again');
    const key = await notice.getByLabel('New API key').inputValue();
    expect(key.length).toBeGreaterThan(20);

    const asKey = () =>
      fetch(`${app.stack.url('gateway')}/api/auth/me`, { headers: { authorization: `Bearer ${key}` } }).then(
        async (r) => ({ status: r.status, body: (await r.json()) as { user?: { role: string }; via?: string } }),
      );
    const ok = await asKey();
    expect(ok.body).toMatchObject({ via: 'api_key', user: { role: 'viewer' } });

    await notice.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('new-key').count()).toBe(0);
    expect(await page.getByText(key).count()).toBe(0);

    const row = keys.locator('[data-testid="key-row"][data-name="backup script"]');
    await row.getByRole('button', { name: 'Revoke key backup script' }).click();
    await row.getByRole('button', { name: 'Confirm revoke' }).click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('revoked');
    expect((await asKey()).status).toBe(401);
  });

  it('adds a viewer on the admin page; the viewer sees no composer, no decisions and no admin page', async () => {
    const { page } = app;
    await app.go('admin');
    const users = page.getByTestId('users');
    await users.getByLabel('New account name').fill(VIEWER.name);
    await users.getByLabel('Initial password').fill(VIEWER.password);
    await users.getByLabel('Role', { exact: true }).selectOption('viewer');
    await users.getByRole('button', { name: 'Create account' }).click();
    await users.locator(`[data-testid="user-row"][data-name="${VIEWER.name}"]`).waitFor({ timeout: 10_000 });
    await page.getByTestId('audit-entry').filter({ hasText: 'Account created' }).first().waitFor({ timeout: 10_000 });
    await screenshot(page, 'admin');

    const viewer = await newPage();
    const sockets: string[] = [];
    viewer.page.on('websocket', (ws) => sockets.push(ws.url()));
    await signIn(viewer.page, VIEWER);
    await viewer.page.getByTestId('chat-readonly').waitFor({ timeout: 20_000 });
    expect(await viewer.page.getByLabel('Message your twin').count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await viewer.page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expect(await viewer.page.getByTestId('user-menu').textContent()).toContain('viewer');

    await viewer.page.evaluate(`window.location.hash = '/media'`);
    await viewer.page.getByTestId('gallery').waitFor({ timeout: 15_000 });
    expect(await viewer.page.getByRole('button', { name: 'Microphone' }).count()).toBe(0);
    expect(sockets.filter((u) => u.includes('/ws/chat'))).toEqual([]);
    expect(viewer.errors).toEqual([]);
  });

  it('"sign out everywhere" ends the sessions in other browsers too', async () => {
    const other = await newPage();
    await signIn(other.page, ADMIN);
    await other.page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ timeout: 20_000 });

    await openUserMenu(app.page);
    await app.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await app.page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 10_000 });

    // The other browser learns it at its next call to the gateway.
    await other.page.evaluate(`window.location.hash = '/settings'`);
    await other.page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
    await other.page.getByText('Your session has ended').waitFor();
    expect(app.errors).toEqual([]);
    expect(other.errors).toEqual([]);
  });
});
