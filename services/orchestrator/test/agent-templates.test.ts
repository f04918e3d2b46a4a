// GET /api/agents/templates on a running orchestrator: the templates of AGENTS_DIR with their defaults, a bad file
// listed with its reason, and a new file picked up without a restart.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AgentTemplateList } from '@pagi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

describe('agent templates over HTTP', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pagi-agents-http-'));
  let orch: TestOrchestrator;
  beforeAll(async () => {
    writeFileSync(
      path.join(dir, 'helper.yaml'),
      'name: helper\ndescription: Helps\nrole: Helps the owner with small tasks.\n',
    );
    writeFileSync(path.join(dir, 'bad.yaml'), 'name: bad\n');
    orch = await startTestOrchestrator({ AGENTS_DIR: dir });
  });
  afterAll(() => orch?.close());

  it('lists the loadable templates and names the file that is not', async () => {
    const list = ok(await orch.get('/api/agents/templates'), AgentTemplateList);
    expect(list.templates).toMatchObject([{ name: 'helper', origin: 'config', max_steps: 8, tools: [] }]);
    expect(list.errors).toEqual([{ file: path.join(dir, 'bad.yaml'), message: expect.stringMatching(/description/) }]);
  });

  it('picks up a new template while running', async () => {
    writeFileSync(
      path.join(dir, 'late.yaml'),
      'name: late\ndescription: Late\nrole: Arrives after the start, still listed.\n',
    );
    await expect
      .poll(async () => ok(await orch.get('/api/agents/templates'), AgentTemplateList).templates.map((t) => t.name), {
        timeout: 5_000,
      })
      .toEqual(['helper', 'late']);
  });
});
