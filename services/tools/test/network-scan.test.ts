// The built-in TCP connect scan: private-network targets and common ports only, unless the gates are open;
// loopback and link-local have a gate of their own. Only loopback is ever scanned here: every other target is
// refused before a packet is sent.
import net from 'node:net';
import path from 'node:path';
import { CodedError, GrpcStatus } from '@pagi/contracts';
import { unary } from '@pagi/runtime';
import type { ToolExecutorServiceClient } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import { type RunningService, startService, tempDir, toolsClient } from '@pagi/tests/helpers/service-process.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf } from '../src/builtin/address-ranges.ts';
import { parsePorts } from '../src/builtin/network-scan.ts';

async function listener(): Promise<{ port: number; close: () => void }> {
  const server = net.createServer((s) => s.end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

async function closedPort(): Promise<number> {
  const l = await listener();
  l.close();
  return l.port;
}

function service(env: Record<string, string>) {
  const tmp = tempDir('pagi-tools-scan-');
  let svc: RunningService;
  let client: ToolExecutorServiceClient;
  beforeAll(async () => {
    svc = await startService('tools', { DATA_DIR: tmp.dir, TOOLS_REPO_DIR: path.join(tmp.dir, 'repo'), ...env });
    client = toolsClient(svc.port);
  });
  afterAll(async () => {
    client?.close();
    await svc?.stop();
    tmp.remove();
  });
  const scan = (args: string[]) =>
    unary(client, 'ExecuteTool', { tool_name: 'network_scan', args, twin_id: '', timeout_ms: 5000, stdin: '' });
  const refused = (args: string[]) =>
    scan(args).then(
      (r) => {
        throw new Error(`expected a refusal, got ${r.output}`);
      },
      (e: { code: number; details: string }) => ({ code: e.code, details: e.details }),
    );
  return { scan, refused };
}

describe('network_scan with the default gates', () => {
  const { refused } = service({});

  it('refuses public targets, this machine and its link, and uncommon ports', async () => {
    const pub = await refused(['8.8.8.8', '53']);
    expect(pub.code).toBe(GrpcStatus.PERMISSION_DENIED);
    expect(pub.details).toMatch(/not a private-network address; ALLOW_PUBLIC_NETWORK_SCAN is off/);
    for (const target of [
      '127.0.0.1',
      'localhost',
      '0.0.0.0',
      '::1',
      '::ffff:127.0.0.1',
      '169.254.169.254',
      'fe80::1',
    ]) {
      const local = await refused([target, '22']);
      expect(local.code).toBe(GrpcStatus.PERMISSION_DENIED);
      expect(local.details).toMatch(/ALLOW_LOOPBACK_NETWORK_SCAN is off/);
    }
    const port = await refused(['10.0.0.1', '31337']);
    expect(port.code).toBe(GrpcStatus.PERMISSION_DENIED);
    expect(port.details).toMatch(/ALLOW_ARBITRARY_PORT_SCAN is off/);
  });

  it('rejects malformed arguments', async () => {
    expect((await refused([])).code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect((await refused(['10.0.0.1', '80;rm'])).code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect((await refused(['127.0.0.1/../x'])).code).toBe(GrpcStatus.INVALID_ARGUMENT);
  });
});

describe('network_scan with ALLOW_LOOPBACK_NETWORK_SCAN=true', () => {
  const { scan } = service({ ALLOW_LOOPBACK_NETWORK_SCAN: 'true' });

  it('scans loopback on the common ports', async () => {
    const res = await scan(['127.0.0.1', '22,80']);
    expect(res.output).toMatch(/^22\/tcp (open|closed)$/m);
    expect(res.output).toMatch(/^80\/tcp (open|closed)$/m);
    expect(res.sandbox).toBe('builtin');
  });
});

describe('network_scan with ALLOW_ARBITRARY_PORT_SCAN and ALLOW_LOOPBACK_NETWORK_SCAN', () => {
  const { scan, refused } = service({ ALLOW_ARBITRARY_PORT_SCAN: 'true', ALLOW_LOOPBACK_NETWORK_SCAN: 'true' });

  it('finds an open port on loopback and tells closed ones apart', async () => {
    const open = await listener();
    const closed = await closedPort();
    try {
      const res = await scan(['localhost', `${open.port},${closed}`]);
      expect(res.output).toContain(`${open.port}/tcp open`);
      expect(res.output).toContain(`${closed}/tcp closed`);
      expect(res.exit_code).toBe(0);
    } finally {
      open.close();
    }
  });

  it('still refuses public targets', async () => {
    expect((await refused(['1.1.1.1', '443'])).code).toBe(GrpcStatus.PERMISSION_DENIED);
  });
});

describe('scan target and port rules', () => {
  it('tells this machine and its link from the private network and from public addresses', () => {
    for (const a of [
      '127.0.0.1',
      '127.9.9.9',
      '0.0.0.0',
      '169.254.169.254',
      '::1',
      '::',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      expect(scopeOf(a)).toBe('local');
    }
    for (const a of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', 'fd00::1', '::ffff:10.0.0.1']) {
      expect(scopeOf(a)).toBe('private');
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '192.169.0.1', '100.64.0.1', '2001:4860::8888', 'example.com']) {
      expect(scopeOf(a)).toBe('public');
    }
  });

  it('parses port lists and bounds them', () => {
    expect(parsePorts('80,22,8000-8002')).toEqual([22, 80, 8000, 8001, 8002]);
    expect(() => parsePorts('0')).toThrow(CodedError);
    expect(() => parsePorts('1-65535')).toThrow(/at most 1024/);
    expect(() => parsePorts('80-70')).toThrow(CodedError);
  });
});
