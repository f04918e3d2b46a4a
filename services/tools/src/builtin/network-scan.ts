import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { CodedError } from '@pagi/contracts';
import { scopeOf } from './address-ranges.ts';

/** Ports scanned by default and the only ones allowed unless ALLOW_ARBITRARY_PORT_SCAN=true. */
export const COMMON_PORTS = [
  21, 22, 23, 25, 53, 80, 110, 111, 135, 139, 143, 443, 445, 993, 995, 1433, 3306, 3389, 5432, 5900, 6379, 8080, 8443,
  9200, 27017,
];
const MAX_PORTS = 1024;
const CONNECT_TIMEOUT_MS = 800;
const PARALLEL = 64;

export const NETWORK_SCAN = {
  name: 'network_scan',
  description: `TCP connect scan: network_scan <host> [ports, e.g. 22,80,8000-8010]; private-network targets and common ports (${COMMON_PORTS.length}) unless the security gates are open`,
};

export interface ScanGates {
  allowPublic: boolean;
  allowArbitraryPorts: boolean;
  /** Loopback and link-local targets: this machine's own services and its link's neighbours. */
  allowLoopback: boolean;
}

/** A request the scanner will not run, with the reason. */
const refused = (reason: string) => new CodedError('forbidden', reason);
/** Arguments that do not describe a scan. */
const usage = (reason: string) => new CodedError('invalid_request', reason);

export function parsePorts(spec: string): number[] {
  const ports = new Set<number>();
  for (const part of spec.split(',')) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part.trim());
    if (!m) throw usage(`bad port list ${JSON.stringify(spec)}: use forms like 22,80,8000-8010`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to > 65535 || from > to) throw usage(`bad port range ${part}`);
    if (to - from + 1 + ports.size > MAX_PORTS) throw usage(`at most ${MAX_PORTS} ports per scan`);
    for (let p = from; p <= to; p++) ports.add(p);
  }
  return [...ports].sort((a, b) => a - b);
}

async function resolveTarget(host: string, gates: ScanGates): Promise<string> {
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(host)) throw usage(`bad target ${JSON.stringify(host)}`);
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    const found = await Promise.race([
      lookup(host, { all: true }),
      new Promise<never>((_, reject) => setTimeout(() => reject(usage(`cannot resolve ${host}`)), 3000)),
    ]).catch((err: Error) => {
      throw err instanceof CodedError ? err : usage(`cannot resolve ${host}`);
    });
    addresses = found.map((a) => a.address);
  }
  // Every address a name resolves to must pass, so a name cannot smuggle a refused target in.
  for (const address of addresses) {
    const scope = scopeOf(address);
    if (scope === 'public' && !gates.allowPublic) {
      throw refused(`target ${host} (${address}) is not a private-network address; ALLOW_PUBLIC_NETWORK_SCAN is off`);
    }
    if (scope === 'local' && !gates.allowLoopback) {
      throw refused(
        `target ${host} (${address}) is this machine or its link (loopback, link-local); ALLOW_LOOPBACK_NETWORK_SCAN is off`,
      );
    }
  }
  return addresses[0]!;
}

type PortState = 'open' | 'closed' | 'filtered';

function probe(address: string, port: number, signal: AbortSignal): Promise<PortState> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port, timeout: CONNECT_TIMEOUT_MS });
    const done = (state: PortState) => {
      socket.destroy();
      signal.removeEventListener('abort', onAbort);
      resolve(state);
    };
    const onAbort = () => done('filtered');
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => done('open'));
    socket.once('timeout', () => done('filtered'));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code === 'ECONNREFUSED' ? 'closed' : 'filtered'));
  });
}

export interface ScanOutcome {
  output: string;
  durationMs: number;
  timedOut: boolean;
}

/** Checks the gates, then scans; the output lists every port as `<port>/tcp <state>`. */
export async function networkScan(args: string[], gates: ScanGates, timeoutMs: number): Promise<ScanOutcome> {
  if (args.length < 1 || args.length > 2) throw usage('usage: network_scan <host> [ports]');
  const ports = args[1] === undefined ? COMMON_PORTS : parsePorts(args[1]);
  if (!gates.allowArbitraryPorts) {
    const other = ports.filter((p) => !COMMON_PORTS.includes(p));
    if (other.length) {
      throw refused(
        `port ${other[0]} is not in the common port list; ALLOW_ARBITRARY_PORT_SCAN is off (allowed: ${COMMON_PORTS.join(',')})`,
      );
    }
  }
  const address = await resolveTarget(args[0]!, gates);
  const started = performance.now();
  const deadline = AbortSignal.timeout(timeoutMs);
  const states = new Map<number, PortState>();
  let next = 0;
  const worker = async () => {
    while (next < ports.length && !deadline.aborted) {
      const port = ports[next++]!;
      states.set(port, await probe(address, port, deadline));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, ports.length) }, worker));
  const lines = ports.map((p) => `${p}/tcp ${states.get(p) ?? 'unscanned'}`);
  const open = ports.filter((p) => states.get(p) === 'open').length;
  return {
    output: `network_scan ${args[0]} (${address}): ${open} open of ${ports.length}\n${lines.join('\n')}\n`,
    durationMs: performance.now() - started,
    timedOut: deadline.aborted,
  };
}
