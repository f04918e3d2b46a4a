import { describe, expect, it } from 'vitest';
import { lexicalVector } from '../src/embedding/lexical-embedder.ts';
import { memoryId } from '../src/service/ids.ts';
import { reciprocalRankFusion } from '../src/store/fusion.ts';

describe('reciprocal rank fusion', () => {
  it('rewards agreement and normalises the best possible item to 1', () => {
    const fused = reciprocalRankFusion(['a', 'b', 'c'], ['c', 'a', 'd']);
    expect(fused.map((f) => f.key)).toEqual(['a', 'c', 'b', 'd']);
    expect(reciprocalRankFusion(['x'], ['x'])[0]!.score).toBe(1);
    expect(fused.every((f) => f.score > 0 && f.score < 1)).toBe(true);
    expect(fused.find((f) => f.key === 'd')).toMatchObject({ denseRank: -1, lexicalRank: 2 });
  });
});

describe('lexical embedder and ids', () => {
  it('produces unit vectors where shared words and spellings mean similarity', () => {
    const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    const a = lexicalVector('connection refused by upstream', 384);
    const b = lexicalVector('upstream refused the connections', 384);
    const c = lexicalVector('chocolate cake recipe', 384);
    expect(dot(a, a)).toBeCloseTo(1, 5);
    expect(dot(a, b)).toBeGreaterThan(0.5);
    expect(Math.abs(dot(a, c))).toBeLessThan(0.2);
    expect(lexicalVector('', 8).every((x) => x === 0)).toBe(true);
  });

  it('derives stable UUID ids from namespace and key', () => {
    expect(memoryId('kb', 'file.md#3')).toBe(memoryId('kb', 'file.md#3'));
    expect(memoryId('kb', 'file.md#3')).not.toBe(memoryId('kb2', 'file.md#3'));
    expect(memoryId('kb', 'x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(memoryId('kb', '')).not.toBe(memoryId('kb', ''));
  });
});
