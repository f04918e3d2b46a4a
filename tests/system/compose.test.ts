// The compose deployment, checked without a Docker engine: Debian's docker-compose parses and resolves the file,
// and the assertions below hold the port matrix, start order, health checks and image contents to the design.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/stack.ts';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  ports?: (string | { published: string | number })[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  networks?: string[] | Record<string, unknown>;
  logging?: { driver: string; options: Record<string, string> };
  security_opt?: string[];
  volumes?: string[];
}

function resolvedCompose(): {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
  networks: Record<string, unknown>;
} {
  const hasCompose = (() => {
    try {
      execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (!hasCompose) {
    if (process.env.CI === 'true') throw new Error('docker-compose is required in CI (installed by scripts/setup.sh)');
    return parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'));
  }
  // `config` validates against the compose schema and resolves anchors and ${VAR:-default} interpolation.
  const out = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SERVICE_TOKEN: STATIC_TOKEN },
    encoding: 'utf8',
  });
  return parse(out);
}

/** What `docker-compose config` says without SERVICE_TOKEN (null when docker-compose is not installed). */
function withoutServiceToken(): string | null {
  const empty = path.join(mkdtempSync(path.join(tmpdir(), 'compose-env-')), 'empty.env');
  writeFileSync(empty, '');
  try {
    execFileSync('docker-compose', ['--env-file', empty, '-f', 'docker-compose.yml', 'config'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return 'accepted';
  } catch (err) {
    const e = err as { code?: string; stderr?: string };
    return e.code === 'ENOENT' ? null : String(e.stderr);
  }
}

const STATIC_TOKEN = 'static-check-service-token-0123456789';
const compose = resolvedCompose();
const svc = (name: string) => {
  const s = compose.services[name];
  if (!s) throw new Error(`compose has no service ${name}`);
  return s;
};
const published = (name: string) =>
  (svc(name).ports ?? []).map((p) => (typeof p === 'object' ? String(p.published) : String(p).split(':')[0]));

describe('docker-compose.yml', () => {
  it('needs SERVICE_TOKEN, gives it to every service, and keeps accounts on and shared', () => {
    const refused = withoutServiceToken();
    if (refused !== null) expect(refused).toMatch(/SERVICE_TOKEN/);
    for (const [name, s] of Object.entries(compose.services)) {
      if (!s.build) continue;
      if (name !== 'frontend') expect(s.environment?.SERVICE_TOKEN, name).toBe(STATIC_TOKEN);
    }
    for (const name of ['rust-gateway', 'rust-orchestrator']) {
      expect(svc(name).environment?.AUTH_MODE).toBe('on');
      // One accounts database, in the volume both mount.
      expect(String(svc(name).volumes?.[0])).toMatch(/^pagi_data:\/app\/data/);
    }
  });

  it('has every service, the frontend, Qdrant, Jaeger and Prometheus on pagi-network', () => {
    for (const name of [
      'qdrant-db',
      'rust-memory-service',
      'rust-tools-service',
      'rust-build-service',
      'rust-orchestrator',
      'telemetry',
      'rust-gateway',
      'frontend',
      'jaeger',
      'prometheus',
    ]) {
      const networks = svc(name).networks;
      expect(Array.isArray(networks) ? networks : Object.keys(networks ?? {})).toContain('pagi-network');
    }
    expect(Object.keys(compose.volumes)).toContain('qdrant_data');
    expect(svc('qdrant-db').volumes?.some((v) => String(v).startsWith('qdrant_data:'))).toBe(true);
  });

  it('publishes the port matrix', () => {
    expect(published('frontend')).toEqual(['3000']);
    expect(published('rust-gateway')).toEqual(['8181']);
    // 50058: the mesh node, listening only when MESH_ENABLED.
    expect(published('rust-orchestrator')).toEqual(['8182', '50057', '50058']);
    expect(published('qdrant-db')).toEqual(['6333']);
    expect(published('jaeger')).toEqual(['16686']);
    expect(published('prometheus')).toEqual(['9090']);
    for (const internal of ['rust-memory-service', 'rust-tools-service', 'rust-build-service']) {
      expect(published(internal)).toEqual([]);
    }
  });

  it('starts in the documented order, each dependency healthy first', () => {
    const deps = (name: string) =>
      Object.fromEntries(Object.entries(svc(name).depends_on ?? {}).map(([k, v]) => [k, v.condition]));
    expect(deps('rust-memory-service')).toEqual({ 'qdrant-db': 'service_healthy' });
    expect(deps('rust-orchestrator')).toMatchObject({
      'rust-memory-service': 'service_healthy',
      'rust-tools-service': 'service_healthy',
    });
    expect(deps('rust-gateway')).toMatchObject({ 'rust-orchestrator': 'service_healthy' });
    expect(deps('frontend')).toEqual({ 'rust-gateway': 'service_healthy' });
    for (const name of Object.keys(compose.services).filter((n) => !['jaeger', 'prometheus'].includes(n))) {
      expect(svc(name).healthcheck?.test.length, `${name} health check`).toBeGreaterThan(0);
    }
  });

  it('uses Qdrant for memory, rotates logs and lets the tools container create sandboxes', () => {
    expect(svc('rust-memory-service').environment?.QDRANT_URL).toBe('http://qdrant-db:6333');
    for (const [name, s] of Object.entries(compose.services)) {
      expect(s.logging?.options['max-size'], `${name} log rotation`).toBe('10m');
    }
    expect(svc('rust-tools-service').security_opt).toEqual(
      expect.arrayContaining(['seccomp=unconfined', 'apparmor=unconfined']),
    );
    expect(svc('rust-tools-service').build?.args?.APT_PACKAGES).toContain('bubblewrap');
  });
});

/** Files a service's code reaches: relative imports and workspace packages (`@pagi/<name>[/sub/path]`). */
function reachableFiles(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1]!;
      const pkg = /^@pagi\/([a-z]+)(?:\/(.+))?$/.exec(spec);
      const target = spec.startsWith('.')
        ? path.resolve(path.dirname(file), spec)
        : pkg
          ? path.join(REPO_ROOT, 'services', pkg[1]!, 'src', pkg[2] ?? 'index.ts')
          : null;
      if (target && existsSync(target) && statSync(target).isFile()) queue.push(target);
    }
  }
  return seen;
}

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
  const copied = [...dockerfile.matchAll(/^COPY (?!--from)(?:--\S+ )*(\S+)/gm)].map((m) => m[1]!);
  const backend = readdirSync(path.join(REPO_ROOT, 'services')).filter((s) =>
    existsSync(path.join(REPO_ROOT, 'services', s, 'src/main.ts')),
  );

  it.each(backend)('copies everything the %s service imports', (service) => {
    const roots = copied.map((c) => path.join(REPO_ROOT, c.replace('${SERVICE}', service)));
    for (const file of reachableFiles(path.join(REPO_ROOT, 'services', service, 'src/main.ts'))) {
      expect(
        roots.some((r) => file === r || file.startsWith(`${r}/`)),
        `${path.relative(REPO_ROOT, file)} is not copied into the ${service} image`,
      ).toBe(true);
    }
  });

  it('runs as an unprivileged user and installs only the chosen service', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('--filter "@pagi/${SERVICE}..."');
    // Everything before the service is chosen is the same for all six images, so the builder shares those layers; one
    // stage, so no image copies its node_modules out of another, and the compilers go in the install's own layer.
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(1);
    const shared = dockerfile.slice(0, dockerfile.indexOf('\nARG SERVICE\n'));
    expect(shared).toContain('RUN pnpm fetch --prod');
    expect(dockerfile).toMatch(
      /--filter "@pagi\/\$\{SERVICE\}\.\.\." \\\n[^\n]*\n && apt-get purge -y --auto-remove python3 make g\+\+/,
    );
    expect(dockerfile).toMatch(/^COPY proto proto$/m);
    expect(dockerfile).toMatch(/^COPY --chown=node:node config config$/m);
  });
});

describe('frontend image', () => {
  const dockerfile = readFileSync(path.join(REPO_ROOT, 'frontend/Dockerfile'), 'utf8');

  it('builds with the contracts package, the only workspace package the UI imports', () => {
    expect(dockerfile).toMatch(/^COPY packages\/contracts\/src packages\/contracts\/src$/m);
    const sources = execFileSync('grep', ['-rhoE', "from '@pagi/[^']*'", path.join(REPO_ROOT, 'frontend/src')], {
      encoding: 'utf8',
    });
    for (const spec of new Set(sources.trim().split('\n'))) expect(spec).toMatch(/^from '@pagi\/contracts['/]/);
  });

  it('is served by nginx from Debian as an unprivileged user, forwarding the gateway paths', () => {
    expect(dockerfile).toMatch(/^USER www-data$/m);
    expect(dockerfile).toMatch(/apt-get install .*\bnginx\b/);
    const site = readFileSync(path.join(REPO_ROOT, 'frontend/nginx/default.conf.template'), 'utf8');
    expect(site).toContain('listen ${BIND_HOST}:${FRONTEND_PORT};');
    const ws = site.slice(site.indexOf('location /ws/ {'));
    expect(ws.slice(0, ws.indexOf('\n  }'))).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(site).toMatch(/proxy_buffering off;/);
    // Only the three settings are substituted at start; nginx's own variables pass through untouched.
    const start = readFileSync(path.join(REPO_ROOT, 'frontend/nginx/start.sh'), 'utf8');
    expect(start).toContain("envsubst '${BIND_HOST} ${FRONTEND_PORT} ${GATEWAY_URL}'");
  });
});
