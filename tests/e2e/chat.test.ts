// Chat in a real browser against the whole stack: streaming answers, approving a tool run and seeing its output,
// denying one, a memory query with its results (its citations leading to them and to their source documents), and
// the settings view's status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';

describe.skipIf(!chromiumAvailable())('chat in the browser', () => {
  let app: App;
  beforeAll(async () => {
    app = await bootApp();
    await app.page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  const send = async (text: string) => {
    const input = app.page.getByLabel('Message your twin');
    await input.fill(text);
    await input.press('Enter');
  };

  it('answers a plain message in the conversation', async () => {
    await send('hello twin');
    const answer = app.page.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('completed');
    expect(await answer.textContent()).toMatch(/Hello!/);
    await app.page.getByTestId('conversation-list').getByText('hello twin').waitFor({ timeout: 10_000 });
  });

  it('approves a tool run and shows exactly what ran and its output', async () => {
    await send('run echo hello-from-the-browser');
    const card = app.page.getByTestId('approval-card').last();
    await card.waitFor({ timeout: 20_000 });
    expect(await card.getByTestId('approval-tool').textContent()).toBe('echo');
    expect(await card.getByTestId('approval-argv').locator('li').allTextContents()).toEqual(['hello-from-the-browser']);

    await card.getByRole('button', { name: 'Approve' }).click();
    const output = card.getByTestId('tool-output');
    await output.waitFor({ timeout: 30_000 });
    expect(await output.textContent()).toContain('hello-from-the-browser');
    expect(await card.getAttribute('data-phase')).toBe('executed');

    const answer = app.page.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 30_000 }).toBe('completed');
    await answer.getByTestId('actions-taken').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'chat-tool-approved');
  });

  it('denies a tool run: nothing runs and the card says so', async () => {
    await send('run echo must-not-run');
    const card = app.page.getByTestId('approval-card').last();
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => card.getAttribute('data-phase'), { timeout: 20_000 }).toBe('denied');
    expect(await card.getByTestId('tool-output').count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Approve' }).count()).toBe(0);
  });

  it('shows memory results with domain, score and source after approving a query', async () => {
    await send('search my memory for security');
    const card = app.page.getByTestId('approval-card').last();
    await card.waitFor({ timeout: 20_000 });
    expect(await card.getByTestId('approval-query').textContent()).toBe('security');
    await card.getByRole('button', { name: 'Approve' }).click();
    const result = card.getByTestId('memory-result');
    await result.waitFor({ timeout: 30_000 });
    const first = result.locator('.hit').first();
    await first.waitFor();
    expect(await first.locator('.domain-badge').textContent()).toMatch(/Mind|Body|Heart|Soul/);
    expect(await first.locator('.hit__score').textContent()).toMatch(/score \d\.\d{3}/);
    await expect
      .poll(() => app.page.getByTestId('assistant-message').last().getAttribute('data-status'))
      .toBe('completed');
    // Frame the memory card at the top of the conversation for the screenshot.
    await app.page.evaluate(`(() => {
      const cards = document.querySelectorAll('[data-testid="approval-card"]');
      const card = cards[cards.length - 1];
      const list = document.querySelector('[data-testid="messages"]');
      list.scrollTop += card.getBoundingClientRect().top - list.getBoundingClientRect().top - 120;
    })()`);
    await screenshot(app.page, 'chat');

    // [1] in the answer leads to hit 1; its source opens the whole stored document at the cited chunk.
    const answer = app.page.getByTestId('assistant-message').last().getByTestId('final-answer');
    await answer
      .getByRole('button', { name: /^Source 1: / })
      .first()
      .click();
    await expect.poll(() => first.getAttribute('data-highlighted')).toBe('true');
    const cited = ((await first.locator('.hit__content').textContent()) ?? '').trim();
    await first.getByTestId('hit-source').first().click();
    const viewer = app.page.getByRole('dialog');
    const chunk = viewer.locator('.source-chunk--cited');
    await chunk.waitFor({ timeout: 15_000 });
    expect(((await chunk.textContent()) ?? '').trim()).toBe(cited);
    expect(await viewer.locator('.source-chunk').count()).toBeGreaterThanOrEqual(1);
    await screenshot(app.page, 'chat-source-viewer');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
  });

  it('lists the conversation after a reload and redraws it from the recorded history', async () => {
    // The conversation's URL names it, so the reload opens it again; a new one starts empty and the list reopens it.
    await app.page.reload({ waitUntil: 'domcontentloaded' });
    await app.page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => app.page.getByTestId('user-message').count(), { timeout: 15_000 }).toBe(4);
    await app.page.getByRole('button', { name: 'New' }).click();
    expect(await app.page.getByTestId('user-message').count()).toBe(0);
    await app.page
      .getByTestId('conversation-list')
      .getByRole('button', { name: /^hello twin/ })
      .click();
    await expect.poll(() => app.page.getByTestId('user-message').count(), { timeout: 15_000 }).toBe(4);
    await app.page.getByTestId('tool-output').filter({ hasText: 'hello-from-the-browser' }).waitFor();
    await app.page.getByTestId('memory-result').waitFor();
  });

  it('says when it is offline and reconnects by itself when the gateway returns', async () => {
    const state = app.page.getByTestId('connection-state');
    await app.stack.stop('gateway', 'SIGKILL');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 15_000 }).toBe('offline');
    await app.page.getByTestId('offline-banner').waitFor();
    expect(await app.page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await screenshot(app.page, 'chat-offline');

    await app.stack.start('gateway');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 30_000 }).toBe('open');
    expect(await app.page.getByTestId('offline-banner').count()).toBe(0);
    await send('hello again');
    const answer = app.page.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('completed');
  });

  it('shows the connection, embedder, vector store and planner in settings', async () => {
    await app.go('settings');
    const embedder = app.page.getByTestId('settings-embedder');
    await embedder.waitFor({ timeout: 15_000 });
    expect(await app.page.getByTestId('settings-connection').textContent()).toContain('Connected');
    expect(await app.page.getByTestId('settings-llm').textContent()).toContain('Mock planner');
    expect(await app.page.getByTestId('settings-store').textContent()).toMatch(/\w+/);
    if (/lexical/i.test((await embedder.textContent()) ?? '')) await app.page.getByTestId('lexical-warning').waitFor();
    await screenshot(app.page, 'settings');
    expect(app.errors).toEqual([]);
  });
});
