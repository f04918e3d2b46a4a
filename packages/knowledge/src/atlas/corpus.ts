import { createHash } from 'node:crypto';
import type { Memory__Output } from '@pagi/contracts/gen/memory/Memory.ts';
import type { KnowledgeMemory } from '../memory/knowledge-memory.ts';
import { knn, type Neighbour, normalize } from './knn.ts';

// The knowledge memories with their vectors, loaded from the memory service and cached until the knowledge base
// changes (or for a short time), because the atlas and path APIs both need all of them.

export const MAX_CORPUS = 20_000;
const TTL_MS = 300_000;
/** Neighbours kept per memory: enough for UMAP (15 with itself), atlas edges and paths. */
export const GRAPH_K = 14;

export interface Item {
  id: string;
  domain: string;
  title: string;
  snippet: string;
  /** Source file and chunk index: chunks with the same title are told apart by them. */
  source: string;
  chunk: number;
  vector: Float32Array;
  /** Stable sampling order: a hash of the id. */
  rank: string;
}

export interface Corpus {
  items: Item[];
  total: number;
  byId: Map<string, number>;
}

const graphs = new WeakMap<Corpus, Map<number, Promise<Neighbour[][]>>>();

/** The k-nearest-neighbour graph of the first `n` items (the stable sample), computed once per corpus and size. */
export function neighbourGraph(corpus: Corpus, n: number): Promise<Neighbour[][]> {
  let byN = graphs.get(corpus);
  if (!byN) {
    byN = new Map();
    graphs.set(corpus, byN);
  }
  let g = byN.get(n);
  if (!g) {
    g = knn(
      corpus.items.slice(0, n).map((it) => it.vector),
      GRAPH_K,
    );
    byN.set(n, g);
  }
  return g;
}

function toItem(m: Memory__Output): Item | null {
  if (!m.vector?.length) return null;
  const base = m.metadata.title || m.source?.file || m.id;
  // The chunk's own heading tells chunks of one file apart; a top-level heading that repeats the title adds nothing.
  const last = m.metadata.heading_path?.split(' > ').pop();
  const title = `${base}${last && last !== base ? ` — ${last}` : ''}`.slice(0, 160);
  return {
    id: m.id,
    domain: m.domain || 'none',
    title,
    snippet: m.content.replace(/\s+/g, ' ').trim().slice(0, 200),
    source: m.source?.file ?? '',
    chunk: m.source?.chunk_index ?? 0,
    vector: normalize(m.vector),
    rank: createHash('sha1').update(m.id).digest('hex'),
  };
}

export class CorpusCache {
  private cached: { corpus: Corpus; version: number; at: number } | null = null;
  private loading: Promise<Corpus> | null = null;
  private version = 0;
  private readonly memory: KnowledgeMemory;

  constructor(memory: KnowledgeMemory) {
    this.memory = memory;
  }

  /** Called whenever files are stored or removed. */
  invalidate(): void {
    this.version++;
  }

  async get(): Promise<Corpus> {
    const c = this.cached;
    if (c && c.version === this.version && Date.now() - c.at < TTL_MS) return c.corpus;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<Corpus> {
    const version = this.version;
    const { memories, total } = await this.memory.listAll({ vectors: true, max: MAX_CORPUS });
    const items = memories.map(toItem).filter((x): x is Item => x !== null);
    // Sampling takes a prefix of this order, so the same data always gives the same sample.
    items.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
    const corpus = { items, total, byId: new Map(items.map((it, i) => [it.id, i])) };
    this.cached = { corpus, version, at: Date.now() };
    return corpus;
  }
}
