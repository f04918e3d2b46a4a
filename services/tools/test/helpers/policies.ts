// Policy files used by the tests: the shipped default plus a "lab" twin that may run a shell, so that the tests
// can act like a hostile tool from inside the sandbox.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@pagi/tests/helpers/stack.ts';

export const DEFAULT_POLICY = readFileSync(path.join(REPO_ROOT, 'config/tools_policy.yaml'), 'utf8');

export const LAB_TWIN = 'lab';

/** The shipped policy with a shell, rm and the lab twin added. */
export function labPolicy(extraLabTools: string[] = []): string {
  return DEFAULT_POLICY.replace(
    'system_tools:\n',
    'system_tools:\n  sh: { path: /usr/bin/sh, description: POSIX shell for the tests }\n  rm: { path: /usr/bin/rm, description: remove files }\n',
  ).replace(
    'twins:\n',
    `twins:\n  ${LAB_TWIN}:\n    tools: [${['sh', 'echo', 'cat', 'ls', 'rm', "'true'", ...extraLabTools].join(', ')}]\n    compiled_tools: false\n`,
  );
}

export function writePolicy(dir: string, text: string): string {
  const file = path.join(dir, 'tools_policy.yaml');
  writeFileSync(file, text);
  return file;
}
