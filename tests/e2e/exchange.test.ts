// The Memory Exchange in a real browser: a twin with the mesh on and one memory holding an e-mail address, and a
// mesh node in this process acting as a peer twin (its exchange handler records what arrives). The peer subscribes to
// a topic offered in the browser; the share request lists the memory redacted; approving sends exactly that, and
// revoking takes it back. Standing grants, the peer's own offers and what it shares are driven from the browser too.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RequestBody__Output } from '@pagi/contracts/gen/exchange/RequestBody.ts';
import type { Response } from '@pagi/contracts/gen/exchange/Response.ts';
import { generateSwarmKey, type Mesh } from '@pagi/mesh';
import { MemoryClient } from '@pagi/runtime';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meshTwinEnv, startMeshNode } from '../helpers/mesh-node.ts';
import { TEST_SERVICE_TOKEN } from '../helpers/service-token.ts';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';

const KEY = generateSwarmKey();
const WAIT = { timeout: 20_000, interval: 200 };
const ADDRESS = 'releases@example.com';
const NOTE = `Work notes for the quarterly release: send the release checklist to ${ADDRESS} before the launch review.`;
const RECIPE = 'Bread recipe: flour, water and salt, baked at 230 degrees for forty minutes.';

/** Polls outside a test (expect.poll works only inside one). */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = WAIT.timeout): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, WAIT.interval));
  }
}

/** A peer twin in this process: it offers one topic, waits for its owner on subscriptions, and keeps what arrives. */
function peerHandler(seen: RequestBody__Output[]) {
  return {
    handle: async (_from: { peer: string; twin: string }, req: RequestBody__Output): Promise<Response> => {
      seen.push(req);
      if (req.share) return { ok: true, stored: req.share.memories.length };
      if (req.revoke) return { ok: true, deleted: req.revoke.origin_ids.length };
      if (req.list_offers) return { ok: true, offers: [{ topic: 'recipes', domain: 'heart', description: 'baking' }] };
      if (req.subscribe) return { ok: true, status: 'waiting', reason: 'the owner of away decides' };
      return { ok: false, reason: 'not answered here' };
    },
  };
}

const text = (l: Locator) => l.textContent().then((t) => t ?? '');

describe.skipIf(!chromiumAvailable())('Memory Exchange panel in the browser', () => {
  let app: App;
  let peer: Mesh;
  let twinPeer: string;
  let memoryId: string;
  const seen: RequestBody__Output[] = [];
  const shares = () => seen.flatMap((r) => (r.share ? [r.share] : []));
  const revokes = () => seen.flatMap((r) => (r.revoke ? [r.revoke] : []));

  beforeAll(async () => {
    app = await bootApp({
      ...(await meshTwinEnv(KEY, 'home')),
      // No starter knowledge: the Mind domain holds exactly the memory this test puts there.
      KNOWLEDGE_BASES_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'pagi-exchange-')), 'none'),
    });
    const memory = new MemoryClient(app.stack.addresses.MEMORY_GRPC_ADDR!, TEST_SERVICE_TOKEN);
    [memoryId] = (await memory.commit([
      { content: NOTE, namespace: 'knowledge', twin_id: '', domain: 'mind', memory_type: 'note', key: 'work-note' },
    ])) as [string];
    memory.close();

    await app.go('network');
    const status = app.page.getByTestId('mesh-status');
    await status.getByText('fingerprint').waitFor({ timeout: 15_000 });
    twinPeer = (await text(status.locator('dd').first())).trim();
    const address = (await text(status.locator('dd').nth(2))).split(', ')[0]!;
    peer = await startMeshNode('away', {
      swarmKey: KEY,
      bootstrap: [address],
      exchange: {
        limits: { requests: 100, bytes: 16_000_000, windowMs: 60_000 },
        clockWindowMs: 60_000,
        timeoutMs: 5_000,
      },
    });
    peer.exchange!.setHandler(peerHandler(seen));
    const node = app.page.getByTestId('fleet-node-away');
    await until(async () => ((await node.getAttribute('class')) ?? '').includes('fleet-node--online'));
    await until(() => peer.fleet.list().some((n) => n.peer_id === twinPeer && n.status === 'online'));
  });
  afterAll(async () => {
    await peer?.stop().catch(() => undefined);
    await app?.close();
  });

  it('asks before sharing, lists the memory redacted, sends exactly that on approval, and takes it back', async () => {
    const panel = app.page.getByTestId('exchange-panel');
    await panel.getByText('No share request').waitFor({ timeout: WAIT.timeout });

    const form = panel.getByTestId('offer-form');
    await form.getByLabel('Topic').fill('work');
    await form.getByLabel('Domain').selectOption('mind');
    await form.getByLabel('Description').fill('release planning');
    await form.getByRole('button', { name: 'Offer topic' }).click();
    const offer = panel.getByTestId('offer-work');
    await offer.waitFor({ timeout: WAIT.timeout });
    await offer.getByRole('button', { name: 'Preview what work would send' }).click();
    const preview = offer.getByTestId('offer-preview');
    await preview.getByTestId('outbound-memory').waitFor({ timeout: WAIT.timeout });
    expect(await text(preview)).toContain('to [EMAIL] before');
    expect(await text(preview)).not.toContain(ADDRESS);

    // The peer subscribes; without a grant the owner decides on a card.
    const answer = await peer.exchange!.request(twinPeer, { subscribe: { topic: 'work' } });
    expect([answer.ok, answer.status]).toEqual([true, 'waiting']);
    const card = panel.locator('[data-testid^="share-request-"]');
    await card.waitFor({ timeout: WAIT.timeout });
    expect(await card.getAttribute('data-testid')).toMatch(/^share-request-[0-9a-f]{8}$/);
    expect(await text(card.getByRole('heading'))).toBe('Share work with away');
    expect(await text(card.getByTestId('share-peer'))).toBe(`away ${peer.peerId.slice(0, 8)}…${peer.peerId.slice(-6)}`);
    const listed = card.getByTestId('outbound-memory');
    expect(await listed.count()).toBe(1);
    expect(await listed.getAttribute('data-origin')).toBe(memoryId);
    expect(await text(listed)).toContain(NOTE.replace(ADDRESS, '[EMAIL]'));
    expect(await text(card)).not.toContain(ADDRESS);
    expect(await card.getByTestId('redaction-badge').allTextContents()).toEqual(['EMAIL ×1']);
    await card.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'exchange-share-request');

    await card.getByTestId('share-approve').click();
    await expect.poll(() => shares().length, WAIT).toBe(1);
    const sent = shares()[0]!;
    expect(sent.topic).toBe('work');
    expect(sent.memories.map((m) => [m.origin_id, m.content, m.domain])).toEqual([
      [memoryId, NOTE.replace(ADDRESS, '[EMAIL]'), 'mind'],
    ]);
    expect(sent.memories[0]!.redactions).toEqual([{ type: 'EMAIL', count: 1 }]);
    await card.waitFor({ state: 'detached', timeout: WAIT.timeout });

    const shared = panel.getByTestId('shared-list').getByTestId('shared-work');
    await expect.poll(() => shared.getAttribute('data-held'), WAIT).toBe('1');
    expect(await shared.getAttribute('data-peer')).toBe(peer.peerId);
    expect(await text(shared)).toContain('away');
    await shared.getByRole('button', { name: 'Take back work from away' }).click();
    await expect.poll(() => revokes().map((r) => r.origin_ids), WAIT).toEqual([[memoryId]]);
    await expect.poll(() => shared.getAttribute('data-held'), WAIT).toBe('0');

    expect(app.errors).toEqual([]);
  });

  it('shares under a standing grant without a card, revokes it with what it shared, and follows a peer topic', async () => {
    const panel = app.page.getByTestId('exchange-panel');
    const grants = panel.getByTestId('exchange-grants');
    await grants.getByLabel('Offered topic').selectOption('work');
    await grants.getByLabel('Peer', { exact: true }).selectOption({ label: 'away' });
    await grants.getByRole('button', { name: 'Always share' }).click();
    const grant = grants.getByTestId('grant-work');
    await grant.waitFor({ timeout: WAIT.timeout });
    expect(await text(grant)).toContain('always shared with away');

    const before = shares().length;
    const answer = await peer.exchange!.request(twinPeer, { subscribe: { topic: 'work' } });
    expect([answer.ok, answer.status]).toEqual([true, 'shared']);
    await expect.poll(() => shares().length, WAIT).toBe(before + 1);
    expect(
      shares()
        .at(-1)!
        .memories.map((m) => m.content),
    ).toEqual([NOTE.replace(ADDRESS, '[EMAIL]')]);
    expect(await panel.locator('[data-testid^="share-request-"]').count()).toBe(0);
    const shared = panel.getByTestId('shared-list').getByTestId('shared-work');
    await expect.poll(() => shared.getAttribute('data-held'), WAIT).toBe('1');

    const revoked = revokes().length;
    await grant.getByLabel('Also take back what was shared').check();
    await grant.getByRole('button', { name: 'Revoke the grant of work to away' }).click();
    await grant.waitFor({ state: 'detached', timeout: WAIT.timeout });
    await expect.poll(() => revokes().length, WAIT).toBe(revoked + 1);
    expect(revokes().at(-1)!.origin_ids).toEqual([memoryId]);
    await expect.poll(() => shared.getAttribute('data-held'), WAIT).toBe('0');

    // The peer's side: what it offers, a subscription that waits for its owner, then what it shares.
    const subs = panel.getByTestId('exchange-subscriptions');
    await subs.getByLabel('Peer', { exact: true }).selectOption({ label: 'away (online)' });
    await subs.getByRole('button', { name: 'Load its offers' }).click();
    await subs.getByRole('button', { name: 'Subscribe to recipes from away' }).click();
    const sub = subs.getByTestId('subscription-recipes');
    await expect.poll(() => sub.getAttribute('data-status'), WAIT).toBe('waiting');
    expect(await text(sub)).toContain('the owner of away decides');
    expect(seen.some((r) => r.subscribe?.topic === 'recipes')).toBe(true);

    const stored = await peer.exchange!.request(twinPeer, {
      share: {
        topic: 'recipes',
        memories: [
          {
            origin_id: 'r-1',
            content: RECIPE,
            domain: 'heart',
            memory_type: 'exchange',
            created_at_ms: Date.now(),
            redactions: [],
          },
        ],
      },
    });
    expect([stored.ok, stored.stored]).toEqual([true, 1]);
    const received = panel.getByTestId('received-list').getByTestId('received-recipes');
    await received.waitFor({ timeout: WAIT.timeout });
    expect(await text(received)).toContain(RECIPE);
    expect(await text(received)).toContain('away');
    await expect.poll(() => sub.getAttribute('data-status'), WAIT).toBe('shared');
    await panel.getByTestId('received-list').scrollIntoViewIfNeeded();
    await screenshot(app.page, 'exchange-shared-received');
    expect(app.errors).toEqual([]);
  });

  it('shows what redaction makes of a typed text', async () => {
    const panel = app.page.getByTestId('exchange-panel');
    const box = panel.getByTestId('redaction-preview');
    await box.getByLabel('Text to check').fill('Write to me at bob@example.org about the offsite.');
    await box.getByRole('button', { name: 'Preview redaction' }).click();
    const result = box.getByTestId('redaction-result');
    // The answer or the reason there is none, whichever comes: a refusal fails with its message.
    await result.or(box.getByRole('alert')).waitFor({ timeout: WAIT.timeout });
    expect(await box.getByRole('alert').allTextContents()).toEqual([]);
    expect(await text(result)).toContain('Write to me at [EMAIL] about the offsite.');
    expect(await result.getByTestId('redaction-badge').allTextContents()).toEqual(['EMAIL ×1']);
    expect(app.errors).toEqual([]);
  });
});
