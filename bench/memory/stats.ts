// Figures both memory benchmarks report: rounded values and latency percentiles.
export const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export const summary = (xs: number[]) => ({ p50: round(percentile(xs, 50)), p99: round(percentile(xs, 99)) });
