import type { AtlasNode } from '@pagi/contracts';
import { describe, expect, it } from 'vitest';
import { labelNodes } from './nodeLabels.ts';

const node = (id: string, title: string, over: Partial<AtlasNode> = {}): AtlasNode => ({
  id,
  x: 0,
  y: 0,
  z: 0,
  domain: 'soul',
  title,
  snippet: '',
  ...over,
});

describe('node labels for the path pickers', () => {
  it('sorts by label and names each node once, by its source file and then its part when titles repeat', () => {
    const labels = labelNodes([
      node('a', 'Security Audit', { source: 'ingest:2025/audit.md', chunk: 0 }),
      node('b', 'Security Audit', { source: 'ingest:2026/audit.md', chunk: 0 }),
      node('c', 'Runbook — Restore', { source: 'knowledge_bases:mind/runbook.md', chunk: 2, domain: 'mind' }),
      node('d', 'Runbook — Restore', { source: 'knowledge_bases:mind/runbook.md', chunk: 3, domain: 'mind' }),
      node('e', '**Values**', { source: 'ingest:values.md', chunk: 0 }),
      node('f', 'Chunk 10', { domain: 'body' }),
      node('g', 'Chunk 9', { domain: 'body' }),
    ]);
    expect(labels.map((l) => l.label)).toEqual([
      'Chunk 9 (Body)',
      'Chunk 10 (Body)',
      'Runbook — Restore (Mind) — mind/runbook.md · part 3',
      'Runbook — Restore (Mind) — mind/runbook.md · part 4',
      'Security Audit (Soul) — 2025/audit.md',
      'Security Audit (Soul) — 2026/audit.md',
      'Values (Soul)',
    ]);
    expect(new Set(labels.map((l) => l.label)).size).toBe(labels.length);
    expect(labels.find((l) => l.id === 'b')?.label).toBe('Security Audit (Soul) — 2026/audit.md');
  });

  it('falls back to the node id when same-titled nodes have no source', () => {
    const labels = labelNodes([node('n1-aaaaaaaa', 'Note'), node('n2-bbbbbbbb', 'Note')]);
    expect(labels.map((l) => l.label)).toEqual(['Note (Soul) · n1-aaaaa', 'Note (Soul) · n2-bbbbb']);
  });
});
