// GET /api/knowledge/source against the real memory service: the whole stored document behind a citation.

import { KnowledgeSourceResponse } from '@pagi/contracts';
import { createClient, loadProto, unary } from '@pagi/runtime';
import type { MemoryServiceClient } from '@pagi/runtime/gen/memory/MemoryService.ts';
import { TEST_SERVICE_TOKEN } from '@pagi/tests/helpers/service-token.ts';
import { type Stack, startStack } from '@pagi/tests/helpers/stack.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_LIMITS } from '../src/api/knowledge-source-route.ts';
import { ok, refused, startTestOrchestrator, type TestOrchestrator } from './helpers.ts';

interface Chunk {
  file: string;
  index: number;
  content: string;
  namespace?: string;
  title?: string;
}

const chunk = (c: Chunk) => ({
  content: c.content,
  namespace: c.namespace ?? 'knowledge',
  twin_id: '',
  domain: 'soul',
  memory_type: 'knowledge',
  source: { file: c.file, chunk_index: c.index, content_hash: 'h' },
  metadata: c.title ? { title: c.title } : ({} as Record<string, string>),
  key: `${c.file}#${c.index}`,
});

// Committed out of order: the answer orders by chunk index, not by when a chunk was stored.
const POLICY: Chunk[] = [
  { file: 'ingest:policy.md', index: 2, content: 'Third: rotate keys every quarter.', title: 'Security Policy' },
  { file: 'ingest:policy.md', index: 0, content: 'First: never share credentials.', title: 'Security Policy' },
  { file: 'ingest:policy.md', index: 1, content: 'Second: use the vault.', title: 'Security Policy' },
  { file: 'ingest:other.md', index: 0, content: 'Another document entirely.' },
  { file: 'ingest:policy.md', index: 0, content: 'A same-named file in another namespace.', namespace: 'elsewhere' },
];
const BIG = SOURCE_LIMITS.chunks + 5;

describe('GET /api/knowledge/source', () => {
  let stack: Stack;
  let orch: TestOrchestrator;

  beforeAll(async () => {
    stack = await startStack({ services: ['memory'] });
    const memory = createClient(
      loadProto('memory').memory.MemoryService,
      stack.addresses.MEMORY_GRPC_ADDR!,
      TEST_SERVICE_TOKEN,
    ) as MemoryServiceClient;
    await unary(memory, 'CommitMemories', { memories: POLICY.map(chunk) });
    const big = Array.from({ length: BIG }, (_, i) => chunk({ file: 'ingest:big.md', index: i, content: `part ${i}` }));
    for (let i = 0; i < big.length; i += 500) {
      await unary(memory, 'CommitMemories', { memories: big.slice(i, i + 500) }, { deadlineMs: 60_000 });
    }
    memory.close();
    orch = await startTestOrchestrator({ MEMORY_GRPC_ADDR: stack.addresses.MEMORY_GRPC_ADDR! });
  }, 120_000);
  afterAll(async () => {
    await orch?.close();
    await stack?.close();
  });

  const source = (query: string) => orch.get(`/api/knowledge/source?${query}`);

  it('returns every chunk of the file in order, with its title and domain', async () => {
    const doc = ok(await source(`file=${encodeURIComponent('ingest:policy.md')}`), KnowledgeSourceResponse);
    expect(doc).toMatchObject({ file: 'ingest:policy.md', title: 'Security Policy', domain: 'soul', truncated: false });
    expect(doc.chunks.map((c) => [c.index, c.content])).toEqual([
      [0, 'First: never share credentials.'],
      [1, 'Second: use the vault.'],
      [2, 'Third: rotate keys every quarter.'],
    ]);
  });

  it('stays within the namespace asked for (the knowledge base by default)', async () => {
    const other = ok(await source('file=ingest%3Apolicy.md&namespace=elsewhere'), KnowledgeSourceResponse);
    expect(other.chunks.map((c) => c.content)).toEqual(['A same-named file in another namespace.']);
    // A file without a stored title is named by its file name.
    expect(ok(await source('file=ingest%3Aother.md'), KnowledgeSourceResponse).title).toBe('other.md');
  });

  it('cuts a very long document at the bound and says so', async () => {
    const doc = ok(await source('file=ingest%3Abig.md'), KnowledgeSourceResponse);
    expect(doc.truncated).toBe(true);
    expect(doc.chunks).toHaveLength(SOURCE_LIMITS.chunks);
    expect(doc.chunks.slice(0, 3).map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it('answers not_found for a file nothing was stored from, and invalid_request without a file', async () => {
    expect(refused(await source('file=ingest%3Amissing.md'), 404).code).toBe('not_found');
    expect(refused(await source('file=ingest%3Aother.md&namespace=elsewhere'), 404).code).toBe('not_found');
    expect(refused(await source(''), 400).code).toBe('invalid_request');
    expect(refused(await source('file=x&namespace=bad.name'), 400).code).toBe('invalid_request');
  });
});
