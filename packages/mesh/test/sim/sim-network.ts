// A deterministic network for the consensus simulation: one virtual clock, one event queue, and a seeded random
// source deciding every fault (drop, delay, duplicate, partition). Messages are delivered in time order; equal times
// in the order they were sent. Nothing here reads the real clock, so a seed replays the same run exactly.
import { seededRandom } from '@pagi/runtime';

export interface Faults {
  drop: number;
  duplicate: number;
  minDelayMs: number;
  maxDelayMs: number;
}

type Event = { at: number; seq: number; run: () => void };

export class SimNetwork {
  now = 0;
  readonly random: () => number;
  faults: Faults;
  /** Messages handed to the network, and delivered. */
  sent = 0;
  delivered = 0;
  private readonly queue: Event[] = [];
  private seq = 0;
  private readonly down = new Set<string>();
  private groups: Map<string, number> | null = null;
  /** A request settled: its awaiting code runs before the next event. */
  private settling = false;

  constructor(seed: number, faults: Faults) {
    this.random = seededRandom(seed);
    this.faults = faults;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  between(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  at(time: number, run: () => void): void {
    const event = { at: Math.max(time, this.now), seq: this.seq++, run };
    // Binary-heap insert, ordered by (at, seq).
    const q = this.queue;
    q.push(event);
    for (let i = q.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (before(q[parent]!, q[i]!)) break;
      [q[parent], q[i]] = [q[i]!, q[parent]!];
      i = parent;
    }
  }

  after(ms: number, run: () => void): void {
    this.at(this.now + ms, run);
  }

  private pop(): Event | undefined {
    const q = this.queue;
    const top = q[0];
    const last = q.pop();
    if (q.length && last) {
      q[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < q.length && before(q[l]!, q[m]!)) m = l;
        if (r < q.length && before(q[r]!, q[m]!)) m = r;
        if (m === i) break;
        [q[m], q[i]] = [q[i]!, q[m]!];
        i = m;
      }
    }
    return top;
  }

  /** Runs events up to `until`, letting promise callbacks settle after each (catch-up is asynchronous). */
  async run(until: number): Promise<void> {
    while (this.queue.length && this.queue[0]!.at <= until) {
      const e = this.pop()!;
      this.now = e.at;
      e.run();
      if (this.settling) {
        this.settling = false;
        await settle();
      }
    }
    this.now = until;
  }

  crash(node: string): void {
    this.down.add(node);
  }

  restart(node: string): void {
    this.down.delete(node);
  }

  isUp(node: string): boolean {
    return !this.down.has(node);
  }

  /** Splits the nodes into groups that cannot reach each other; null heals. */
  partition(groups: string[][] | null): void {
    this.groups = groups && new Map(groups.flatMap((g, i) => g.map((n) => [n, i] as const)));
  }

  reachable(from: string, to: string): boolean {
    if (!this.isUp(from) || !this.isUp(to)) return false;
    return !this.groups || this.groups.get(from) === this.groups.get(to);
  }

  private delay(): number {
    return this.between(this.faults.minDelayMs, this.faults.maxDelayMs);
  }

  /** Sends one message: maybe dropped, maybe twice, each copy after its own delay (which reorders them). */
  send(from: string, to: string, deliver: () => void): void {
    this.sent++;
    if (this.random() < this.faults.drop) return;
    const copies = this.random() < this.faults.duplicate ? 2 : 1;
    for (let i = 0; i < copies; i++)
      this.after(this.delay(), () => {
        // Checked on arrival: a partition or crash that began meanwhile loses the message.
        if (!this.reachable(from, to)) return;
        this.delivered++;
        deliver();
      });
  }

  /** A request and its answer, each a message under the same faults; rejects when either is lost. */
  request(from: string, to: string, answer: () => Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      let done = false;
      this.after(timeoutMs, () => {
        if (done) return;
        done = true;
        this.settling = true;
        reject(new Error('timeout'));
      });
      this.send(from, to, () => {
        const bytes = answer();
        this.send(to, from, () => {
          if (done) return;
          done = true;
          this.settling = true;
          resolve(bytes);
        });
      });
    });
  }
}

const before = (a: Event, b: Event) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** Lets every pending promise callback run (they only depend on events already run). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
