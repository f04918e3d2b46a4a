// An OCI runtime for the compose test's private engine: runc, except that a container created through it keeps
// /proc unmasked and writable where Docker would mask it — what `security_opt: systempaths=unconfined` asks for.
// The docker CLI and Compose v2 turn that option into empty masked/read-only path lists; Debian's docker-compose 1.29
// passes it to the daemon verbatim and the daemon refuses it. bubblewrap needs the unmasked /proc to mount a fresh one
// for a tool's PID namespace. Nothing else changes: no capability, device or privilege is added.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const command = args.find((a, i) => !a.startsWith('-') && !isOptionValue(args, i));
if (command === 'create' || command === 'run') {
  const bundle = optionValue(args, ['--bundle', '-b']) ?? process.cwd();
  const file = path.join(bundle, 'config.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { linux?: Record<string, unknown> };
  if (spec.linux) {
    delete spec.linux.maskedPaths;
    delete spec.linux.readonlyPaths;
  }
  writeFileSync(file, JSON.stringify(spec));
}
const result = spawnSync('runc', args, { stdio: 'inherit' });
process.exit(result.status ?? 1);

/** runc's global options that take a value (`--root /run/…`), so their values are not taken for the command. */
function isOptionValue(argv: string[], i: number): boolean {
  const prev = argv[i - 1];
  return prev !== undefined && ['--root', '--log', '--log-format', '--criu'].includes(prev);
}

function optionValue(argv: string[], names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    for (const n of names) {
      if (a === n) return argv[i + 1];
      if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return undefined;
}
