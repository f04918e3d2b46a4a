// The chat as people use it every day, in a real browser on the whole stack, the planner a local OpenAI-compatible
// model that answers in Markdown: rendered answers (and a script-injection attempt that stays text), a conversation
// that keeps its URL through a reload and reads the same after it as it did live, one sent from another tab, and
// conversations renamed, searched and deleted.
import { type FakeLlm, type LlmRequestBody, startFakeLlm } from '@pagi/tests/helpers/fake-llm.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';

const RICH = [
  '## Disk check',
  '',
  'Everything looks **healthy**. See the [runbook](https://example.com/runbook).',
  '',
  '- first step',
  '- second step',
  '',
  '| Mount | Use |',
  '| --- | --- |',
  '| `/` | 41% |',
  '',
  '```js',
  'const free = total - used; // bytes',
  '```',
  '',
  'Literal: <script>window.__pwned = 1</script> and <img src="x" onerror="window.__pwned = 2">',
  '',
  '[do not click](javascript:window.__pwned=3)',
].join('\n');

const respond = (message: string) => ({ content: JSON.stringify({ action: 'respond', message }) });

/** The model: Markdown on request, a tool run for "run <tool> <args>", and a short answer after an approved run. */
function model(body: LlmRequestBody) {
  const last = body.messages?.at(-1)?.content ?? '';
  if (last.startsWith('The person approved that action')) return respond('Done: the tool printed **its words**.');
  if (last.includes('markdown please')) return respond(RICH);
  const run = /^run (.+)$/.exec(last);
  if (run) {
    const [tool, ...args] = run[1]!.split(' ');
    return {
      content: JSON.stringify({ action: 'execute_tool', tool_name: tool, args, reason: 'asked in the chat' }),
    };
  }
  return respond(`You wrote: ${last}`);
}

/** What the conversation shows, message by message, without times and buttons. */
const SNAPSHOT = `(() => [...document.querySelectorAll('[data-testid="messages"] > .msg')].map((m) => {
  const copy = m.cloneNode(true);
  copy.querySelectorAll('time, button, .msg__footer .muted').forEach((n) => n.remove());
  return { kind: m.dataset.testid, text: copy.textContent.replace(/\\s+/g, ' ').trim(),
    cards: [...m.querySelectorAll('[data-testid="approval-card"]')].map((c) => c.dataset.phase) };
}))()`;

describe.skipIf(!chromiumAvailable())('the chat experience in the browser', () => {
  let app: App;
  let llm: FakeLlm;
  let firstUrl = '';
  beforeAll(async () => {
    llm = await startFakeLlm();
    llm.fallback = model;
    app = await bootApp({
      LLM_PROVIDER: 'openrouter',
      OPENROUTER_API_KEY: 'k',
      OPENROUTER_URL: llm.url,
      LLM_TIMEOUT_MS: '15000',
    });
    await app.page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await app?.close();
    await llm?.close();
  });

  const send = async (text: string) => {
    const input = app.page.getByLabel('Message your twin');
    await input.fill(text);
    await input.press('Enter');
  };
  const lastAnswer = () => app.page.getByTestId('assistant-message').last();
  const answered = async (status = 'completed') =>
    expect.poll(() => lastAnswer().getAttribute('data-status'), { timeout: 30_000 }).toBe(status);
  const open = async () =>
    app.page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ timeout: 30_000 });

  it('renders an answer in Markdown, with highlighted code, and keeps an injection attempt as text', async () => {
    await send('markdown please');
    await answered();
    const answer = lastAnswer();
    expect(await answer.getByRole('heading', { level: 2 }).textContent()).toBe('Disk check');
    expect(await answer.locator('strong').first().textContent()).toBe('healthy');
    expect(await answer.locator('ul > li').allTextContents()).toEqual(['first step', 'second step']);
    expect(await answer.locator('table td').allTextContents()).toEqual(['/', '41%']);
    const link = answer.getByRole('link', { name: 'runbook' });
    expect(await link.getAttribute('href')).toBe('https://example.com/runbook');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await answer.locator('pre code .hljs-keyword').first().textContent()).toBe('const');

    // The injection attempt: shown literally, nothing ran, no element was made of it, the script link is inert.
    const text = (await answer.textContent()) ?? '';
    expect(text).toContain('<script>window.__pwned = 1</script>');
    expect(text).toContain('<img src="x" onerror="window.__pwned = 2">');
    expect(await answer.locator('script, img, iframe').count()).toBe(0);
    expect(await answer.getByRole('link', { name: 'do not click' }).count()).toBe(0);
    await answer.getByText('do not click').click();
    expect(await app.page.evaluate('window.__pwned === undefined')).toBe(true);

    // Copy takes exactly the code.
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(app.page.url()).origin,
    });
    await answer.getByRole('button', { name: 'Copy code' }).click();
    await expect
      .poll(() => app.page.evaluate('navigator.clipboard.readText()'))
      .toBe('const free = total - used; // bytes');
    await screenshot(app.page, 'chat-markdown');
  });

  it('reads the same after a reload as it did live, at the same URL', async () => {
    await send('run echo live-and-recorded');
    const card = app.page.getByTestId('approval-card').last();
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Approve' }).click();
    await answered();
    await card.getByTestId('tool-output').filter({ hasText: 'live-and-recorded' }).waitFor();
    const live = (await app.page.evaluate(SNAPSHOT)) as { text: string }[];
    expect(live).toHaveLength(4);
    // The request stays above its card after the decision, then the answer follows.
    expect(live[3]!.text).toMatch(
      /^I'd like to run echo live-and-recorded .*Approved and run.*Done: the tool printed its words\./,
    );

    firstUrl = app.page.url();
    expect(firstUrl).toMatch(/#\/chat\/session-[0-9a-f]{16}$/);
    await app.page.reload({ waitUntil: 'domcontentloaded' });
    await open();
    expect(app.page.url()).toBe(firstUrl);
    await expect.poll(() => app.page.evaluate(SNAPSHOT), { timeout: 20_000 }).toEqual(live);
  });

  it('shows a message sent from another tab, with its question', async () => {
    const other = await app.page.context().newPage();
    try {
      await other.goto(firstUrl, { waitUntil: 'domcontentloaded' });
      await other.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ timeout: 30_000 });
      await other.getByTestId('user-message').first().waitFor({ timeout: 20_000 });
      const input = other.getByLabel('Message your twin');
      await input.fill('sent from the other tab');
      await input.press('Enter');
      await app.page.getByTestId('user-message').filter({ hasText: 'sent from the other tab' }).waitFor();
      await answered();
      expect(await lastAnswer().textContent()).toContain('You wrote: sent from the other tab');
    } finally {
      await other.close();
    }
  });

  it('renames, searches and deletes conversations', async () => {
    const list = app.page.getByTestId('conversation-list');
    const first = list.locator('[data-testid="conversation"]').filter({ hasText: 'markdown please' });
    await first.getByRole('button', { name: /^Rename / }).click();
    // The row turns into the name field (its title text is then the field's value).
    const name = list.getByLabel('New name for the conversation');
    await name.fill('Disk report');
    await name.press('Enter');
    await list.getByText('Disk report').waitFor();
    expect(await app.page.getByTestId('conversation-title').textContent()).toBe('Disk report');

    await app.page.getByRole('button', { name: 'New' }).click();
    await send('bananas are yellow');
    await answered();
    const secondUrl = app.page.url();
    expect(secondUrl).not.toBe(firstUrl);

    const search = app.page.getByRole('searchbox', { name: 'Search conversations' });
    await search.fill('bananas');
    await expect
      .poll(() => list.locator('[data-testid="conversation"]').allTextContents())
      .toEqual([expect.stringContaining('bananas are yellow')]);
    // A word of a message in the renamed conversation finds it, named by its new title.
    await search.fill('live-and-recorded');
    await expect
      .poll(() => list.locator('[data-testid="conversation"]').allTextContents())
      .toEqual([expect.stringContaining('Disk report')]);
    await search.fill('');

    const second = list.locator('[data-testid="conversation"]').filter({ hasText: 'bananas are yellow' });
    await second.getByRole('button', { name: /^Delete / }).click();
    await second.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => list.getByText('bananas are yellow').count()).toBe(0);
    await screenshot(app.page, 'chat-conversations');

    // Gone after a reload too; its old link opens an empty conversation, the renamed one keeps its name.
    await app.page.goto(secondUrl);
    await app.page.reload({ waitUntil: 'domcontentloaded' });
    await open();
    await list.getByText('Disk report').waitFor({ timeout: 15_000 });
    expect(await list.getByText('bananas are yellow').count()).toBe(0);
    expect(await app.page.getByTestId('user-message').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
