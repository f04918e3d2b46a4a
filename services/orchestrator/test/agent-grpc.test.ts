// Agents on the orchestrator's public gRPC service: templates, starting and reading a run, the live stream of its
// events, stopping it, and the refusals (unknown template, bad goal, a run that does not exist, no service token).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import type { AgentRunEvent__Output } from '@pagi/contracts/gen/orchestrator/AgentRunEvent.ts';
import { createClient, loadProto, unary } from '@pagi/runtime';
import type { OrchestratorServiceClient } from '@pagi/runtime/gen/orchestrator/OrchestratorService.ts';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pagi-agent-grpc-'));
let orch: TestOrchestrator;
let client: OrchestratorServiceClient;

beforeAll(async () => {
  writeFileSync(
    path.join(dir, 'helper.yaml'),
    'name: helper\ndescription: Helps\nrole: Helps the owner with small tasks, one at a time.\ntools: [echo]\n',
  );
  orch = await startTestOrchestrator({ AGENTS_DIR: dir });
  client = createClient(
    loadProto('orchestrator').orchestrator.OrchestratorService,
    `127.0.0.1:${orch.running.grpcPort}`,
    TEST_SERVICE_TOKEN,
  );
});
afterAll(async () => {
  client?.close();
  await orch?.close();
});

describe('agents over gRPC', () => {
  it('lists templates, starts a run, streams its events, reads and stops it', async () => {
    const templates = await unary(client, 'ListAgentTemplates', {});
    expect(templates.templates.map((t) => t.name)).toEqual(['helper']);
    expect(templates.templates[0]).toMatchObject({ tools: ['echo'], max_steps: 8, origin: 'config' });

    const events: AgentRunEvent__Output[] = [];
    const stream = client.WatchAgentRuns({});
    stream.on('data', (e: AgentRunEvent__Output) => events.push(e));
    stream.on('error', () => {});
    await new Promise((r) => setTimeout(r, 200));

    const run = await unary(client, 'StartAgentRun', { template: 'helper', goal: 'run echo over-grpc' });
    expect(run).toMatchObject({ status: 'running', parent_run_id: '', source: 'person' });
    await expect
      .poll(async () => (await unary(client, 'GetAgentRun', { run_id: run.run_id })).status, { timeout: 5_000 })
      .toBe('waiting_approval');
    const waiting = await unary(client, 'GetAgentRun', { run_id: run.run_id });
    expect(waiting.pending_action_ids).toHaveLength(1);
    expect(waiting.steps.map((s) => s.kind)).toEqual(['plan', 'action']);
    expect(JSON.parse(waiting.steps[0]!.decision_json)).toMatchObject({ action: 'execute_tool', tool_name: 'echo' });
    await expect.poll(() => events.some((e) => e.type === 'run' && e.run?.status === 'waiting_approval')).toBe(true);
    expect(events.some((e) => e.type === 'step' && e.step?.kind === 'action' && e.run_id === run.run_id)).toBe(true);

    const listed = await unary(client, 'ListAgentRuns', { limit: 10, status: 'waiting_approval' });
    expect(listed.runs.map((r) => r.run_id)).toEqual([run.run_id]);
    const stopped = await unary(client, 'StopAgentRun', { run_id: run.run_id });
    expect(stopped).toMatchObject({ status: 'stopped', reason: 'Stopped by local.', pending_action_ids: [] });
    stream.cancel();
  });

  it('refuses with the status each failure calls for', async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => -1,
        (e: grpc.ServiceError) => e.code,
      );
    expect(await code(unary(client, 'StartAgentRun', { template: 'ghost', goal: 'x' }))).toBe(grpc.status.NOT_FOUND);
    expect(await code(unary(client, 'StartAgentRun', { template: 'helper', goal: '' }))).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
    expect(await code(unary(client, 'GetAgentRun', { run_id: 'run_nosuchrun0' }))).toBe(grpc.status.NOT_FOUND);
    expect(await code(unary(client, 'GetAgentRun', { run_id: '../etc' }))).toBe(grpc.status.INVALID_ARGUMENT);
    const anonymous = createClient(
      loadProto('orchestrator').orchestrator.OrchestratorService,
      `127.0.0.1:${orch.running.grpcPort}`,
      'wrong-token',
    );
    const refused = await new Promise<number>((resolve) => {
      const s = anonymous.WatchAgentRuns({});
      s.on('error', (e: grpc.ServiceError) => resolve(e.code));
      s.on('data', () => resolve(-1));
    });
    expect(refused).toBe(grpc.status.UNAUTHENTICATED);
    anonymous.close();
  });
});
