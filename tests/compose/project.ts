// One compose project on the test's private engine: the test's compose file, derived from the real one and written
// to the cache folder, and docker-compose run against it with its output kept in a log file there (a cold build
// prints thousands of lines).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parse, stringify } from 'yaml';
import type { ComposeDoc } from './compose-file.ts';
import type { Engine } from './engine.ts';

export interface Project {
  name: string;
  file: string;
  /**
   * Runs docker-compose with these arguments; resolves with its output, rejects with the tail of it. The output is
   * kept in `<logName>.log` (default: the command's name).
   */
  run(args: string[], timeoutMs: number, logName?: string): Promise<string>;
  /** Every container of the project: name, state and health. */
  containers(): { name: string; state: string; health: string; id: string }[];
  /** The last lines each container that is not healthy wrote, for a failure message. */
  unhealthyLogs(): string;
}

/**
 * `source` as `docker-compose config` resolves it (anchors merged, `${VAR:-default}` filled in from the test's own env
 * file: a developer's .env in the repository must not change what the test runs), then `transform`ed and written.
 */
export function composeProject(
  engine: Engine,
  opts: {
    name: string;
    dir: string;
    source: string;
    transform: (resolved: ComposeDoc) => ComposeDoc;
    /** The project's `.env` (anything else takes the file's defaults). */
    env?: Record<string, string>;
  },
): Project {
  const { name, dir } = opts;
  mkdirSync(dir, { recursive: true });
  const envFile = path.join(dir, 'test.env');
  writeFileSync(
    envFile,
    Object.entries(opts.env ?? {})
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  const resolved = execFileSync('docker-compose', ['--env-file', envFile, '-f', opts.source, 'config'], {
    cwd: path.dirname(opts.source),
    env: engine.env,
    encoding: 'utf8',
  });
  const file = path.join(dir, 'docker-compose.test.yml');
  // YAML 1.1, as docker-compose reads it: strings such as `on` stay quoted instead of turning into booleans.
  writeFileSync(file, stringify(opts.transform(parse(resolved)), { version: '1.1' }));

  const run: Project['run'] = async (args, timeoutMs, logName = args[0]) => {
    // The log names each line's second since the command began: where a slow build spends its time.
    const log = createWriteStream(path.join(dir, `${logName}.log`));
    const started = Date.now();
    const lines: string[] = [];
    const child = spawn('docker-compose', ['--env-file', envFile, '-p', name, '-f', file, ...args], {
      env: engine.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        lines.push(line);
        log.write(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s ${line}\n`);
      });
    }
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    const [code] = await once(child, 'close');
    clearTimeout(timer);
    log.end();
    if (code !== 0) {
      throw new Error(`docker-compose ${args.join(' ')} failed (${code}):\n${lines.slice(-60).join('\n')}`);
    }
    return lines.join('\n');
  };

  const containers: Project['containers'] = () => {
    const ids = engine
      .docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${name}`])
      .split('\n')
      .filter(Boolean);
    if (ids.length === 0) return [];
    const format = '{{.Id}}\t{{.Name}}\t{{.State.Status}}\t{{if .State.Health}}{{.State.Health.Status}}{{end}}';
    return engine
      .docker(['inspect', '--format', format, ...ids])
      .trim()
      .split('\n')
      .map((line) => {
        const [id, cname, state, health] = line.split('\t');
        return { id: id!, name: cname!.replace(/^\//, ''), state: state!, health: health ?? '' };
      });
  };
  const unhealthyLogs = () =>
    containers()
      .filter((c) => c.health !== 'healthy')
      .map((c) => {
        const out = spawnSync(engine.cli, ['logs', '--tail', '30', c.id], { env: engine.env, encoding: 'utf8' });
        return `--- ${c.name} (${c.state} ${c.health}) ---\n${out.stdout}${out.stderr}`;
      })
      .join('\n');
  return { name, file, run, containers, unhealthyLogs };
}
