// Consensus Sync in a real browser: a twin with the mesh on, and two mesh nodes in this process (Consensus Sync on,
// artifacts in memory) joining it on 127.0.0.1. A peer's proposal becomes a vote card; the browser's vote carries it and
// every node applies it; proposals made in the browser (new content, then a rollback) reach the peers.
import { generateSwarmKey, type Mesh } from '@pagi/mesh';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldArtifacts, startConsensusNode } from '../helpers/consensus-node.ts';
import { meshTwinEnv } from '../helpers/mesh-node.ts';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';

const KEY = generateSwarmKey();
const WAIT = { timeout: 20_000, interval: 200 };
const RESEARCHER =
  'name: researcher\ndescription: Finds and summarises sources\nrole: Researches a question in memory and cites what it finds.\ntools:\n  - grep\n';

/** Polls outside a test (expect.poll works only inside one). */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = WAIT.timeout): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, WAIT.interval));
  }
}

const short = (id: string) => id.slice(0, 12);
const online = (mesh: Mesh) =>
  mesh.fleet
    .list()
    .filter((n) => !n.self && n.status === 'online')
    .map((n) => n.name)
    .sort();
const proposalOn = (mesh: Mesh, target: string) => mesh.consensus!.list().find((p) => p.target === target);

async function tallyOf(scope: Locator) {
  const t = scope.getByTestId('tally').first();
  const [accept, needed, voters] = await Promise.all(
    ['data-accept', 'data-needed', 'data-voters'].map((a) => t.getAttribute(a)),
  );
  return `${accept}/${needed} of ${voters}`;
}

/** Waits until the decided proposal is in the history with `status`, and opens its details. */
async function decided(page: Page, id: string, status: string): Promise<Locator> {
  const item = page.getByTestId(`history-${short(id)}`);
  await item.waitFor({ timeout: WAIT.timeout });
  await expect.poll(() => item.getAttribute('data-status'), WAIT).toBe(status);
  if ((await item.locator('details').getAttribute('open')) === null) await item.locator('summary').click();
  return item;
}

async function proposeInForm(page: Page, fields: { target?: string; content?: string; reason: string }) {
  const form = page.getByTestId('propose-form');
  if (fields.target !== undefined) {
    await form.getByLabel('Kind').selectOption('agent_template');
    await form.getByLabel('Target').fill(fields.target);
  }
  if (fields.content !== undefined) await form.getByLabel('Content (the whole new text)').fill(fields.content);
  await form.getByLabel('Reason', { exact: true }).fill(fields.reason);
  await form.getByRole('button', { name: 'Propose to the fleet' }).click();
  await form
    .getByRole('status')
    .getByText(/^Proposed/)
    .waitFor({ timeout: WAIT.timeout });
}

describe.skipIf(!chromiumAvailable())('Consensus panel in the browser', () => {
  let app: App;
  const peers: Mesh[] = [];
  beforeAll(async () => {
    app = await bootApp({
      ...(await meshTwinEnv(KEY, 'home')),
      MESH_CONSENSUS_SYNC_MS: '500',
    });
    await app.go('network');
    const status = app.page.getByTestId('mesh-status');
    await status.getByText('fingerprint').waitFor({ timeout: 15_000 });
    const address = (await status.locator('dd').nth(2).textContent())!.split(', ')[0]!;
    for (const name of ['away', 'afar'])
      peers.push(await startConsensusNode(name, { swarmKey: KEY, bootstrap: [address] }));
    // Every node sees the other two online before anyone proposes (a proposal's voters are the online ones).
    await until(() => online(peers[0]!).join() === 'afar,home' && online(peers[1]!).join() === 'away,home');
    for (const name of ['away', 'afar']) {
      const node = app.page.getByTestId(`fleet-node-${name}`);
      await until(async () => ((await node.getAttribute('class')) ?? '').includes('fleet-node--online'));
    }
  });
  afterAll(async () => {
    await Promise.all(peers.map((p) => p.stop().catch(() => undefined)));
    await app?.close();
  });

  it("shows a peer's proposal as a vote card; the browser's accept carries it and every node applies it", async () => {
    const { page } = app;
    const [away, afar] = peers as [Mesh, Mesh];
    await page.getByTestId('consensus-panel').getByText('Nothing to vote on').waitFor({ timeout: WAIT.timeout });

    const id = away.consensus!.propose({
      kind: 'agent_template',
      target: 'researcher',
      payload: Buffer.from(RESEARCHER),
      reason: 'a research agent for every twin',
      deadlineMs: 120_000,
    });
    const card = page.getByTestId(`vote-card-${short(id)}`);
    await card.waitFor({ timeout: WAIT.timeout });
    expect(await card.getByRole('heading').textContent()).toBe('Agent template researcher');
    expect(await card.getByTestId('proposer').textContent()).toBe('away');
    expect(await card.textContent()).toContain('a research agent for every twin');
    expect(await card.getByTestId('countdown').textContent()).toMatch(/^closes in [12] min \d\d s$/);
    expect(await card.locator('ins').allTextContents()).toContain('+ name: researcher\n');
    expect(await tallyOf(card)).toBe('1/2 of 3');
    expect(await card.getByTestId('tally').textContent()).toContain('Accept 1 of 2 needed · Reject 0 · 3 voters');
    // The other peer holds the same proposal, open.
    await expect.poll(() => proposalOn(afar, 'researcher')?.status, WAIT).toBe('open');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'consensus-vote-card');

    await card.getByLabel('Reason for your vote (optional)').fill('useful for research questions');
    await card.getByTestId('vote-accept').click();
    // Accepted: the card leaves the open proposals for the history, with the tally that carried it.
    const item = await decided(page, id, 'accepted');
    await card.waitFor({ state: 'detached', timeout: WAIT.timeout });
    expect(await tallyOf(item)).toBe('2/2 of 3');
    expect(await item.textContent()).toContain('home voted accept: “useful for research questions”');
    await page
      .getByTestId('artifact-agent_template-researcher')
      .getByText('v1', { exact: true })
      .waitFor({ timeout: WAIT.timeout });
    expect(await page.getByTestId('artifact-agent_template-researcher').textContent()).toContain(
      'agent_template researcher v1',
    );
    for (const peer of peers)
      await expect.poll(() => heldArtifacts(peer), WAIT).toContain('agent_template researcher v1');
    // Every node reports its application, and the history shows each one.
    await expect.poll(() => item.getByTestId('applications').locator('li').count(), WAIT).toBe(3);
    expect(await item.getByTestId('applications').textContent()).toContain('away applied it as version 1');
    expect(await item.locator('ins').allTextContents()).toContain('+ name: researcher\n');
    expect(app.errors).toEqual([]);
  });

  it('sends a proposal made in the form to the peers, then a rollback made from the artifact list', async () => {
    const { page } = app;
    const [away, afar] = peers as [Mesh, Mesh];

    // A new artifact, written in the form.
    await proposeInForm(page, {
      target: 'writer',
      content:
        'name: writer\ndescription: Drafts and edits text\nrole: Drafts letters and notes in the owner’s voice.\n',
      reason: 'a writing agent',
    });
    for (const peer of peers) await expect.poll(() => proposalOn(peer, 'writer')?.status, WAIT).toBe('open');
    const writer = proposalOn(away, 'writer')!;
    const card = page.getByTestId(`vote-card-${short(writer.id)}`);
    await card.getByTestId('my-vote').waitFor({ timeout: WAIT.timeout });
    expect(await tallyOf(card)).toBe('1/2 of 3');
    afar.consensus!.vote(writer.id, 'accept', 'fine');
    await decided(page, writer.id, 'accepted');
    await page
      .getByTestId('artifact-agent_template-writer')
      .getByText('v1', { exact: true })
      .waitFor({ timeout: WAIT.timeout });
    for (const peer of peers) await expect.poll(() => heldArtifacts(peer), WAIT).toContain('agent_template writer v1');

    // A change to researcher from the artifact list: the form opens on it with its content.
    const researcher = page.getByTestId('artifact-agent_template-researcher');
    await researcher.getByRole('button', { name: /^Propose a change/ }).click();
    const content = page.getByTestId('propose-form').getByLabel('Content (the whole new text)');
    await expect.poll(() => content.inputValue(), WAIT).toBe(RESEARCHER);
    await proposeInForm(page, { content: RESEARCHER.replace('sources', 'primary sources'), reason: 'be precise' });
    await expect.poll(() => proposalOn(away, 'researcher')?.status === 'open', WAIT).toBe(true);
    away.consensus!.vote(proposalOn(away, 'researcher')!.id, 'accept');
    await researcher.getByText('v2', { exact: true }).waitFor({ timeout: WAIT.timeout });

    // Going back: the rollback proposal carries version 1's content to the peers.
    await researcher.getByRole('button', { name: /^Propose rollback to v1/ }).click();
    await page.getByTestId('rollback-note').waitFor();
    await proposeInForm(page, { reason: 'the first wording was better' });
    await expect.poll(() => proposalOn(afar, 'researcher')?.status === 'open', WAIT).toBe(true);
    const rollback = proposalOn(afar, 'researcher')!;
    expect(afar.consensus!.get(rollback.id).payload).toBe(RESEARCHER);
    afar.consensus!.vote(rollback.id, 'accept', 'agreed');
    await researcher.getByText('v3', { exact: true }).waitFor({ timeout: WAIT.timeout });
    for (const peer of peers)
      await expect.poll(() => heldArtifacts(peer), WAIT).toContain('agent_template researcher v3');
    await (await decided(page, rollback.id, 'accepted')).scrollIntoViewIfNeeded();
    await screenshot(page, 'consensus-history');
    expect(app.errors).toEqual([]);
  });
});
