import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/stack.ts';

// Sign-in off is for one person on one machine: a node that listens beyond loopback refuses to start with it.

describe('AUTH_MODE=off', () => {
  it('is refused on a node that listens beyond loopback', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'services/gateway/src/main.ts')], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        PAGI_ROOT: REPO_ROOT,
        PAGI_ENV_FILE: '/nonexistent',
        AUTH_MODE: 'off',
        BIND_HOST: '0.0.0.0',
        GATEWAY_PORT: '0',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pagi-auth-off-')),
        SERVICE_TOKEN: 'x'.repeat(32),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(out).toMatch(/AUTH_MODE=off is only allowed when BIND_HOST is a loopback address/);
  });
});
