// The Network view in a real browser: a twin with the mesh on, and a second mesh node (in this process) joining it on
// 127.0.0.1. The view shows this node, draws the peer, opens its details, and follows it going offline live.
import { generateSwarmKey, type Mesh } from '@pagi/mesh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meshTwinEnv, startMeshNode } from '../helpers/mesh-node.ts';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';

const KEY = generateSwarmKey();

describe.skipIf(!chromiumAvailable())('Network view in the browser', () => {
  let app: App;
  let peer: Mesh | undefined;
  beforeAll(async () => {
    app = await bootApp({
      ...(await meshTwinEnv(KEY, 'home')),
    });
  });
  afterAll(async () => {
    await peer?.stop().catch(() => undefined);
    await app?.close();
  });

  it('shows this node, the peer that joins, its details, and its going offline', async () => {
    await app.go('network');
    const status = app.page.getByTestId('mesh-status');
    await status.getByText('fingerprint').waitFor({ timeout: 15_000 });
    const address = (await status.locator('dd').nth(2).textContent())!.split(', ')[0]!;
    peer = await startMeshNode('away', {
      swarmKey: KEY,
      bootstrap: [address],
      role: 'observer',
      health: async () => ({ cpu: 0.25, memory: 0.5, memory_count: 42, ingestion_queue: 0, pending_approvals: 0 }),
    });

    const node = app.page.getByTestId('fleet-node-away');
    await node.waitFor({ timeout: 15_000 });
    await expect.poll(() => node.getAttribute('class'), { timeout: 10_000 }).toContain('fleet-node--online');
    await node.click();
    const details = app.page.getByTestId('node-details');
    await details.getByText('twin-away').waitFor();
    await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain('42 memories');
    expect(await details.textContent()).toContain('observer');
    await app.page.getByTestId('fleet-events').getByText('joined').waitFor({ timeout: 10_000 });
    await screenshot(app.page, 'network');

    await peer.stop();
    await expect.poll(() => node.getAttribute('class'), { timeout: 10_000 }).toContain('fleet-node--offline');
    await app.page.getByTestId('fleet-events').getByText('left (offline)').waitFor({ timeout: 10_000 });

    // The Intelligence Hub lists the peer beside the services; Settings says the mesh is on.
    await app.go('hub');
    await app.page.getByTestId('mesh-peers').getByText('away').waitFor({ timeout: 10_000 });
    await app.go('settings');
    await app.page.getByTestId('settings-mesh').getByText(/^On: /).waitFor({ timeout: 15_000 });
    expect(app.errors).toEqual([]);
  });
});
