// Regenerates the TypeScript types of every proto/ file (run by `make proto`; `make test` checks they are current).
// Message types go to the contracts package (plain interfaces, importable by the browser); service client and
// handler types, which need @grpc/grpc-js, go to the runtime package. The loader flags must match
// packages/runtime/src/grpc/proto.ts so the types describe what the loader returns.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const PROTOS = ['memory', 'tools', 'build', 'orchestrator', 'mesh', 'consensus', 'exchange'];
const CONTRACTS_GEN = path.join(ROOT, 'packages/contracts/src/gen');
const RUNTIME_GEN = path.join(ROOT, 'packages/runtime/src/gen');
const generator = path.join(ROOT, 'packages/runtime/node_modules/.bin/proto-loader-gen-types');

const tmp = mkdtempSync(path.join(tmpdir(), 'pagi-proto-'));
try {
  execFileSync(
    generator,
    [
      '--keepCase',
      '--longs=Number',
      '--enums=String',
      '--defaults',
      '--oneofs',
      '--grpcLib=@grpc/grpc-js',
      `--outDir=${tmp}`,
      '--importFileExtension=.ts',
      ...PROTOS.map((p) => `${p}.proto`),
      '--includeDirs',
      '.',
    ],
    { cwd: path.join(ROOT, 'proto'), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  rmSync(CONTRACTS_GEN, { recursive: true, force: true });
  rmSync(RUNTIME_GEN, { recursive: true, force: true });

  const isService = (file: string) => /Service\.ts$/.test(file);
  // 64-bit fields are loaded as plain numbers (--longs=Number); the input types' Long alternative would tie the
  // contracts package to @grpc/proto-loader, so it is left out.
  const withoutLong = (text: string) =>
    text.replace(/^import type \{ Long \} from '@grpc\/proto-loader';\n/m, '').replace(/ \| Long\b/g, '');
  // Imports of message files from the runtime side point at the contracts package.
  const toContracts = (text: string) =>
    text.replace(/from '\.\.?\/(\w+)\/(\w+)\.ts'/g, (whole, pkg: string, name: string) =>
      isService(`${name}.ts`) ? whole : `from '@pagi/contracts/gen/${pkg}/${name}.ts'`,
    );

  for (const proto of PROTOS) {
    for (const file of readdirSync(path.join(tmp, proto))) {
      const text = readFileSync(path.join(tmp, proto, file), 'utf8');
      const target = isService(file) ? path.join(RUNTIME_GEN, proto) : path.join(CONTRACTS_GEN, proto);
      mkdirSync(target, { recursive: true });
      writeFileSync(path.join(target, file), isService(file) ? toContracts(text) : withoutLong(text));
    }
    const top = readFileSync(path.join(tmp, `${proto}.ts`), 'utf8');
    writeFileSync(path.join(RUNTIME_GEN, `${proto}.ts`), toContracts(top));
  }
  execFileSync(path.join(ROOT, 'node_modules/.bin/biome'), ['check', '--write', CONTRACTS_GEN, RUNTIME_GEN], {
    stdio: 'ignore',
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
