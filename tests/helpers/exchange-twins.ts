// Twins for the Memory Exchange system tests and the fleet-search benchmark: each an orchestrator with the mesh on
// and a memory service of its own, on 127.0.0.1 with one swarm key, driven through its HTTP face and read through
// its memory service. Starter knowledge is left out so that a twin's domains hold only what the caller commits.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ExchangeOverview, MemoryQueryResponse } from '@pagi/contracts';
import { MemoryClient } from '@pagi/runtime';
import { meshTwinEnv } from './mesh-node.ts';
import { reservePort } from './ports.ts';
import { TEST_SERVICE_TOKEN } from './service-token.ts';
import { type Stack, startStack } from './stack.ts';

export interface ExchangeTwin {
  name: string;
  stack: Stack;
  peerId: string;
  address: string;
  memory: MemoryClient;
}

/** Polls generously: several twins (two processes each) and the test share a small machine. */
export const SLOW = { timeout: 30_000, interval: 200 };

/**
 * Heartbeats quick enough to meet in a second or two, with room for a busy machine: a fleet search asks only peers
 * listed online, so a late heartbeat must not make one suspect in the middle of a test.
 */
export const EXCHANGE_MESH = { heartbeatMs: 500, suspectAfterMs: 5_000, offlineAfterMs: 10_000 };

export async function api<T = Record<string, unknown>>(
  t: ExchangeTwin,
  method: 'GET' | 'POST' | 'DELETE',
  route: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${t.stack.url('orchestrator')}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** Like `api`, but a status other than 2xx fails with the answer in the message. */
export async function call<T = Record<string, unknown>>(
  t: ExchangeTwin,
  method: 'GET' | 'POST' | 'DELETE',
  route: string,
  body?: unknown,
): Promise<T> {
  const res = await api<T>(t, method, route, body);
  if (res.status >= 300) throw new Error(`${method} ${route} on ${t.name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const overview = (t: ExchangeTwin) => call<ExchangeOverview>(t, 'GET', '/api/phoenix/exchange');

export const fleetQuery = (t: ExchangeTwin, body: Record<string, unknown>) =>
  call<MemoryQueryResponse>(t, 'POST', '/api/memory/query', { scope: 'fleet', ...body });

export async function startExchangeTwin(
  name: string,
  swarmKey: string,
  opts: { bootstrap?: string; env?: Record<string, string> } = {},
): Promise<ExchangeTwin> {
  const port = await reservePort();
  const stack = await startStack({
    services: ['memory', 'orchestrator'],
    env: {
      LOG_LEVEL: 'info',
      KNOWLEDGE_BASES_DIR: '/nonexistent/no-starter',
      ...(await meshTwinEnv(swarmKey, name, port)),
      ...(opts.bootstrap ? { MESH_BOOTSTRAP: opts.bootstrap } : {}),
      MESH_HEARTBEAT_MS: String(EXCHANGE_MESH.heartbeatMs),
      MESH_SUSPECT_AFTER_MS: String(EXCHANGE_MESH.suspectAfterMs),
      MESH_OFFLINE_AFTER_MS: String(EXCHANGE_MESH.offlineAfterMs),
      ...opts.env,
    },
  });
  const memory = new MemoryClient(stack.addresses.MEMORY_GRPC_ADDR!, TEST_SERVICE_TOKEN);
  const twin = { name, stack, peerId: '', address: '', memory };
  const status = await call<{ peer_id: string; listen_addresses: string[] }>(twin, 'GET', '/api/phoenix/status');
  return Object.assign(twin, { peerId: status.peer_id, address: status.listen_addresses[0]! });
}

export async function closeExchangeTwins(twins: ExchangeTwin[]): Promise<void> {
  await Promise.all(
    twins.map((t) => {
      t.memory.close();
      return t.stack.close();
    }),
  );
}

/** The names `t` lists online (itself excluded). */
export async function onlineOn(t: ExchangeTwin): Promise<string[]> {
  const { nodes } = await call<{ nodes: Array<{ name: string; status: string; self: boolean }> }>(
    t,
    'GET',
    '/api/phoenix/fleet',
  );
  return nodes
    .filter((n) => !n.self && n.status === 'online')
    .map((n) => n.name)
    .sort();
}

/** Polls `check` until it holds (usable outside a test, where expect.poll is not); fails naming `what`. */
export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = SLOW.timeout) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, SLOW.interval));
  }
}

/** Waits until `t` lists each of `names` online. */
export async function seesOnline(t: ExchangeTwin, names: string[], timeoutMs = SLOW.timeout): Promise<void> {
  const all = async () => {
    const online = await onlineOn(t);
    return names.every((n) => online.includes(n));
  };
  await waitFor(all, `${t.name} to list ${names.join(', ')} online`, timeoutMs);
}

/** Commits memories into the twin's knowledge namespace, in one domain; returns their ids (in order). */
export function remember(t: ExchangeTwin, domain: string, contents: string[], keyPrefix: string): Promise<string[]> {
  return t.memory.commit(
    contents.map((content, i) => ({
      content,
      namespace: 'knowledge',
      twin_id: '',
      domain,
      memory_type: 'note',
      key: `${keyPrefix}-${i}`,
    })),
  );
}

/** Every memory the twin's memory service holds in a namespace (one page is plenty in tests). */
export async function held(t: ExchangeTwin, namespace: string) {
  return (await t.memory.listPage(namespace, { vectors: false })).memories;
}

/** Whether any file of the twin's data folder contains `needle` (its databases, write-ahead logs, indexes). */
export function dataContains(t: ExchangeTwin, needle: string): string | null {
  const bytes = Buffer.from(needle);
  const walk = (dir: string): string | null => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(p);
        if (found) return found;
      } else if (entry.isFile() && statSync(p).size < 256 * 2 ** 20 && readFileSync(p).includes(bytes)) return p;
    }
    return null;
  };
  return walk(t.stack.dataDir);
}
