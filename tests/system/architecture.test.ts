// The dependency picture, checked: contracts ← runtime ← (llm, knowledge, mesh) ← services; the browser imports the
// contracts and nothing else of the backend; no package reaches into another by relative path; every package
// export points at a file that exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/stack.ts';

interface Pkg {
  name: string;
  dir: string;
  exports: Record<string, string>;
  deps: Record<string, string>;
  devDeps: Record<string, string>;
}

const workspaceDirs = ['packages', 'services']
  .flatMap((group) => readdirSync(path.join(REPO_ROOT, group)).map((d) => path.join(group, d)))
  .concat(['frontend', 'tests', 'bench'])
  .filter((d) => existsSync(path.join(REPO_ROOT, d, 'package.json')));

const packages: Pkg[] = workspaceDirs.map((dir) => {
  const json = JSON.parse(readFileSync(path.join(REPO_ROOT, dir, 'package.json'), 'utf8'));
  return {
    name: json.name,
    dir,
    exports: json.exports ?? {},
    deps: json.dependencies ?? {},
    devDeps: json.devDependencies ?? {},
  };
});
const byName = new Map(packages.map((p) => [p.name, p]));
const workspaceDeps = (p: Pkg, dev = true) =>
  Object.keys({ ...p.deps, ...(dev ? p.devDeps : {}) }).filter((d) => byName.has(d));

/** Layers: a package may depend on lower layers only (test helpers excepted for devDependencies). */
const LAYER: Record<string, number> = {
  '@pagi/contracts': 0,
  '@pagi/runtime': 1,
  '@pagi/agents': 2,
  '@pagi/auth': 2,
  '@pagi/llm': 2,
  '@pagi/redaction': 2,
  '@pagi/knowledge': 3,
  '@pagi/mesh': 3,
  '@pagi/frontend': 4,
  '@pagi/tests': 9,
  '@pagi/bench': 9,
};
const layerOf = (name: string) => LAYER[name] ?? 5; // services
/** Service-to-service edges that are part of the design. */
const ALLOWED_SAME_LAYER = new Set(['@pagi/build -> @pagi/tools', '@pagi/gateway -> @pagi/telemetry']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'gen') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) out.push(full);
    }
  };
  walk(path.join(REPO_ROOT, dir));
  return out;
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|\s)(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

function exportMatches(pkg: Pkg, subpath: string): boolean {
  return Object.keys(pkg.exports).some((key) => {
    const k = key === '.' ? '' : key.slice(2);
    return k.endsWith('*') ? subpath.startsWith(k.slice(0, -1)) : subpath === k;
  });
}

describe('architecture', () => {
  it('finds every workspace package', () => {
    expect(packages.map((p) => p.name)).toEqual(
      expect.arrayContaining(['@pagi/contracts', '@pagi/runtime', '@pagi/knowledge', '@pagi/llm', '@pagi/frontend']),
    );
  });

  it('keeps the contracts to zod alone, and the browser to the contracts', () => {
    const contracts = byName.get('@pagi/contracts')!;
    expect(Object.keys(contracts.deps)).toEqual(['zod']);
    expect(workspaceDeps(byName.get('@pagi/frontend')!)).toEqual(['@pagi/contracts']);
  });

  it('depends only downwards: contracts ← runtime ← auth, llm ← knowledge, mesh ← services', () => {
    const wrong: string[] = [];
    for (const p of packages) {
      for (const dep of workspaceDeps(p, false)) {
        const edge = `${p.name} -> ${dep}`;
        if (layerOf(dep) < layerOf(p.name) || ALLOWED_SAME_LAYER.has(edge)) continue;
        wrong.push(edge);
      }
      for (const dep of Object.keys(p.devDeps).filter((d) => byName.has(d))) {
        const edge = `${p.name} -> ${dep} (dev)`;
        if (dep === '@pagi/tests' || layerOf(dep) < layerOf(p.name) || ALLOWED_SAME_LAYER.has(`${p.name} -> ${dep}`)) {
          continue;
        }
        wrong.push(edge);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('points every package export at a file that exists', () => {
    const missing: string[] = [];
    for (const p of packages) {
      for (const [key, target] of Object.entries(p.exports)) {
        const file = path.join(REPO_ROOT, p.dir, target.replace(/\*$/, ''));
        if (!existsSync(file) || (target.endsWith('*') && !statSync(file).isDirectory())) {
          missing.push(`${p.name} ${key} -> ${target}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('imports other packages only by name, through their exports, and declares them', () => {
    const problems: string[] = [];
    for (const p of packages) {
      const root = path.join(REPO_ROOT, p.dir);
      for (const file of sourceFiles(p.dir)) {
        const where = path.relative(REPO_ROOT, file);
        for (const spec of importsOf(file)) {
          if (spec.startsWith('.')) {
            const target = path.resolve(path.dirname(file), spec);
            // scripts/ is the repository's own tooling (dev harness, service catalog), not a package.
            const inside = target.startsWith(root + path.sep) || target.startsWith(path.join(REPO_ROOT, 'scripts'));
            if (!inside) problems.push(`${where}: relative import out of its package: ${spec}`);
            continue;
          }
          const m = /^(@pagi\/[^/]+)(?:\/(.*))?$/.exec(spec);
          if (!m) continue;
          const [, name, sub = ''] = m;
          const dep = byName.get(name!);
          if (!dep) {
            problems.push(`${where}: unknown workspace package ${name}`);
            continue;
          }
          if (name !== p.name && !(name! in p.deps) && !(name! in p.devDeps)) {
            problems.push(`${where}: imports ${name} without declaring it in ${p.dir}/package.json`);
          }
          if (!exportMatches(dep, sub)) problems.push(`${where}: ${spec} is not an export of ${name}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("bundles the UI without the backend's runtime: no gRPC, fastify, pino or OpenTelemetry SDK", async () => {
    const modules: string[] = [];
    const collect: Plugin = {
      name: 'collect-modules',
      generateBundle(_options, bundle) {
        for (const chunk of Object.values(bundle))
          if (chunk.type === 'chunk') modules.push(...Object.keys(chunk.modules));
      },
    };
    await build({
      configFile: path.join(REPO_ROOT, 'frontend/vite.config.ts'),
      logLevel: 'silent',
      plugins: [collect],
      build: { write: false },
    });
    expect(modules.some((m) => m.includes('/packages/contracts/'))).toBe(true);
    const forbidden = modules.filter((m) =>
      /\/(@grpc|fastify|pino|prom-client|@opentelemetry\/sdk-[^/]+|@fastify)\/|\/packages\/(runtime|knowledge|llm)\//.test(
        m,
      ),
    );
    expect(forbidden).toEqual([]);
  }, 120_000);
});
