// Ports handed to child services cannot race: reservations are unique across test processes, outside the kernel's
// ephemeral range, and a reservation left by a dead process is taken over.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LOCKS, lockPort, releasePorts, reservePort } from '../helpers/ports.ts';

const run = promisify(execFile);
const HELPER = path.join(import.meta.dirname, '../helpers/ports.ts');

describe('test port reservations', () => {
  it('never gives the same port to two processes holding reservations at the same time', async () => {
    // Each process reserves, reports, and holds its ports until told to go (a port may be reused after that).
    const script = `import { reservePort } from ${JSON.stringify(HELPER)};
      const ports = [];
      for (let i = 0; i < 25; i++) ports.push(await reservePort());
      console.log(JSON.stringify(ports));
      process.stdin.resume();
      process.stdin.on('end', () => process.exit(0));`;
    const children = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    const outputs = await Promise.all(
      children.map(
        (c) =>
          new Promise<number[]>((resolve, reject) => {
            createInterface({ input: c.stdout! }).once('line', (l) => resolve(JSON.parse(l)));
            c.once('exit', (code) => reject(new Error(`reserving process exited early (${code})`)));
          }),
      ),
    );
    for (const c of children) c.stdin!.end();
    await Promise.all(children.map((c) => once(c, 'exit')));
    const all = outputs.flat();
    expect(all).toHaveLength(100);
    expect(new Set(all).size).toBe(100);
    for (const port of all) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(32_768);
    }
  });

  it('takes over the reservation of a process that is gone, not of one that lives', async () => {
    const ours = await reservePort();
    releasePorts([ours]);
    const { stdout } = await run(process.execPath, ['-e', 'console.log(process.pid)']);
    const dead = Number(stdout);
    const lockOf = (pid: number) => {
      const dir = path.join(LOCKS, String(ours));
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'pid'), String(pid));
    };
    lockOf(process.ppid);
    expect(lockPort(ours)).toBe(false);
    lockOf(dead);
    expect(lockPort(ours)).toBe(true);
    releasePorts([ours]);
  });
});
