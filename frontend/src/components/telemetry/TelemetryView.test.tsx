// The telemetry series lives outside the view: closing and reopening the view keeps the recent history, samples
// that arrive meanwhile are kept too, and the chart readout stays on the sample it picked while newer ones stream in.
import type { TelemetrySample } from '@pagi/contracts';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetTelemetryHistory } from '../../hooks/telemetryHistory.ts';
import { readoutOf } from './chartReadout.ts';
import { TelemetryView } from './TelemetryView.tsx';

class FakeEventSource {
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = 1;
  closed = false;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners: ((m: MessageEvent) => void)[] = [];
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeEventSource.opened.push(this);
  }
  addEventListener(_type: string, fn: (m: MessageEvent) => void) {
    this.listeners.push(fn);
  }
  emit(sample: TelemetrySample) {
    for (const fn of this.listeners) fn(new MessageEvent('message', { data: JSON.stringify(sample) }));
  }
  close() {
    this.closed = true;
  }
}

const sample = (i: number, cpu: number): TelemetrySample => ({
  ts_ms: Date.now() + i * 1000,
  cpu_percent: cpu,
  mem_total: 8 * 1024 ** 3,
  mem_used: 2 * 1024 ** 3,
  process_count: 100 + i,
  load_avg: [0.5, 0.4, 0.3],
  net_rx_bytes_per_s: 1000,
  net_tx_bytes_per_s: 500,
  disk_read_bytes_per_s: 0,
  disk_write_bytes_per_s: 2048,
});

const stream = () => {
  const es = FakeEventSource.opened.at(-1);
  if (!es) throw new Error('no stream opened');
  return es;
};
const shown = () => Number(screen.getByTestId('telemetry').getAttribute('data-samples'));

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  resetTelemetryHistory();
});
afterEach(() => {
  cleanup();
  resetTelemetryHistory();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('telemetry history', () => {
  it('keeps the series when the view is closed and opened again', () => {
    const first = render(<TelemetryView />);
    act(() => {
      for (let i = 0; i < 5; i++) stream().emit(sample(i, 10 + i));
    });
    expect(shown()).toBe(5);
    first.unmount();

    // The stream stays open for a while: what arrives while the view is closed is kept.
    act(() => stream().emit(sample(5, 42.5)));
    render(<TelemetryView />);
    expect(shown()).toBe(6);
    expect(screen.getByTestId('tm-cpu').textContent).toBe('42.5%');
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it('closes the stream a while after the view closes, and keeps the history for the next visit', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const view = render(<TelemetryView />);
    act(() => {
      stream().emit(sample(0, 20));
      stream().emit(sample(1, 30));
    });
    view.unmount();
    act(() => vi.advanceTimersByTime(5 * 60_000));
    expect(stream().closed).toBe(true);

    render(<TelemetryView />);
    expect(shown()).toBe(2);
    expect(FakeEventSource.opened).toHaveLength(2);
    act(() => stream().emit(sample(2, 40)));
    expect(shown()).toBe(3);
  });

  it('bounds the history to the recent samples', () => {
    render(<TelemetryView />);
    act(() => {
      for (let i = 0; i < 200; i++) stream().emit(sample(i, i % 100));
    });
    expect(shown()).toBe(120);
  });
});

describe('chart readout', () => {
  const data = [10, 20, 30].map((v, i) => ({ t: 1000 + i, cpu: v }));

  it('shows the newest sample when nothing is picked', () => {
    expect(readoutOf(data, null)).toEqual({ point: data[2], pinned: false });
  });

  it('stays on the picked sample as newer ones slide the series', () => {
    const picked = data[1]!.t;
    const slid = [...data.slice(1), { t: 1003, cpu: 99 }];
    expect(readoutOf(slid, picked)).toEqual({ point: { t: 1001, cpu: 20 }, pinned: true });
  });

  it('falls back to the newest sample once the picked one has left the window', () => {
    const slid = [...data.slice(2), { t: 1003, cpu: 99 }];
    expect(readoutOf(slid, 1000)).toEqual({ point: { t: 1003, cpu: 99 }, pinned: false });
  });
});
