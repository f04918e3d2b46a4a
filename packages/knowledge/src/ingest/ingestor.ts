import { existsSync } from 'node:fs';
import path from 'node:path';
import { CodedError } from '@pagi/contracts';
import { isUnavailable, type Logger } from '@pagi/runtime';
import { hashFile } from '../formats/read.ts';
import { type FileRow, type Ledger, RUNNING_STAGES, toProgress } from '../ledger/ledger.ts';
import type { KnowledgeMetrics } from '../metrics.ts';
import { Backoff } from './backoff.ts';
import { completionMessage } from './completion-message.ts';
import { type Located, locate, PathRefused, type Root } from './confinement.ts';
import { IngestEvents } from './events.ts';
import { type PipelineDeps, runPipeline } from './pipeline.ts';

// The ingestion queue: files are offered (by the watcher, the API, or a scan), queued in the ledger, and
// processed by a few workers. Cancel, retry and crash recovery go through here; the Library (library.ts) manages
// the documents themselves (scans, deletion, re-filing) on top of it.

export interface IngestorOptions {
  concurrency: number;
  cwd: string;
  logger: Logger;
  metrics: KnowledgeMetrics;
}

export class Ingestor {
  private readonly running = new Map<string, AbortController>();
  private readonly rerun = new Set<string>();
  private readonly backoff = new Backoff();
  private readonly idle: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly deps: PipelineDeps;
  private readonly ledger: Ledger;
  private readonly roots: Root[];
  private readonly opts: IngestorOptions;
  /** Every ingestion event: file progress, completions, status, removals. */
  readonly events = new IngestEvents();

  constructor(ledger: Ledger, deps: Omit<PipelineDeps, 'ledger' | 'changed'>, roots: Root[], opts: IngestorOptions) {
    this.ledger = ledger;
    this.roots = roots;
    this.opts = opts;
    this.deps = { ...deps, ledger, changed: (row) => this.publish(row) };
  }

  /** Finishes what a crash interrupted, then starts working the queue. */
  start(): number {
    const recovered = this.ledger.recoverInFlight();
    if (recovered.length)
      this.opts.logger.info({ files: recovered.map((r) => r.name) }, 'resuming ingestion interrupted by a restart');
    this.pump();
    return recovered.length;
  }

  /**
   * Offers one file. Unchanged stored files are left alone unless `explicit` (then they are re-checked and
   * reported as skipped). Throws PathRefused for paths outside the roots.
   */
  offer(input: string, explicit = false): { queued: boolean; row?: FileRow } {
    let loc: Located;
    try {
      loc = locate(input, this.roots, this.opts.cwd);
    } catch (err) {
      if (err instanceof PathRefused) this.refused(err);
      throw err;
    }
    const row = this.ledger.get(loc.id);
    if (row && this.running.has(row.id)) {
      this.rerun.add(row.id);
      return { queued: true, row };
    }
    if (row?.stage === 'queued') return { queued: true, row };
    if (
      !explicit &&
      row &&
      (row.stage === 'failed' || row.stage === 'cancelled' || row.stage === 'stored' || row.stage === 'skipped')
    ) {
      // The watcher and scans only re-queue files whose content changed since the last decision about them.
      if (!this.changedSince(row, loc.real)) return { queued: false, row };
    }
    const queued = this.ledger.enqueue({
      id: loc.id,
      path: loc.path,
      source: loc.source,
      name: path.basename(loc.path),
    });
    this.publish(queued);
    this.pump();
    return { queued: true, row: queued };
  }

  private reoffer(p: string): void {
    try {
      this.offer(p);
    } catch (err) {
      if (!(err instanceof PathRefused)) this.opts.logger.error({ err, path: p }, 'cannot re-offer a file');
    }
  }

  /** Stops the file's pipeline if it is running (its partial work is the caller's to undo). */
  async halt(id: string): Promise<void> {
    const running = this.running.get(id);
    if (!running) return;
    this.rerun.delete(id);
    running.abort(new Error('file deleted'));
    await this.waitIdle(id);
  }

  /** Drops the file's ledger row and tells every listener it is gone; false when it was not there. */
  forget(id: string): boolean {
    const row = this.ledger.get(id);
    if (!row) return false;
    this.ledger.remove(id);
    this.events.emit({ type: 'removed', id, name: row.name });
    this.events.emit({ type: 'status', status: this.ledger.summary() });
    this.opts.metrics.refresh(this.ledger);
    return true;
  }

  /** Queues a known file again (retry, re-filing); `detail` goes into its history. */
  requeue(id: string, detail: string): FileRow {
    const row = this.ledger.get(id);
    if (!row) throw new CodedError('not_found', `no file ${id} in the ingestion ledger`);
    this.backoff.release(id);
    const r = this.ledger.enqueue({ id, path: row.path, source: row.source, name: row.name }, detail);
    this.publish(r);
    this.pump();
    return r;
  }

  cancel(id: string): FileRow {
    const row = this.ledger.get(id);
    if (!row) throw new CodedError('not_found', `no file ${id} in the ingestion ledger`);
    const ctl = this.running.get(id);
    if (ctl) {
      this.rerun.delete(id);
      ctl.abort(new Error('cancelled'));
      return row;
    }
    if (row.stage !== 'queued')
      throw new CodedError('not_cancellable', 'only queued or running files can be cancelled');
    const r = this.ledger.setStage(id, 'cancelled', {}, 'cancelled while queued')!;
    this.publish(r);
    return r;
  }

  retry(id: string): FileRow {
    const row = this.ledger.get(id);
    if (!row) throw new CodedError('not_found', `no file ${id} in the ingestion ledger`);
    if (row.stage !== 'failed' && row.stage !== 'cancelled') {
      throw new CodedError('not_retryable', 'only failed or cancelled files can be retried');
    }
    if (!toProgress(row).retryable) {
      throw new CodedError('not_retryable', `${row.name} is in a format that cannot be ingested; convert or rename it`);
    }
    return this.requeue(id, 'retry requested');
  }

  /** Resolves when nothing is queued or running (tests and the benchmark use it). */
  drained(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    // In-flight files stay at their stage in the ledger and are resumed on the next start.
    for (const ctl of this.running.values()) ctl.abort(new Error('shutting down'));
    while (this.running.size) await new Promise((r) => setTimeout(r, 10));
  }

  private isIdle(): boolean {
    return this.running.size === 0 && this.ledger.queued().length === 0;
  }

  private changedSince(row: FileRow, real: string): boolean {
    const known = row.stage === 'stored' || row.stage === 'skipped' ? row.content_hash : row.pending_hash;
    if (!known) return true;
    return hashFile(real, this.deps.maxBytes) !== known;
  }

  private refused(err: PathRefused): void {
    this.opts.logger.warn({ reason: err.message }, 'ingestion refused a path');
    this.opts.metrics.refused.inc();
    if (!err.entry) return;
    const { id, path: p, source } = err.entry;
    this.ledger.enqueue({ id, path: p, source, name: path.basename(p) }, 'offered');
    this.publish(this.ledger.setStage(id, 'failed', { error: err.message })!);
  }

  /** Tells every listener about a change of the file's row (and the totals when its stage settled). */
  publish(row: FileRow): void {
    const file = toProgress(row);
    this.events.emit({ type: 'file', file });
    if (row.stage === 'stored' && row.domain)
      this.events.emit({ type: 'completed', file, message: completionMessage(row) });
    if (!RUNNING_STAGES.includes(row.stage) || row.stage === 'reading') {
      this.events.emit({ type: 'status', status: this.ledger.summary() });
      this.opts.metrics.refresh(this.ledger);
    }
  }

  private pump(): void {
    if (this.closed) return;
    const now = Date.now();
    let wait = Number.POSITIVE_INFINITY;
    for (const row of this.ledger.queued()) {
      if (this.running.size >= this.opts.concurrency) break;
      if (this.running.has(row.id)) continue;
      const delay = this.backoff.waitOf(row.id, now);
      if (delay > 0) {
        wait = Math.min(wait, delay);
        continue;
      }
      void this.work(row);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = Number.isFinite(wait) ? setTimeout(() => this.pump(), wait) : null;
    if (this.isIdle()) for (const resolve of this.idle.splice(0)) resolve();
  }

  private async waitIdle(id: string): Promise<void> {
    while (this.running.has(id)) await new Promise((r) => setTimeout(r, 10));
  }

  private async work(row: FileRow): Promise<void> {
    const ctl = new AbortController();
    this.running.set(row.id, ctl);
    this.backoff.release(row.id);
    this.ledger.bumpAttempts(row.id);
    const started = performance.now();
    let loc: Located | null = null;
    try {
      loc = locate(row.path, this.roots, this.opts.cwd);
      const out = await runPipeline(this.ledger.get(row.id)!, loc.real, this.deps, ctl.signal);
      this.opts.metrics.observe(out.kind, out.row.domain, (performance.now() - started) / 1000);
      this.backoff.reset(row.id);
    } catch (err) {
      await this.failed(row, err, ctl.signal);
    } finally {
      this.running.delete(row.id);
      // Offered again while running: re-queued only if the content changed meanwhile.
      if (this.rerun.delete(row.id) && !this.closed && existsSync(row.path)) this.reoffer(row.path);
      this.pump();
    }
  }

  private async failed(row: FileRow, err: unknown, signal: AbortSignal): Promise<void> {
    if (this.closed) return; // stays in flight; the next start resumes it
    const reason = signal.aborted ? String((signal.reason as Error)?.message ?? signal.reason) : '';
    if (reason === 'cancelled') {
      // Partial chunks of a cancelled file are removed, so it is either fully in or fully out.
      await this.deps.memory.deleteSource(row.source).catch(() => undefined);
      this.publish(
        this.ledger.setStage(row.id, 'cancelled', { content_hash: null, chunks_done: 0 }, 'cancelled while running')!,
      );
      return;
    }
    if (reason === 'file deleted') return;
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof CodedError && isUnavailable(err)) {
      // The memory service is down or slow: keep the file queued and try again with backoff until it is back.
      const delay = this.backoff.failed(row.id);
      const error = `memory service unavailable, retrying in ${Math.round(delay / 1000)} s: ${message}`;
      this.publish(this.ledger.setStage(row.id, 'queued', { error }, error)!);
      return;
    }
    this.backoff.reset(row.id);
    this.opts.logger.warn({ file: row.source, err: message }, 'ingestion failed');
    // Remembering the failed content means scans leave it alone until it changes or is retried.
    const pending_hash = hashFile(row.path, this.deps.maxBytes);
    this.publish(this.ledger.setStage(row.id, 'failed', { error: message, pending_hash })!);
    this.opts.metrics.observe('failed', this.ledger.get(row.id)?.domain ?? null, 0);
  }
}
