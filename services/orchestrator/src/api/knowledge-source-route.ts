import { CodedError, KnowledgeSourceQuery, type KnowledgeSourceResponse, parseWith } from '@pagi/contracts';
import type { Memory__Output } from '@pagi/contracts/gen/memory/Memory.ts';
import type { MemoryClient, OrchestratorConfig } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';

/** Bounds of one answer: a document past them is cut (and says so) rather than sent whole. */
export const SOURCE_LIMITS = { chunks: 2000, bytes: 4 * 1024 * 1024 };

/** `ingest:notes/plan.md` → `plan.md`: the name a document without a stored title goes by. */
const basename = (file: string) =>
  file
    .replace(/^[a-z]+:/, '')
    .split(/[/\\]/)
    .pop() || file;

/** A stored file's memories, in chunk order, up to the bounds. */
async function readSource(memory: MemoryClient, namespace: string, file: string) {
  const found: Memory__Output[] = [];
  let token = '';
  let total = 0;
  do {
    const page = await memory.listPage(namespace, { pageToken: token, vectors: false, sourceFile: file });
    found.push(...page.memories);
    total = page.total;
    token = page.next_page_token;
  } while (token && found.length < SOURCE_LIMITS.chunks);
  found.sort((a, b) => (a.source?.chunk_index ?? 0) - (b.source?.chunk_index ?? 0));
  const kept: Memory__Output[] = [];
  let bytes = 0;
  for (const m of found.slice(0, SOURCE_LIMITS.chunks)) {
    bytes += Buffer.byteLength(m.content, 'utf8');
    if (bytes > SOURCE_LIMITS.bytes && kept.length) break;
    kept.push(m);
  }
  return { kept, truncated: kept.length < Math.max(total, found.length) };
}

/** GET /api/knowledge/source: the whole stored document a cited memory came from (the chat's source viewer). */
export function registerKnowledgeSourceRoute(
  app: FastifyInstance,
  deps: { config: Pick<OrchestratorConfig, 'KNOWLEDGE_NAMESPACE'>; memory: MemoryClient },
): void {
  app.get('/api/knowledge/source', async (req): Promise<KnowledgeSourceResponse> => {
    const q = parseWith(KnowledgeSourceQuery, req.query);
    // Scoped like the memory search the citation came from: one namespace, every twin.
    const { kept, truncated } = await readSource(deps.memory, q.namespace ?? deps.config.KNOWLEDGE_NAMESPACE, q.file);
    if (!kept.length) throw new CodedError('not_found', `no stored document has the source ${q.file}`);
    const first = kept[0]!;
    return {
      file: q.file,
      title: kept.find((m) => m.metadata.title)?.metadata.title ?? basename(q.file),
      domain: first.domain,
      chunks: kept.map((m) => ({ id: m.id, index: m.source?.chunk_index ?? 0, content: m.content })),
      truncated,
    };
  });
}
