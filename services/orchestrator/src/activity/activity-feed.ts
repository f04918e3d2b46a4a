import { randomUUID } from 'node:crypto';
import type { ActivityEvent } from '@pagi/contracts';

type Listener = (event: ActivityEvent) => void;

/** The live activity feed: the latest events in memory, pushed to every subscriber as they happen. */
export class ActivityFeed {
  private readonly events: ActivityEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly capacity: number;

  constructor(capacity = 200) {
    this.capacity = capacity;
  }

  publish(kind: ActivityEvent['kind'], summary: string, sessionId?: string): ActivityEvent {
    const event: ActivityEvent = {
      id: randomUUID(),
      ts: new Date().toISOString(),
      kind,
      summary,
      ...(sessionId ? { session_id: sessionId } : {}),
    };
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.shift();
    for (const listener of this.listeners) listener(event);
    return event;
  }

  /** Newest first. */
  recent(limit = 50): ActivityEvent[] {
    return this.events.slice(-limit).reverse();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
