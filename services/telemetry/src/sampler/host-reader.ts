import { readdir } from 'node:fs/promises';
import os from 'node:os';
import type { TelemetrySample } from '@pagi/contracts';
import si from 'systeminformation';

/** Number of processes: /proc on Linux (a directory listing), systeminformation's full process scan elsewhere. */
async function processCount(): Promise<number> {
  if (process.platform === 'linux') {
    // si.processes() spawns ps and parses every process (~100 ms of CPU per call); counting /proc is ~1 ms.
    const entries = await readdir('/proc');
    return entries.filter((name) => /^\d+$/.test(name)).length;
  }
  return (await si.processes()).all;
}

const rate = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/**
 * Reads one host sample. systeminformation computes network and disk rates against its previous call, so the
 * very first sample after start reports 0 for them; that is why a single shared reader must be used.
 */
export async function readHostSample(): Promise<TelemetrySample> {
  const [load, mem, procs, net, fs] = await Promise.all([
    si.currentLoad(),
    si.mem(),
    processCount(),
    si.networkStats('*'),
    si.fsStats().catch(() => null),
  ]);
  const external = net.filter((n) => n.iface !== 'lo' && !n.iface.startsWith('lo'));
  return {
    ts_ms: Date.now(),
    cpu_percent: Math.round((Number.isFinite(load.currentLoad) ? load.currentLoad : 0) * 100) / 100,
    mem_total: mem.total,
    // "active" is memory in use by processes, without reclaimable buffers and page cache.
    mem_used: mem.active,
    process_count: procs,
    load_avg: os.loadavg(),
    net_rx_bytes_per_s: external.reduce((sum, n) => sum + rate(n.rx_sec), 0),
    net_tx_bytes_per_s: external.reduce((sum, n) => sum + rate(n.tx_sec), 0),
    disk_read_bytes_per_s: rate(fs?.rx_sec),
    disk_write_bytes_per_s: rate(fs?.wx_sec),
  };
}
