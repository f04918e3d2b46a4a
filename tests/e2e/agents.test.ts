// Agents in a real browser against the whole stack, driven by the offline planner: a run of ops-diagnostician works
// through two commands, each approved from its card in the Agents view; the completed run is saved as a playbook,
// which is run again from the Playbooks tab, its steps approved, and that run completes too.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';

const WAIT = { timeout: 30_000, interval: 200 };

/** The approval card of the shown run whose command is exactly `command`. */
const cardFor = (page: Page, command: string) =>
  page
    .getByTestId('run-detail')
    .getByTestId('agent-approval-card')
    .filter({ has: page.getByTestId('agent-approval-command').getByText(command, { exact: true }) });

/** Approves `command` from its card, once it shows, and waits for the card to go. */
async function approve(page: Page, command: string): Promise<void> {
  const card = cardFor(page, command);
  await card.waitFor({ timeout: WAIT.timeout });
  expect(await card.getByTestId('agent-approval-who').textContent()).toMatch(
    /^Proposed by agent ops-diagnostician · run /,
  );
  await card.getByTestId('agent-approve').click();
  await card.waitFor({ state: 'detached', timeout: WAIT.timeout });
}

/**
 * Approves `command` when the shown run asks for it; false when the run completed without asking (a pre-approved
 * step of a playbook).
 */
async function approveIfAsked(page: Page, command: string): Promise<boolean> {
  const detail = page.getByTestId('run-detail');
  const deadline = Date.now() + WAIT.timeout;
  while (Date.now() < deadline) {
    if ((await cardFor(page, command).count()) > 0) {
      await approve(page, command);
      return true;
    }
    if ((await detail.getAttribute('data-status')) === 'completed') return false;
    await page.waitForTimeout(WAIT.interval);
  }
  throw new Error(`the run neither asked for ${command} nor completed`);
}

/** The outputs of the shown run's observations, in step order. */
async function observations(detail: Locator): Promise<string[]> {
  return detail
    .locator('[data-testid="run-step"][data-kind="observation"] [data-testid="step-output"]')
    .allTextContents();
}

describe.skipIf(!chromiumAvailable())('agents in the browser', () => {
  let app: App;
  let firstRun = '';
  /** The playbook's steps that are not pre-approved: a run of it asks for each. */
  const askFirst: string[] = [];
  beforeAll(async () => {
    app = await bootApp();
    await app.go('agents');
    await app.page.getByTestId('agents-view').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('starts a run, approves both of its commands from their cards, and shows it completed', async () => {
    const { page } = app;
    const form = page.getByTestId('start-run-form');
    await form.getByLabel('Template').selectOption('ops-diagnostician');
    await form.getByLabel('Goal').fill('run uname -s then run nproc');
    await form.getByTestId('start-run').click();

    const detail = page.getByTestId('run-detail');
    await detail.waitFor({ timeout: WAIT.timeout });
    firstRun = (await detail.getAttribute('data-run-id')) ?? '';
    expect(firstRun).toMatch(/^run_/);
    expect(await page.getByTestId(`run-${firstRun}`).isVisible()).toBe(true);

    // The first command waits for approval: the run says so, and the navigation counts it.
    await cardFor(page, 'uname -s').waitFor({ timeout: WAIT.timeout });
    await expect.poll(() => detail.getAttribute('data-status'), WAIT).toBe('waiting_approval');
    await expect.poll(() => page.getByTestId('agents-pending-badge').textContent(), WAIT).toMatch(/^1/);
    await cardFor(page, 'uname -s').scrollIntoViewIfNeeded();
    await screenshot(page, 'agents-approval');

    await approve(page, 'uname -s');
    await approve(page, 'nproc');

    await expect.poll(() => detail.getAttribute('data-status'), WAIT).toBe('completed');
    await expect.poll(() => observations(detail), WAIT).toHaveLength(2);
    const [uname, nproc] = await observations(detail);
    expect(uname).toContain('Linux');
    expect(nproc?.trim()).toMatch(/^\d+$/);
    expect(await page.getByTestId(`run-${firstRun}`).getAttribute('data-status')).toBe('completed');
    expect(await page.getByTestId('agents-pending-badge').count()).toBe(0);
    expect(await detail.getByTestId('run-stop').count()).toBe(0);
  });

  it('nests a sub-agent under the run that asked for it, and Stop ends both', async () => {
    const { page } = app;
    const form = page.getByTestId('start-run-form');
    await form.getByLabel('Goal').fill('ask ops-diagnostician to run date');
    await form.getByTestId('start-run').click();
    const detail = page.getByTestId('run-detail');
    await expect.poll(async () => (await detail.getAttribute('data-run-id')) !== firstRun, WAIT).toBe(true);
    const parent = (await detail.getAttribute('data-run-id'))!;
    const root = page.getByTestId(`run-${parent}`);
    const child = root.locator('[data-level="1"]');
    await child.waitFor({ timeout: WAIT.timeout });
    await expect.poll(() => root.getAttribute('data-status'), WAIT).toBe('waiting_children');
    await expect.poll(() => child.getAttribute('data-status'), WAIT).toBe('waiting_approval');
    expect(await child.textContent()).toContain('run date');

    // The child's card is on the child's run; Stop on the parent ends both, and the card is gone.
    await child.getByRole('button').first().click();
    await cardFor(page, 'date').waitFor({ timeout: WAIT.timeout });
    await root.getByRole('button').first().click();
    await detail.getByTestId('run-stop').click();
    await expect.poll(() => root.getAttribute('data-status'), WAIT).toBe('stopped');
    await expect.poll(() => child.getAttribute('data-status'), WAIT).toBe('stopped');
    await expect.poll(() => page.getByTestId('agents-pending-badge').count(), WAIT).toBe(0);

    // Back to the completed run for the next test.
    await page.getByTestId(`run-${firstRun}`).getByRole('button').first().click();
    await expect.poll(() => detail.getAttribute('data-run-id'), WAIT).toBe(firstRun);
  });

  it('saves the completed run as a playbook and lists it with its steps', async () => {
    const { page } = app;
    const save = page.getByTestId('save-playbook-form');
    await save.getByLabel('Playbook name').fill('host-check');
    await save.getByLabel('Description (optional)').fill('Kernel name and CPU count of the host');
    await save.getByTestId('save-playbook').click();
    await save.getByTestId('playbook-saved').waitFor({ timeout: WAIT.timeout });
    expect(await save.getByTestId('playbook-saved').textContent()).toContain('host-check');

    await page.getByTestId('agents-tab-playbooks').click();
    const item = page.getByTestId('playbook-host-check');
    await item.waitFor({ timeout: WAIT.timeout });
    await item.getByRole('button').click();
    const shown = page.getByTestId('playbook-detail');
    await expect.poll(() => shown.getAttribute('data-name'), WAIT).toBe('host-check');
    expect(await shown.textContent()).toContain('Kernel name and CPU count of the host');
    const steps = await shown.getByTestId('playbook-step').locator('code').allTextContents();
    expect(steps).toEqual(['uname -s', 'nproc']);
    const rows = await shown.getByTestId('playbook-step').all();
    for (const [i, row] of rows.entries())
      if ((await row.getByTestId('pre-approved').count()) === 0) askFirst.push(steps[i]!);
    await screenshot(page, 'agents-playbook');
  });

  it('runs the playbook again; its steps are approved and the second run completes', async () => {
    const { page } = app;
    await page.getByTestId('run-playbook-form').getByTestId('run-playbook').click();

    // The view shows the new run in the Runs tab.
    const detail = page.getByTestId('run-detail');
    await expect
      .poll(async () => {
        const id = await detail.getAttribute('data-run-id').catch(() => null);
        return id && id !== firstRun ? id : null;
      }, WAIT)
      .not.toBeNull();
    const second = (await detail.getAttribute('data-run-id'))!;
    expect(await detail.textContent()).toContain('host-check');

    // Steps the playbook did not pre-approve ask again, each from its card.
    const asked: string[] = [];
    for (const command of ['uname -s', 'nproc']) if (await approveIfAsked(page, command)) asked.push(command);
    expect(asked).toEqual(askFirst);
    await expect.poll(() => detail.getAttribute('data-status'), WAIT).toBe('completed');
    await expect.poll(() => observations(detail), WAIT).toHaveLength(2);
    expect((await observations(detail))[0]).toContain('Linux');
    expect(await page.getByTestId(`run-${second}`).getAttribute('data-status')).toBe('completed');
    expect(await page.getByTestId(`run-${firstRun}`).getAttribute('data-status')).toBe('completed');
    await screenshot(page, 'agents');
    expect(app.errors).toEqual([]);
  });

  it('schedules the playbook, shows its next run, disables it and deletes it', async () => {
    const { page } = app;
    await page.getByTestId('agents-tab-schedules').click();
    const form = page.getByTestId('schedule-form');
    await form.getByLabel('Schedule name').fill('Morning host check');
    await form.getByLabel('Cron (minute hour day month weekday)').fill('0 7 * * *');
    await form.getByLabel('Time zone').fill('UTC');
    await form.getByLabel('Starts').selectOption('playbook');
    await form.getByLabel('Playbook').selectOption('host-check');
    await form.getByTestId('schedule-save').click();

    const item = page.getByTestId('schedule-list').locator('li[data-testid^="schedule-sch_"]').first();
    await item.waitFor({ timeout: WAIT.timeout });
    expect(await item.textContent()).toContain('Starts playbook host-check');
    expect(await item.getByTestId('schedule-next').textContent()).toMatch(/\d{4}/);
    await screenshot(page, 'agents-schedules');

    await item.getByTestId('schedule-toggle').click();
    await expect.poll(() => item.getAttribute('data-enabled'), WAIT).toBe('false');
    expect(await item.getByTestId('schedule-next').textContent()).toBe('— (disabled)');
    await item.getByRole('button', { name: 'Delete…' }).click();
    await item.getByRole('button', { name: 'Delete Morning host check' }).click();
    await page.getByText('No schedules').waitFor({ timeout: WAIT.timeout });
    expect(app.errors).toEqual([]);
  });
});
