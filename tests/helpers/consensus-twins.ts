// Twins (orchestrator processes with the mesh and Consensus Sync on) for the consensus system tests: started on
// 127.0.0.1 with one swarm key and quick heartbeats and catch-up, and read through their HTTP and gRPC faces.
import type { ProposalDetail } from '@pagi/contracts';
import { generateSwarmKey } from '@pagi/mesh';
import { createClient, loadProto, unary } from '@pagi/runtime';
import type { AdminServiceClient } from '@pagi/runtime/gen/orchestrator/AdminService.ts';
import type { OrchestratorServiceClient } from '@pagi/runtime/gen/orchestrator/OrchestratorService.ts';
import { expect } from 'vitest';
import { meshTwinEnv } from './mesh-node.ts';
import { reservePort } from './ports.ts';
import { TEST_SERVICE_TOKEN } from './service-token.ts';
import { type Stack, startStack } from './stack.ts';

export const SWARM_KEY = generateSwarmKey();

export interface Twin {
  name: string;
  stack: Stack;
  peerId: string;
  address: string;
  grpc: OrchestratorServiceClient;
  admin: AdminServiceClient;
}

/** Polls generously: three orchestrators and the test share a small machine. */
export const SLOW = { timeout: 30_000, interval: 200 };

export async function api<T = Record<string, unknown>>(
  t: Twin,
  method: 'GET' | 'POST',
  route: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${t.stack.url('orchestrator')}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function startTwin(name: string, bootstrap?: string): Promise<Twin> {
  const port = await reservePort();
  const stack = await startStack({
    services: ['orchestrator'],
    env: {
      LOG_LEVEL: 'info',
      ...(await meshTwinEnv(SWARM_KEY, name, port)),
      MESH_CONSENSUS_SYNC_MS: '500',
      ...(bootstrap ? { MESH_BOOTSTRAP: bootstrap } : {}),
    },
  });
  const proto = loadProto('orchestrator').orchestrator;
  const at = (v: string) => `127.0.0.1:${stack.ports[v]}`;
  const twin: Twin = {
    name,
    stack,
    peerId: '',
    address: '',
    grpc: createClient(proto.OrchestratorService, at('ORCHESTRATOR_GRPC_PORT'), TEST_SERVICE_TOKEN),
    admin: createClient(proto.AdminService, at('ORCHESTRATOR_ADMIN_GRPC_PORT'), TEST_SERVICE_TOKEN),
  };
  const status = (await api<{ peer_id: string; listen_addresses: string[] }>(twin, 'GET', '/api/phoenix/status')).body;
  return Object.assign(twin, { peerId: status.peer_id, address: status.listen_addresses[0]! });
}

/** Three twins, the second and third bootstrapped to the first. */
export async function startTrio(): Promise<Twin[]> {
  const one = await startTwin('one');
  return [one, ...(await Promise.all(['two', 'three'].map((n) => startTwin(n, one.address))))];
}

export async function closeTwins(twins: Twin[]): Promise<void> {
  for (const t of twins) {
    t.grpc.close();
    t.admin.close();
    await t.stack.close();
  }
}

/** The names `t` lists online (itself excluded). */
export async function onlineOn(t: Twin): Promise<string[]> {
  const { body } = await api<{ nodes: Array<{ name: string; status: string; self: boolean }> }>(
    t,
    'GET',
    '/api/phoenix/fleet',
  );
  return body.nodes
    .filter((n) => !n.self && n.status === 'online')
    .map((n) => n.name)
    .sort();
}

/** Waits (up to SLOW.timeout) until every twin lists every other online; usable outside a test, too. */
export async function allOnline(twins: Twin[]): Promise<void> {
  const deadline = Date.now() + SLOW.timeout;
  for (const t of twins) {
    const others = twins.filter((o) => o !== t).map((o) => o.name);
    for (;;) {
      const online = await onlineOn(t);
      if (others.every((n) => online.includes(n))) break;
      if (Date.now() > deadline) throw new Error(`${t.name} lists ${online.join(', ') || 'nobody'} online`);
      await new Promise((r) => setTimeout(r, SLOW.interval));
    }
  }
}

export async function propose(t: Twin, body: Record<string, unknown>): Promise<string> {
  const res = await api<{ id: string }>(t, 'POST', '/api/phoenix/proposals', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** A proposal as `t` sees it, or null while `t` does not hold it. */
export async function detail(t: Twin, id: string): Promise<ProposalDetail | null> {
  const res = await api<ProposalDetail>(t, 'GET', `/api/phoenix/proposals/${id}`);
  return res.status === 200 ? res.body : null;
}

/** Waits until `t` holds the proposal and may vote on it. */
export async function received(t: Twin, id: string): Promise<void> {
  await expect.poll(async () => (await detail(t, id))?.can_vote ?? false, SLOW).toBe(true);
}

export async function vote(t: Twin, id: string, choice: 'accept' | 'reject', reason = '') {
  return api<ProposalDetail>(t, 'POST', `/api/phoenix/proposals/${id}/vote`, { vote: choice, reason });
}

/** The system prompt the twin uses now (its admin gRPC face). */
export async function promptOf(t: Twin): Promise<{ prompt: string; author: string }> {
  const res = await unary(t.admin, 'GetPromptHistory', { limit: 1 });
  return { prompt: res.versions[0]!.prompt, author: res.versions[0]!.author };
}
