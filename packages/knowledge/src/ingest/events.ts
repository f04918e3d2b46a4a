import type { IngestEvent } from '@pagi/contracts';

/**
 * The ingestion event fan-out. Listeners are kept in a set and called in turn (no EventEmitter listener cap), so
 * any number of dashboards can follow ingestion.
 */
export class IngestEvents {
  private readonly listeners = new Set<(event: IngestEvent) => void>();

  /** Calls `listener` with every event until the returned function is called. */
  subscribe(listener: (event: IngestEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: IngestEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
