import * as grpc from '@grpc/grpc-js';
import { checkGrpcHealth, createClient, loadProto, unary } from '@pagi/runtime';
import type { AdminServiceClient } from '@pagi/runtime/gen/orchestrator/AdminService.ts';
import type { OrchestratorServiceClient } from '@pagi/runtime/gen/orchestrator/OrchestratorService.ts';
import { type FakeLlm, startFakeLlm } from '@pagi/tests/helpers/fake-llm.ts';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { GrpcReflection } from 'grpc-js-reflection-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatBody, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

const proto = loadProto('orchestrator');

const MEETING = `[00:00] Alice: Okay, let's get started. The goal today is to pick a database for the analytics service.
[00:01] Bob: I benchmarked Postgres and ClickHouse last week. ClickHouse was faster for aggregations.
[00:03] Carol: But Postgres is what the team already operates, and the data volume is small.
[00:05] Alice: Agreed. We decided to go with Postgres for the first release.
[00:06] Bob: Fine by me. I'll write up the benchmark results by Friday.
[00:07] Carol: We also agreed to revisit ClickHouse if volume grows past a billion rows.
[00:08] Alice: Carol, can you draft the schema migration plan?
[00:09] Carol: Sure, I will draft it before the next meeting.
[00:10] Alice: Action item: Dave needs to update the on-call runbook. Thanks everyone.`;

describe('orchestrator gRPC faces', () => {
  it('advertises through reflection exactly the services each port serves', async () => {
    const list = async (port: number) => {
      const reflection = new GrpcReflection(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
      return (await reflection.listServices()).sort();
    };
    expect(await list(orch.running.grpcPort)).toEqual(['grpc.health.v1.Health', 'orchestrator.OrchestratorService']);
    expect(await list(orch.running.adminPort)).toEqual(['grpc.health.v1.Health', 'orchestrator.AdminService']);
  });

  let orch: TestOrchestrator;
  let llm: FakeLlm;
  let admin: AdminServiceClient;
  let publicClient: OrchestratorServiceClient;

  beforeAll(async () => {
    llm = await startFakeLlm();
    orch = await startTestOrchestrator({
      OPENROUTER_API_KEY: 'k',
      OPENROUTER_URL: llm.url,
      LLM_PROVIDER: 'openrouter',
    });
    admin = createClient(proto.orchestrator.AdminService, `127.0.0.1:${orch.running.adminPort}`, TEST_SERVICE_TOKEN);
    publicClient = createClient(
      proto.orchestrator.OrchestratorService,
      `127.0.0.1:${orch.running.grpcPort}`,
      TEST_SERVICE_TOKEN,
    );
  });
  afterAll(async () => {
    admin.close();
    publicClient.close();
    await orch.close();
    await llm.close();
  });

  it('both servers answer the standard health check', async () => {
    expect(await checkGrpcHealth(`127.0.0.1:${orch.running.adminPort}`, 'orchestrator.AdminService')).toBe('SERVING');
    expect(await checkGrpcHealth(`127.0.0.1:${orch.running.grpcPort}`, 'orchestrator.OrchestratorService')).toBe(
      'SERVING',
    );
  });

  it('HealthCheck reports the planner, dependencies and pending actions', async () => {
    llm.queue.push({ content: JSON.stringify({ action: 'query_memory', query: 'x' }) });
    await orch.post('/v1/chat', chatBody('find x', 'grpc-health'));
    const res = await unary(admin, 'HealthCheck', {});
    expect(res.llm_provider).toBe('openrouter');
    expect(res.pending_actions).toBe(1);
    // Memory and tools are down in this test.
    expect(res.status).toBe('degraded');
    expect(res.dependencies.map((d) => [d.name, d.status])).toEqual([
      ['memory', 'down'],
      ['tools', 'down'],
    ]);
  });

  it('UpdateSystemPrompt validates, versions, records who/why and takes effect on the next turn', async () => {
    const before = await unary(admin, 'GetPromptHistory', { limit: 10 });
    expect(before.current_version).toBe(1);
    expect(before.versions[0]).toMatchObject({ version: 1, author: 'system' });
    expect(before.versions[0]!.reason).toContain('system_prompt.txt');

    for (const bad of [
      { prompt: 'short', author: 'ops', reason: 'x' },
      { prompt: 'A perfectly long enough prompt for the twin.', author: '', reason: 'x' },
      { prompt: 'A perfectly long enough prompt for the twin.', author: 'ops', reason: ' ' },
    ]) {
      await expect(unary(admin, 'UpdateSystemPrompt', bad)).rejects.toMatchObject({ code: 3 });
    }

    const prompt = 'You are a terse twin. Always answer with one JSON action object.';
    const res = await unary(admin, 'UpdateSystemPrompt', { prompt, author: 'alice', reason: 'shorter answers' });
    expect(res).toMatchObject({ success: true, version: 2 });

    llm.requests.length = 0;
    await orch.post('/v1/chat', chatBody('hello', 'grpc-prompt'));
    expect(llm.requests[0]!.body.messages?.[0]?.content).toContain(prompt);

    const history = await unary(admin, 'GetPromptHistory', { limit: 10 });
    expect(history.current_version).toBe(2);
    expect(history.versions.map((v) => [v.version, v.author, v.reason])).toEqual([
      [2, 'alice', 'shorter answers'],
      [1, 'system', expect.any(String)],
    ]);
    expect(history.versions[0]!.created_at_ms).toBeGreaterThan(Date.now() - 60_000);
  });

  it('SummarizeTranscript rejects an empty transcript', async () => {
    await expect(unary(publicClient, 'SummarizeTranscript', { transcript_text: '   ' })).rejects.toMatchObject({
      code: 3,
    });
  });
  it('the mesh calls say how to turn the mesh on while it is off', async () => {
    const calls = [
      unary(publicClient, 'ListFleet', {}),
      unary(publicClient, 'ListProposals', { status: '', limit: 0 }),
      unary(publicClient, 'ListArtifacts', { kind: '', target: '' }),
      unary(publicClient, 'Propose', {
        kind: 'system_prompt',
        target: 'default',
        payload: 'a prompt long enough',
        reason: 'x',
      }),
    ];
    for (const call of calls)
      await expect(call).rejects.toMatchObject({
        code: grpc.status.FAILED_PRECONDITION,
        details: expect.stringContaining('MESH_ENABLED=true'),
      });
  });
});

describe('extractive transcript summary over gRPC (no LLM)', () => {
  let orch: TestOrchestrator;
  let client: OrchestratorServiceClient;
  beforeAll(async () => {
    orch = await startTestOrchestrator();
    client = createClient(
      proto.orchestrator.OrchestratorService,
      `127.0.0.1:${orch.running.grpcPort}`,
      TEST_SERVICE_TOKEN,
    );
  });
  afterAll(async () => {
    client.close();
    await orch.close();
  });

  it('finds the decisions and follow-up tasks of an ordinary meeting', async () => {
    const res = await unary(client, 'SummarizeTranscript', { transcript_text: MEETING });
    expect(res.method).toBe('extractive');
    expect(res.key_decisions).toEqual([
      'We decided to go with Postgres for the first release.',
      'We also agreed to revisit ClickHouse if volume grows past a billion rows.',
    ]);
    expect(res.follow_up_tasks).toEqual([
      'Bob will write up the benchmark results by Friday.',
      'Carol, can you draft the schema migration plan?',
      'Carol will draft it before the next meeting.',
      'Dave needs to update the on-call runbook.',
    ]);
    expect(res.summary).toContain('Participants: Alice, Bob, Carol.');
    expect(res.summary).toContain('2 decisions and 4 follow-up tasks identified.');
  });

  it('the prompt history survives a restart', async () => {
    const admin = createClient(
      proto.orchestrator.AdminService,
      `127.0.0.1:${orch.running.adminPort}`,
      TEST_SERVICE_TOKEN,
    );
    await unary(admin, 'UpdateSystemPrompt', {
      prompt: 'A durable prompt that must survive restarts.',
      author: 'bob',
      reason: 'test durability',
    });
    admin.close();
    await orch.close({ keepData: true });
    orch = await startTestOrchestrator({}, orch.dataDir);
    const again = createClient(
      proto.orchestrator.AdminService,
      `127.0.0.1:${orch.running.adminPort}`,
      TEST_SERVICE_TOKEN,
    );
    const history = await unary(again, 'GetPromptHistory', { limit: 0 });
    again.close();
    expect(history.current_version).toBe(2);
    expect(history.versions[0]).toMatchObject({
      author: 'bob',
      prompt: 'A durable prompt that must survive restarts.',
    });
    client.close();
    client = createClient(
      proto.orchestrator.OrchestratorService,
      `127.0.0.1:${orch.running.grpcPort}`,
      TEST_SERVICE_TOKEN,
    );
  });
});
