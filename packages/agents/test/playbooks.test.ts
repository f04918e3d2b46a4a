// Playbooks as files and as templates of runs: the steps of a run that worked, values turned into parameters and
// filled in again, versions kept on every save, and files that do not load named with their reason.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AgentStep, Playbook } from '@pagi/contracts';
import { describe, expect, it } from 'vitest';
import { PlaybookStore, parameterize, renderPlaybook, stepsThatWorked } from '../src/index.ts';

const at = '2026-12-01T10:00:00.000Z';
const tool = (tool_name: string, args: string[], exit_code: number): AgentStep => ({
  seq: 1,
  kind: 'observation',
  at,
  text: '',
  result: {
    kind: 'execute_tool',
    tool_name,
    args,
    output: '',
    stderr: '',
    exit_code,
    truncated: false,
    timed_out: false,
    duration_ms: 1,
    sandbox: 'bubblewrap',
  },
});
const search: AgentStep = {
  seq: 2,
  kind: 'observation',
  at,
  text: '',
  result: { kind: 'query_memory', query: 'backups of nas-01', results: [], domain_attribution: {} },
};

const playbook = (over: Partial<Playbook> = {}): Playbook => ({
  name: 'disk-check',
  version: 1,
  description: 'Checks a disk',
  template: 'ops-diagnostician',
  goal: 'run df -h {{mount}}',
  params: [{ name: 'mount', description: '', default: '/' }],
  steps: [{ kind: 'execute_tool', tool_name: 'df', args: ['-h', '{{mount}}'], pre_approved: false }],
  written_by: 'extracted',
  ...over,
});

describe('from a run to a playbook and back', () => {
  it('keeps the searches and the tool runs that exited 0, in order', () => {
    const steps = stepsThatWorked([
      tool('uname', ['-s'], 0),
      tool('ls', ['/nope'], 2),
      search,
      { ...search, kind: 'plan' },
    ]);
    expect(steps).toEqual([
      { kind: 'execute_tool', tool_name: 'uname', args: ['-s'], pre_approved: false },
      { kind: 'query_memory', query: 'backups of nas-01', pre_approved: false },
    ]);
  });

  it('turns values into parameters, refuses a value the run does not contain, and fills them in again', () => {
    const worked = stepsThatWorked([search, tool('ping', ['-c', '1', 'nas-01'], 0)]);
    const made = parameterize('check nas-01 then search my memory for backups of nas-01', worked, { host: 'nas-01' });
    expect(made.goal).toBe('check {{host}} then search my memory for backups of {{host}}');
    expect(made.steps).toMatchObject([{ query: 'backups of {{host}}' }, { args: ['-c', '1', '{{host}}'] }]);
    expect(() => parameterize('x', worked, { host: 'db-07' })).toThrow(/"db-07" appears nowhere/);

    const rendered = renderPlaybook(playbook(), { mount: '/srv' });
    expect(rendered).toEqual({
      goal: 'run df -h /srv',
      steps: [{ kind: 'execute_tool', tool_name: 'df', args: ['-h', '/srv'], pre_approved: false }],
    });
    expect(renderPlaybook(playbook(), {}).goal).toBe('run df -h /');
    expect(() => renderPlaybook(playbook(), { mnt: '/x' })).toThrow(/unknown parameter mnt/);
    expect(() => renderPlaybook(playbook({ params: [{ name: 'mount', description: '' }] }), {})).toThrow(
      /mount is required/,
    );
  });
});

describe('playbook files', () => {
  it('saves versions, keeps the previous ones, and deletes into the history', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pagi-playbooks-'));
    const store = new PlaybookStore(dir);
    expect(store.save(playbook()).version).toBe(1);
    expect(store.save(playbook({ description: 'Checks a disk, better' })).version).toBe(2);
    expect(store.get('disk-check')).toMatchObject({ version: 2, description: 'Checks a disk, better' });
    expect(readFileSync(path.join(dir, 'disk-check.yaml'), 'utf8')).toMatch(/version: 2/);
    expect(readdirSync(path.join(dir, '.history'))).toEqual([expect.stringMatching(/^disk-check\.v1\.\d+\.yaml$/)]);
    store.delete('disk-check');
    expect(() => store.get('disk-check')).toThrow(/no playbook named "disk-check"/);
    expect(readdirSync(path.join(dir, '.history'))).toHaveLength(2);
  });

  it('lists every good file and names each bad one with its reason; the fleet folder is read-only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pagi-playbooks-'));
    const fleet = mkdtempSync(path.join(tmpdir(), 'pagi-playbooks-fleet-'));
    const store = new PlaybookStore(dir, [fleet]);
    store.save(playbook());
    writeFileSync(path.join(dir, 'broken.yaml'), 'name: broken\nsteps: [');
    writeFileSync(
      path.join(dir, 'unknown.yaml'),
      'name: unknown\ndescription: x\ntemplate: t\ngoal: run {{who}}\nsteps:\n  - { kind: execute_tool, tool_name: echo, args: ["{{who}}"] }\n',
    );
    writeFileSync(
      path.join(fleet, 'shared.yaml'),
      'name: shared\ndescription: From the fleet\ntemplate: t\ngoal: g\nsteps:\n  - { kind: query_memory, query: q }\n',
    );
    const list = store.list();
    expect(list.playbooks.map((p) => p.name)).toEqual(['disk-check', 'shared']);
    expect(list.errors.map((e) => [path.basename(e.file), e.message])).toEqual([
      ['broken.yaml', expect.stringMatching(/not valid YAML/)],
      ['unknown.yaml', expect.stringMatching(/\{\{who\}\} is not a declared parameter/)],
    ]);
    expect(() => store.delete('shared')).toThrow(/the fleet's playbook/);
  });
});
