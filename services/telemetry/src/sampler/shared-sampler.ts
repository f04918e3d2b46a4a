import type { TelemetrySample } from '@pagi/contracts';
import type { Logger } from '@pagi/runtime';
import { counter, gauge } from '@pagi/runtime';

export type SampleListener = (sample: TelemetrySample) => void;

export interface SamplerStats {
  running: boolean;
  subscribers: number;
  /** Host samples read since start, across all clients. */
  samples_taken: number;
  /** Times the sampling loop was started (it stops when the last client leaves). */
  loops_started: number;
}

/**
 * One sampling loop shared by every stream client. It runs only while at least one client listens: reading the
 * host costs CPU every interval, and nobody needs the figures when no dashboard is open. A client that joins gets
 * the latest sample at once when it is fresh, then every sample the loop takes.
 */
export class SharedSampler {
  private readonly listeners = new Set<SampleListener>();
  private readonly read: () => Promise<TelemetrySample>;
  private readonly intervalMs: number;
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private reading = false;
  private latest: TelemetrySample | undefined;
  private stats: SamplerStats = { running: false, subscribers: 0, samples_taken: 0, loops_started: 0 };
  private readonly samplesMetric = counter('telemetry_samples_total', 'Host samples taken by the shared sampler');
  private readonly clientsMetric = gauge('telemetry_stream_clients', 'Clients listening to the telemetry stream');

  constructor(opts: { read: () => Promise<TelemetrySample>; intervalMs: number; logger: Logger }) {
    this.read = opts.read;
    this.intervalMs = opts.intervalMs;
    this.logger = opts.logger;
  }

  subscribe(listener: SampleListener): () => void {
    this.listeners.add(listener);
    this.clientsMetric.set(this.listeners.size);
    if (this.latest && Date.now() - this.latest.ts_ms < this.intervalMs) listener(this.latest);
    if (!this.timer) this.start();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.listeners.delete(listener);
      this.clientsMetric.set(this.listeners.size);
      if (this.listeners.size === 0) this.stop();
    };
  }

  snapshot(): SamplerStats {
    return { ...this.stats, running: this.timer !== undefined, subscribers: this.listeners.size };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private start(): void {
    this.stats.loops_started++;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    void this.tick();
  }

  private async tick(): Promise<void> {
    // A slow host read must not pile up concurrent reads.
    if (this.reading) return;
    this.reading = true;
    try {
      const sample = await this.read();
      this.stats.samples_taken++;
      this.samplesMetric.inc();
      this.latest = sample;
      if (!this.timer) return;
      for (const listener of this.listeners) listener(sample);
    } catch (err) {
      this.logger.warn({ err }, 'host sample failed');
    } finally {
      this.reading = false;
    }
  }
}
