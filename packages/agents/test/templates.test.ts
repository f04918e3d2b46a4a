// Agent templates from YAML folders: the shipped ones load, a bad file is reported by name without hiding the good
// ones, only memory searches may ever skip the card, edits are picked up while running, and the fleet's folder
// replaces a template of the same name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTemplate, TemplateRegistry } from '../src/index.ts';

const SHIPPED = path.resolve(import.meta.dirname, '../../../config/agents');
const open: TemplateRegistry[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});

const dir = () => mkdtempSync(path.join(tmpdir(), 'pagi-agents-'));
const template = (name: string, extra = '') =>
  `name: ${name}\ndescription: A test agent\nrole: Does what a test agent does, carefully.\n${extra}`;

function registry(...sources: { dir: string; origin: 'config' | 'fleet' }[]) {
  const r = new TemplateRegistry(sources);
  open.push(r);
  return r;
}

describe('agent templates', () => {
  it('loads the shipped templates with their defaults', () => {
    const list = registry({ dir: SHIPPED, origin: 'config' }).list();
    expect(list.errors).toEqual([]);
    expect(list.templates.map((t) => t.name)).toEqual(['ops-diagnostician', 'researcher', 'writer']);
    const ops = list.templates.find((t) => t.name === 'ops-diagnostician')!;
    expect(ops).toMatchObject({ origin: 'config', memory_domains: ['body'], auto_approve: [] });
    expect(ops.tools).toContain('uptime');
    expect(list.templates.find((t) => t.name === 'researcher')!.auto_approve).toEqual(['query_memory']);
  });

  it('reports each bad file by name and keeps the good ones', () => {
    const d = dir();
    writeFileSync(path.join(d, 'good.yaml'), template('good'));
    writeFileSync(path.join(d, 'broken.yaml'), 'name: [unclosed');
    writeFileSync(path.join(d, 'misnamed.yaml'), template('other'));
    writeFileSync(path.join(d, 'greedy.yaml'), template('greedy', 'auto_approve: [execute_tool]\n'));
    writeFileSync(path.join(d, 'extra.yaml'), template('extra', 'shell: true\n'));
    writeFileSync(path.join(d, 'notes.txt'), 'not a template');
    const list = registry({ dir: d, origin: 'config' }).list();
    expect(list.templates.map((t) => t.name)).toEqual(['good']);
    const why = Object.fromEntries(list.errors.map((e) => [path.basename(e.file), e.message]));
    expect(Object.keys(why).sort()).toEqual(['broken.yaml', 'extra.yaml', 'greedy.yaml', 'misnamed.yaml']);
    expect(why['broken.yaml']).toMatch(/not valid YAML/);
    expect(why['misnamed.yaml']).toBe('names itself other, but must be named misnamed');
    expect(why['greedy.yaml']).toMatch(/only query_memory .* may run without a card/);
    expect(why['extra.yaml']).toMatch(/shell/);
    rmSync(d, { recursive: true });
  });

  it('picks up added, changed and removed files while running', async () => {
    const d = dir();
    const r = registry({ dir: d, origin: 'config' });
    r.watch(20);
    const names = () => r.list().templates.map((t) => `${t.name}:${t.max_steps}`);
    writeFileSync(path.join(d, 'a.yaml'), template('a'));
    await expect.poll(names, { timeout: 5_000 }).toEqual(['a:8']);
    writeFileSync(path.join(d, 'a.yaml'), template('a', 'max_steps: 3\n'));
    await expect.poll(names, { timeout: 5_000 }).toEqual(['a:3']);
    writeFileSync(path.join(d, 'a.yaml'), template('a', 'max_steps: 0\n'));
    await expect.poll(() => r.list().errors.length, { timeout: 5_000 }).toBe(1);
    expect(names()).toEqual([]);
    rmSync(path.join(d, 'a.yaml'));
    await expect.poll(() => r.list(), { timeout: 5_000 }).toEqual({ templates: [], errors: [] });
    rmSync(d, { recursive: true });
  });

  it('lets the fleet’s template replace the local one of the same name', () => {
    const [local, fleet] = [dir(), dir()];
    writeFileSync(path.join(local, 'writer.yaml'), template('writer'));
    writeFileSync(path.join(fleet, 'writer.yaml'), template('writer', 'max_steps: 2\n'));
    const list = registry({ dir: local, origin: 'config' }, { dir: fleet, origin: 'fleet' }).list();
    expect(list.templates).toMatchObject([{ name: 'writer', origin: 'fleet', max_steps: 2 }]);
  });

  it('checks a proposed template against the name it is proposed under', () => {
    expect(parseTemplate(template('writer'), 'writer')).toMatchObject({ template: { name: 'writer' } });
    expect(parseTemplate(template('writer'), 'editor')).toEqual({
      error: 'names itself writer, but must be named editor',
    });
  });
});
