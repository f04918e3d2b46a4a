// The Network view in a real browser: a twin with the mesh on, and a second mesh node (in this process) joining it on
// 127.0.0.1. The view shows this node, draws the peer, opens its details, and follows it going offline live.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSwarmKey, Mesh } from '@pagi/mesh';
import { createLogger } from '@pagi/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservePort } from '../helpers/ports.ts';
import { type App, bootApp } from './support/app.ts';
import { chromiumAvailable, screenshot } from './support/browser.ts';

const KEY = generateSwarmKey();
const TIMING = { heartbeatMs: 300, suspectAfterMs: 1500, offlineAfterMs: 3000 };

describe.skipIf(!chromiumAvailable())('Network view in the browser', () => {
  let app: App;
  let peer: Mesh | undefined;
  beforeAll(async () => {
    app = await bootApp({
      MESH_ENABLED: 'true',
      MESH_SWARM_KEY: KEY,
      MESH_LISTEN: `/ip4/127.0.0.1/tcp/${await reservePort()}`,
      MESH_MDNS: 'false',
      MESH_NODE_NAME: 'home',
      MESH_HEARTBEAT_MS: String(TIMING.heartbeatMs),
      MESH_SUSPECT_AFTER_MS: String(TIMING.suspectAfterMs),
      MESH_OFFLINE_AFTER_MS: String(TIMING.offlineAfterMs),
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
    const dir = mkdtempSync(path.join(tmpdir(), 'pagi-e2e-peer-'));
    peer = await Mesh.start({
      identityDir: dir,
      stateDir: dir,
      swarmKey: KEY,
      listen: ['/ip4/127.0.0.1/tcp/0'],
      bootstrap: [address],
      mdns: false,
      trustedPeers: [],
      twinId: 'twin-away',
      nodeName: 'away',
      version: '1.0.0',
      role: 'observer',
      ...TIMING,
      clockWindowMs: 60_000,
      handshakeTimeoutMs: 3_000,
      health: async () => ({ cpu: 0.25, memory: 0.5, memory_count: 42, ingestion_queue: 0, pending_approvals: 0 }),
      logger: createLogger('e2e-peer', 'silent'),
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
