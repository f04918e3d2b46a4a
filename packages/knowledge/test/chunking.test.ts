import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_MAX_TOKENS, CHUNK_MIN_TOKENS, chunkDocument } from '../src/chunking/chunker.ts';
import { createTokenCounter } from '../src/chunking/tokenizer.ts';

const counter = createTokenCounter();

const para = (i: number) =>
  `Paragraph ${i} explains how the twin keeps its promises: it asks before acting, remembers what matters, ` +
  `and forgets what the person asks it to forget. Each step is recorded so that decision ${i} can be explained later.`;

function specDoc(sections: number): string {
  const parts = ['# Service specification'];
  for (let s = 0; s < sections; s++) {
    parts.push(
      `## Section ${s}`,
      para(s),
      '```ts',
      ...Array.from({ length: 12 }, (_, l) => `export const value${s}_${l} = compute(${l}); // line ${l}`),
      '```',
      para(s + 100),
    );
  }
  return parts.join('\n\n');
}

describe('domain-aware chunking', () => {
  it('keeps every chunk of a long document within 256–1024 tokens', () => {
    for (const [text, ext, domain] of [
      [specDoc(20), '.md', 'mind'],
      [Array.from({ length: 60 }, (_, i) => para(i)).join('\n\n'), '.txt', 'heart'],
      [
        Array.from(
          { length: 600 },
          (_, i) => `2025-01-01T00:00:${String(i % 60).padStart(2, '0')}Z INFO req=${i} ms=${i % 97}`,
        ).join('\n'),
        '.log',
        'body',
      ],
    ] as const) {
      const chunks = chunkDocument(text, { ext, domain, counter });
      expect(chunks.length).toBeGreaterThan(2);
      for (const c of chunks) {
        expect(c.tokens).toBeLessThanOrEqual(CHUNK_MAX_TOKENS);
        expect(c.tokens).toBeGreaterThanOrEqual(CHUNK_MIN_TOKENS);
        expect(c.domain).toBe(domain);
      }
      expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
    }
  });

  it('never cuts a code block and records the heading path', () => {
    const chunks = chunkDocument(specDoc(12), { ext: '.md', domain: 'mind', counter });
    for (const c of chunks) {
      // Every chunk holds whole fences: an even number of ``` lines.
      expect((c.text.match(/^```/gm) ?? []).length % 2).toBe(0);
    }
    expect(chunks.some((c) => c.headings.join(' > ').startsWith('Service specification > Section'))).toBe(true);
    expect(chunks[0]!.startLine).toBe(1);
  });

  it('splits logs by whole lines with a small overlap', () => {
    const lines = Array.from(
      { length: 400 },
      (_, i) => `2025-01-01T00:00:00Z WARN upstream=search attempt=${i} waited_ms=${i * 3}`,
    );
    const chunks = chunkDocument(lines.join('\n'), { ext: '.log', domain: 'body', counter });
    const all = new Set(lines);
    for (const c of chunks) for (const l of c.text.split('\n')) expect(all.has(l)).toBe(true);
    // Consecutive chunks share their boundary line(s), and together they cover every line.
    for (let i = 1; i < chunks.length; i++) {
      const prevLast = chunks[i - 1]!.text.split('\n').pop()!;
      expect(chunks[i]!.text.split('\n')).toContain(prevLast);
    }
    const covered = new Set(chunks.flatMap((c) => c.text.split('\n')));
    expect(covered.size).toBe(lines.length);
  });

  it('repeats the CSV header in every chunk and keeps rows whole', () => {
    const header = 'date,steps,resting_hr,sleep_hours';
    const rows = Array.from(
      { length: 500 },
      (_, i) =>
        `2025-02-${String((i % 28) + 1).padStart(2, '0')},${8000 + i},${55 + (i % 9)},${(6 + (i % 3) * 0.5).toFixed(1)}`,
    );
    const chunks = chunkDocument([header, ...rows].join('\n'), { ext: '.csv', domain: 'body', counter });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      const [h, ...body] = c.text.split('\n');
      expect(h).toBe(header);
      for (const r of body) expect(r.split(',')).toHaveLength(4);
    }
  });

  it('splits one oversized block at line boundaries rather than exceeding the maximum', () => {
    const code = [
      '```python',
      ...Array.from({ length: 700 }, (_, i) => `result_${i} = transform(records[${i}], options)`),
      '```',
    ].join('\n');
    const chunks = chunkDocument(`# Huge listing\n\n${code}`, { ext: '.md', domain: 'mind', counter });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.tokens).toBeLessThanOrEqual(CHUNK_MAX_TOKENS);
  });

  it('chunks YAML at top-level keys and JSON at members', () => {
    const yaml = Array.from(
      { length: 40 },
      (_, i) => `service_${i}:\n  replicas: ${i}\n  description: ${para(i)}`,
    ).join('\n');
    const ychunks = chunkDocument(yaml, { ext: '.yaml', domain: 'body', counter });
    for (const c of ychunks) expect(c.text.split('\n')[0]).toMatch(/^service_\d+:$/);
    const json = JSON.stringify(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`rule_${i}`, { text: para(i) }])),
    );
    const jchunks = chunkDocument(json, { ext: '.json', domain: 'soul', counter });
    expect(jchunks.length).toBeGreaterThan(1);
    expect(jchunks[1]!.text.startsWith('"rule_')).toBe(true);
  });
});

describe('token counting', () => {
  it('counts WordPiece tokens exactly when the model vocabulary is available', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vocab-'));
    const words = [
      '[PAD]',
      '[UNK]',
      'the',
      'twin',
      'remember',
      '##s',
      'play',
      '##ing',
      ',',
      '.',
      ...Array.from({ length: 1000 }, (_, i) => `w${i}`),
    ];
    writeFileSync(path.join(dir, 'vocab.txt'), words.join('\n'));
    const exact = createTokenCounter(dir);
    expect(exact.kind).toBe('wordpiece-vocab');
    // the | twin | remember ##s | , | play ##ing | .  (and an unknown word is one [UNK])
    expect(exact.count('The twin remembers, playing.')).toBe(8);
    expect(exact.count('zzzqqq')).toBe(1);
  });

  it('approximates WordPiece without the vocabulary: short words one token, long words several', () => {
    expect(counter.kind).toBe('wordpiece-approx');
    expect(counter.count('the cat sat')).toBe(3);
    expect(counter.count('internationalization')).toBeGreaterThan(2);
    expect(counter.count('a, b.')).toBe(4);
  });
});
