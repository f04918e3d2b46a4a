import { describe, expect, it } from 'vitest';
import { formatLeft } from './Countdown.tsx';

describe('formatLeft', () => {
  it('reads as the two largest units', () => {
    expect(formatLeft(12_000)).toBe('12 s');
    expect(formatLeft(65_000)).toBe('1 min 05 s');
    expect(formatLeft(3 * 3600_000 + 12 * 60_000)).toBe('3 h 12 min');
    expect(formatLeft(2 * 86_400_000 + 3 * 3600_000)).toBe('2 d 3 h');
    expect(formatLeft(-5)).toBe('0 s');
  });
});
