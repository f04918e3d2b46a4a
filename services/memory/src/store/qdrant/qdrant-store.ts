import type { Logger } from '@pagi/runtime';
import type { QdrantClient } from '@qdrant/js-client-rest';
import { collectionName, collectionsFor } from '../collections.ts';
import { DENSE_WEIGHT, reciprocalRankFusion } from '../fusion.ts';
import { coverage, queryWords, type Ranking, relevance, stemsOf, weighWords } from '../relevance.ts';
import type {
  CollectionCount,
  ListPage,
  ListParams,
  MemoryStore,
  NewMemory,
  QueryParams,
  ScoredMemory,
} from '../types.ts';
import { fromPayload, type MemoryPayload, toPayload } from './payload.ts';
import { documentSparse, querySparse } from './sparse.ts';

type Filter = { must: Array<{ key: string; match: { value: string } }> };
const depth = (topK: number) => Math.max(50, topK * 2);
const twinFilter = (twinId: string): Filter | undefined =>
  twinId ? { must: [{ key: 'twin_id', match: { value: twinId } }] } : undefined;
/** Listing narrows by twin and by source file (both payload-indexed), each only when given. */
const listFilter = (p: ListParams): Filter | undefined => {
  const must = [
    ...(p.twinId ? [{ key: 'twin_id', match: { value: p.twinId } }] : []),
    ...(p.sourceFile ? [{ key: 'source_file', match: { value: p.sourceFile } }] : []),
  ];
  return must.length ? { must } : undefined;
};
const denseOf = (v: unknown): number[] | undefined =>
  v && typeof v === 'object' && 'dense' in v ? ((v as { dense: number[] }).dense ?? undefined) : undefined;

/**
 * Qdrant backend: one collection per namespace and domain (like the embedded store), each with a cosine dense vector
 * and an IDF-weighted sparse vector; both rankings are fused here, weighted as in the embedded store.
 */
export class QdrantStore implements MemoryStore {
  readonly backend = 'qdrant' as const;
  private readonly client: QdrantClient;
  private readonly dim: number;
  private readonly logger: Logger;
  private known: Set<string> | undefined;
  private downSince = 0;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly denseWeight: number;
  private readonly ranking: Ranking;

  constructor(
    client: QdrantClient,
    dim: number,
    logger: Logger,
    fusion: { denseWeight?: number; ranking?: Ranking } = {},
  ) {
    this.client = client;
    this.dim = dim;
    this.logger = logger;
    this.denseWeight = fusion.denseWeight ?? DENSE_WEIGHT.model;
    this.ranking = fusion.ranking ?? 'hybrid';
  }

  startHeartbeat(everyMs: number): void {
    this.heartbeat = setInterval(() => void this.beat(), everyMs);
    this.heartbeat.unref();
  }

  private async beat(): Promise<void> {
    try {
      await this.client.getCollections();
      if (this.downSince) {
        this.logger.info({ downMs: Date.now() - this.downSince }, 'Qdrant connection recovered');
        this.downSince = 0;
      }
    } catch (err) {
      if (!this.downSince) {
        this.downSince = Date.now();
        this.logger.error({ critical: true, err: (err as Error).message }, 'CRITICAL: lost connection to Qdrant');
      }
    }
  }

  problem(): string {
    return this.downSince ? `Qdrant unreachable since ${new Date(this.downSince).toISOString()}` : '';
  }

  private async collections(): Promise<Set<string>> {
    if (!this.known) {
      const res = await this.client.getCollections();
      this.known = new Set(res.collections.map((c) => c.name));
    }
    return this.known;
  }

  /** Creates a collection on first use, with payload indexes for the filters. */
  private async ensure(name: string): Promise<void> {
    const known = await this.collections();
    if (known.has(name)) return;
    if (!(await this.client.collectionExists(name)).exists) {
      try {
        await this.client.createCollection(name, {
          vectors: { dense: { size: this.dim, distance: 'Cosine' } },
          sparse_vectors: { bm25: { modifier: 'idf' } },
        });
      } catch (err) {
        if (!(await this.client.collectionExists(name)).exists) throw err;
      }
      for (const field of ['twin_id', 'domain', 'source_file']) {
        await this.client.createPayloadIndex(name, { field_name: field, field_schema: 'keyword', wait: true });
      }
    }
    known.add(name);
  }

  private async existing(names: string[]): Promise<string[]> {
    const known = await this.collections();
    return names.filter((n) => known.has(n));
  }

  async upsert(batch: NewMemory[]): Promise<void> {
    const now = Date.now();
    const byNamespace = new Map<string, string[]>();
    for (const m of batch) byNamespace.set(m.namespace, [...(byNamespace.get(m.namespace) ?? []), m.id]);
    // Creation times of memories being replaced, wherever (in which domain) they live now.
    const created = new Map<string, { at: number; collection: string }>();
    for (const [ns, ids] of byNamespace) {
      for (const name of await this.existing(collectionsFor(ns, []))) {
        const found = await this.client.retrieve(name, { ids, with_payload: ['created_at_ms'], with_vector: false });
        for (const p of found)
          created.set(String(p.id), { at: Number(p.payload?.created_at_ms ?? now), collection: name });
      }
    }
    const groups = new Map<string, NewMemory[]>();
    for (const m of batch) {
      const name = collectionName(m.namespace, m.domain);
      groups.set(name, [...(groups.get(name) ?? []), m]);
    }
    for (const [name, items] of groups) {
      await this.ensure(name);
      await this.client.upsert(name, {
        wait: true,
        points: items.map((m) => ({
          id: m.id,
          vector: { dense: Array.from(m.vector), bm25: documentSparse(m.content) },
          payload: toPayload({
            ...m,
            createdAtMs: m.createdAtMs ?? created.get(m.id)?.at ?? now,
            updatedAtMs: m.updatedAtMs ?? now,
          }) as unknown as Record<string, unknown>,
        })),
      });
    }
    // A memory whose domain changed leaves its old collection.
    for (const m of batch) {
      const old = created.get(m.id);
      if (old && old.collection !== collectionName(m.namespace, m.domain)) {
        await this.client.delete(old.collection, { wait: true, points: [m.id] });
      }
    }
  }

  async query(p: QueryParams): Promise<ScoredMemory[]> {
    const names = await this.existing(collectionsFor(p.namespace, p.domains));
    const n = depth(p.topK);
    const filter = twinFilter(p.twinId);
    const sparse = querySparse(p.text);
    const useDense = this.ranking !== 'lexical';
    const useLexical = this.ranking !== 'dense' && sparse.indices.length > 0;
    const searches = [
      ...(useDense ? [{ query: Array.from(p.vector), using: 'dense', limit: n, filter, with_payload: false }] : []),
      ...(useLexical ? [{ query: sparse, using: 'bm25', limit: n, filter, with_payload: false }] : []),
    ];
    if (!searches.length) return [];
    const answers = await Promise.all(names.map((name) => this.client.queryBatch(name, { searches })));
    // Each collection ranks its own points; the rankings are merged, then fused with the same weights as the embedded
    // store's (Qdrant's own RRF cannot weigh one ranker above the other).
    type Hit = { id: string; score: number; collection: string };
    const ranked = (i: number): Hit[] =>
      answers
        .flatMap((a, c) =>
          (a[i]?.points ?? []).map((h) => ({ id: String(h.id), score: h.score, collection: names[c]! })),
        )
        .sort((a, b) => b.score - a.score);
    const denseHits = useDense ? ranked(0) : [];
    const lexicalHits = useLexical ? ranked(useDense ? 1 : 0) : [];
    const fused = reciprocalRankFusion(
      denseHits.map((h) => h.id),
      lexicalHits.map((h) => h.id),
      this.denseWeight,
    ).slice(0, p.topK);
    const home = new Map([...denseHits, ...lexicalHits].map((h) => [h.id, h.collection]));
    const payloads = await this.payloads(fused.map((f) => ({ id: f.key, collection: home.get(f.key)! })));
    const words = weighWords(queryWords(p.text));
    const bestLexical = lexicalHits[0]?.score ?? 0;
    return fused.flatMap((f) => {
      const payload = payloads.get(f.key);
      if (!payload) return [];
      const record = fromPayload(f.key, payload);
      const cosine = f.denseRank >= 0 ? Math.max(0, denseHits[f.denseRank]!.score) : 0;
      const stems = stemsOf(record);
      const covered = coverage(words, (stem) => stems.has(stem));
      return [
        {
          record,
          score: relevance({ cosine, coverage: covered }, { dense: this.denseWeight, ranking: this.ranking }),
          denseScore: cosine,
          lexicalScore: f.lexicalRank >= 0 && bestLexical > 0 ? lexicalHits[f.lexicalRank]!.score / bestLexical : 0,
        },
      ];
    });
  }

  /** The payloads of these points, read from their collections. */
  private async payloads(points: Array<{ id: string; collection: string }>): Promise<Map<string, MemoryPayload>> {
    const byCollection = new Map<string, string[]>();
    for (const p of points) byCollection.set(p.collection, [...(byCollection.get(p.collection) ?? []), p.id]);
    const out = new Map<string, MemoryPayload>();
    await Promise.all(
      [...byCollection].map(async ([collection, ids]) => {
        for (const r of await this.client.retrieve(collection, { ids, with_payload: true, with_vector: false }))
          out.set(String(r.id), r.payload as unknown as MemoryPayload);
      }),
    );
    return out;
  }

  /** Cursor: `<collection index>|<point id offset>` over the namespace's collections in name order. */
  async list(p: ListParams): Promise<ListPage> {
    const names = (await this.existing(collectionsFor(p.namespace, p.domains))).sort();
    const filter = listFilter(p);
    let [index, offset] = p.cursor ? p.cursor.split('|') : ['0', ''];
    let i = Number(index);
    if (!Number.isInteger(i) || i < 0) throw new RangeError('bad cursor');
    const items: ListPage['items'] = [];
    let total = 0;
    for (const name of names) total += (await this.client.count(name, { filter, exact: true })).count;
    while (i < names.length && items.length < p.limit) {
      const page = await this.client.scroll(names[i]!, {
        filter,
        limit: p.limit - items.length,
        offset: offset || undefined,
        with_payload: true,
        with_vector: p.includeVectors ? ['dense'] : false,
      });
      for (const pt of page.points) {
        items.push(fromPayload(String(pt.id), pt.payload as unknown as MemoryPayload, denseOf(pt.vector)));
      }
      if (page.next_page_offset != null) offset = String(page.next_page_offset);
      else {
        i++;
        offset = '';
      }
    }
    return { items, nextCursor: i < names.length ? `${i}|${offset}` : '', total };
  }

  async deleteById(id: string): Promise<boolean> {
    for (const name of await this.collections()) {
      const found = await this.client.retrieve(name, { ids: [id], with_payload: false, with_vector: false });
      if (found.length) {
        await this.client.delete(name, { wait: true, points: [id] });
        return true;
      }
    }
    return false;
  }

  async deleteBySource(namespace: string, sourceFile: string): Promise<number> {
    let deleted = 0;
    const filter = { must: [{ key: 'source_file', match: { value: sourceFile } }] };
    for (const name of await this.existing(collectionsFor(namespace, []))) {
      deleted += (await this.client.count(name, { filter, exact: true })).count;
      await this.client.delete(name, { wait: true, filter });
    }
    return deleted;
  }

  async counts(): Promise<CollectionCount[]> {
    const names = [...(await this.collections())].sort();
    return Promise.all(
      names.map(async (name) => ({ name, count: (await this.client.count(name, { exact: true })).count })),
    );
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
  }
}
