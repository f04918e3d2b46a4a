// mDNS discovery, tested only where its multicast cannot leave: three twins in a network namespace this test creates
// (unshare --net, as root), whose only interface is its own loopback. No bootstrap list: they must find each other.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/stack.ts';

describe('mesh discovery by mDNS', () => {
  it('three twins in a private network namespace find each other with no bootstrap list', () => {
    // Multicast on the namespace's loopback: up, multicast-capable, and the route for 224.0.0.0/4 through it.
    const setup = 'ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo';
    const script = path.join(REPO_ROOT, 'tests/system/fixtures/mdns-fleet.ts');
    const out = execFileSync('unshare', ['--net', 'sh', '-c', `${setup} && exec "${process.execPath}" "${script}"`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, TEST_LOG_LEVEL: 'warn' },
    });
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as { names: string[]; seen: string[][]; ms: number };
    result.names.forEach((name, i) => {
      expect(result.seen[i], `${name} lists the other two`).toEqual(result.names.filter((n) => n !== name).sort());
    });
  }, 120_000);
});
