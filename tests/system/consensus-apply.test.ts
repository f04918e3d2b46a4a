// What each kind of fleet-wide change really changes on a twin: a one-node fleet (it is its only voter, so its own
// accept decides) with the real tools and build services. The system prompt gets a new version in the prompt store,
// the tool policy file is rewritten and the tools service offers the new tool, a tool's source is compiled and can be
// run, and templates land as files. Bad payloads are refused before any vote.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AgentTemplateList, ArtifactList, ProposalDetail } from '@pagi/contracts';
import { generateSwarmKey } from '@pagi/mesh';
import { createClient, loadProto, unary } from '@pagi/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meshTwinEnv } from '../helpers/mesh-node.ts';
import { RUN_BWRAP_TESTS, tempDir, toolsClient } from '../helpers/service-process.ts';
import { TEST_SERVICE_TOKEN } from '../helpers/service-token.ts';
import { REPO_ROOT, type Stack, startStack } from '../helpers/stack.ts';

describe.runIf(RUN_BWRAP_TESTS)('Consensus Sync applies each kind of change', () => {
  const tmp = tempDir('pagi-consensus-apply-');
  const policy = path.join(tmp.dir, 'tools_policy.yaml');
  let stack: Stack;

  const call = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${stack.url('orchestrator')}${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const propose = async (kind: string, target: string, payload: string) => {
    const res = await call('POST', '/api/phoenix/proposals', { kind, target, payload, reason: 'test' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const detail = ProposalDetail.parse((await call('GET', `/api/phoenix/proposals/${res.body.id}`)).body);
    expect(detail).toMatchObject({ status: 'accepted', tally: { accept: 1, needed: 1, voters: 1 } });
    expect(Object.values(detail.applied)).toEqual([true]);
    return detail;
  };
  const toolNames = async () => {
    const tc = toolsClient(stack.ports.TOOLS_GRPC_PORT!);
    try {
      return (await unary(tc, 'ListTools', { twin_id: '' }, { deadlineMs: 5_000 })).tools.map((t) => t.name);
    } finally {
      tc.close();
    }
  };

  beforeAll(async () => {
    copyFileSync(path.join(REPO_ROOT, 'config/tools_policy.yaml'), policy);
    stack = await startStack({
      services: ['tools', 'build', 'orchestrator'],
      env: {
        TOOLS_POLICY_FILE: policy,
        TOOLS_REPO_DIR: path.join(tmp.dir, 'repo'),
        TOOLS_USE_BWRAP: 'true',
        ...(await meshTwinEnv(generateSwarmKey(), 'solo')),
      },
    });
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    tmp.remove();
  });

  it('makes the proposed system prompt the one every turn uses', async () => {
    const prompt = 'You are a test twin. Answer with exactly one JSON object, as the action contract says.';
    await propose('system_prompt', 'default', prompt);
    const admin = createClient(
      loadProto('orchestrator').orchestrator.AdminService,
      `127.0.0.1:${stack.ports.ORCHESTRATOR_ADMIN_GRPC_PORT}`,
      TEST_SERVICE_TOKEN,
    );
    const history = await unary(admin, 'GetPromptHistory', { limit: 1 }, { deadlineMs: 5_000 });
    admin.close();
    expect(history.versions[0]).toMatchObject({ prompt, author: 'fleet' });
  });

  it('rewrites the tool policy, which the tools service picks up', async () => {
    expect(await toolNames()).not.toContain('tac');
    // A new system tool, and every twin allowed to run it.
    const next = readFileSync(policy, 'utf8')
      .replace(
        'system_tools:\n',
        'system_tools:\n  tac: { path: /usr/bin/tac, description: Print lines in reverse order }\n',
      )
      .replace('      - network_scan\n', '      - network_scan\n      - tac\n');
    await propose('tool_policy', 'default', next);
    expect(readFileSync(policy, 'utf8')).toBe(next);
    await expect.poll(toolNames, { timeout: 10_000 }).toContain('tac');
  });

  it('compiles a tool the fleet installs', async () => {
    await propose('tool_install', 'fleet-hello', 'fn main() { println!("hello from the fleet"); }\n');
    await expect.poll(toolNames, { timeout: 60_000, interval: 500 }).toContain('fleet-hello');
  }, 90_000);

  it('writes templates and playbooks as files, and lists every current version', async () => {
    await propose(
      'agent_template',
      'researcher',
      'name: researcher\ndescription: Finds things\nrole: Finds things in memory and cites them.\n',
    );
    const file = path.join(stack.dataDir, 'fleet/agents/researcher.yaml');
    expect(readFileSync(file, 'utf8')).toContain('Finds things');
    // The fleet's template replaces the shipped one of the same name in the agents' list.
    const listed = async () =>
      AgentTemplateList.parse((await call('GET', '/api/agents/templates')).body).templates.find(
        (t) => t.name === 'researcher',
      );
    await expect.poll(listed, { timeout: 5_000 }).toMatchObject({ origin: 'fleet', description: 'Finds things' });
    const list = ArtifactList.parse((await call('GET', '/api/phoenix/artifacts')).body);
    expect(list.artifacts.map((a) => `${a.kind}/${a.target}@${a.version}`).sort()).toEqual([
      'agent_template/researcher@1',
      'system_prompt/default@1',
      'tool_install/fleet-hello@1',
      'tool_policy/default@1',
    ]);
  });

  it('refuses payloads that the twin could not load, before anyone votes', async () => {
    const cases: [string, string, RegExp][] = [
      ['tool_policy', 'version: 2\nsystem_tools: {}\n', /version/],
      ['tool_policy', 'system_tools: [unclosed', /not valid YAML/],
      ['agent_template', '- just\n- a list\n', /not a valid agent template/],
      ['agent_template', 'name: y\ndescription: d\nrole: a role long enough to pass\n', /must be named x/],
      ['system_prompt', 'too short', /at least 20/],
    ];
    for (const [kind, payload, message] of cases) {
      const res = await call('POST', '/api/phoenix/proposals', {
        kind,
        payload,
        reason: 'bad',
        target: kind === 'agent_template' ? 'x' : 'default',
      });
      expect(res.status).toBe(400);
      expect((res.body.error as { message: string }).message).toMatch(message);
    }
    const none = await call('POST', '/api/phoenix/proposals', { kind: 'playbook', reason: 'no payload' });
    expect(none.status).toBe(400);
    expect((await call('GET', '/api/phoenix/proposals?status=open')).body).toEqual({ proposals: [] });
  });
});
