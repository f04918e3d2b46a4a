export interface ChartPoint {
  t: number;
  [key: string]: number;
}

export interface Readout {
  point: ChartPoint;
  /** The point is the one the pointer picked, not simply the newest. */
  pinned: boolean;
}

/**
 * What the readout shows: the sample picked under the pointer, found by its time so it stays the same sample while
 * newer ones stream in and the series slides; the newest sample when nothing is picked or the pick has aged out.
 */
export function readoutOf(data: readonly ChartPoint[], pickedT: number | null): Readout | null {
  const picked = pickedT === null ? undefined : data.find((p) => p.t === pickedT);
  if (picked) return { point: picked, pinned: true };
  const newest = data[data.length - 1];
  return newest ? { point: newest, pinned: false } : null;
}
