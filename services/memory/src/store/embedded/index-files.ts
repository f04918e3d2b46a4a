import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import hnswlib from 'hnswlib-node';
import { LEXICAL_FORMAT, LexicalIndex } from './lexical-index.ts';
import type { IndexParams } from './vector-collection.ts';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** Written beside each graph; a graph whose checksum, size, embedder or parameters differ is not trusted. */
interface IndexMeta {
  format: 1;
  embedder: string;
  dim: number;
  m: number;
  efConstruction: number;
  bytes: number;
  crc32: number;
}

/** An index file and its checksum file. */
interface Files {
  data: string;
  meta: string;
}

const files = (dir: string, name: string, ext = 'hnsw'): Files => ({
  data: path.join(dir, `${name}.${ext}`),
  meta: path.join(dir, `${name}.json`),
});

/** Puts a written temporary file in place with its checksum (data first, checksum last, each by rename). */
function install(f: Files, tmp: string, meta: Record<string, unknown>): void {
  const data = readFileSync(tmp);
  writeFileSync(`${f.meta}.tmp`, JSON.stringify({ ...meta, bytes: data.byteLength, crc32: crc32(data) }));
  renameSync(tmp, f.data);
  renameSync(`${f.meta}.tmp`, f.meta);
}

/** Reads a file written by `install`, or says why it cannot be trusted. */
function readChecked<M extends { bytes: number; crc32: number }>(
  f: Files,
  accept: (meta: M) => string | undefined,
): { data: Buffer; reason?: undefined } | { data?: undefined; reason: string } {
  if (!existsSync(f.data) || !existsSync(f.meta)) return { reason: 'index file missing' };
  let meta: M;
  try {
    meta = JSON.parse(readFileSync(f.meta, 'utf8')) as M;
  } catch {
    return { reason: 'index metadata unreadable' };
  }
  const refused = accept(meta);
  if (refused) return { reason: refused };
  if (statSync(f.data).size !== meta.bytes) return { reason: 'index file truncated or rewritten' };
  const data = readFileSync(f.data);
  // The checksum guards the parsers (hnswlib's does not validate) from a damaged file.
  if (crc32(data) !== meta.crc32) return { reason: 'index file corrupt (checksum mismatch)' };
  return { data };
}

/** Writes the graph atomically. */
export function writeGraph(dir: string, name: string, graph: Hnsw, embedder: string, params: IndexParams): void {
  const f = files(dir, name);
  const tmp = `${f.data}.tmp`;
  graph.writeIndexSync(tmp);
  install(f, tmp, { format: 1, embedder, dim: params.dim, m: params.m, efConstruction: params.efConstruction });
}

export function removeGraph(dir: string, name: string): void {
  const f = files(dir, name);
  rmSync(f.data, { force: true });
  rmSync(f.meta, { force: true });
}

/** A shard's graph file name (without extension) for a collection. */
export const graphFile = (collection: string, shard: number, shards: number) =>
  shards === 1 ? collection : `${collection}.shard${shard}of${shards}`;

/** Removes every graph not named in `keep` (a collection now empty, or a layout of another shard count). */
export function removeOtherGraphs(dir: string, keep: Set<string>): void {
  for (const f of readdirSync(dir)) {
    const name = f.endsWith('.hnsw') ? f.slice(0, -'.hnsw'.length) : undefined;
    if (name !== undefined && !keep.has(name)) removeGraph(dir, name);
  }
}

export type ReadResult = { graph: Hnsw; reason?: undefined } | { graph?: undefined; reason: string };

/** Reads a persisted graph, or says why it cannot be used (missing, corrupt, built by another embedder). */
export function readGraph(dir: string, name: string, embedder: string, params: IndexParams): ReadResult {
  const f = files(dir, name);
  const read = readChecked<IndexMeta>(f, (meta) => {
    if (meta.format !== 1 || meta.embedder !== embedder || meta.dim !== params.dim)
      return `index built for ${meta.embedder} (${meta.dim} dims)`;
    if (meta.m !== params.m || meta.efConstruction !== params.efConstruction) return 'index parameters changed';
    return undefined;
  });
  if (!read.data) return { reason: read.reason };
  try {
    const graph = new HierarchicalNSW('cosine', params.dim);
    graph.readIndexSync(f.data, true);
    return { graph };
  } catch (err) {
    return { reason: `index file unreadable: ${(err as Error).message}` };
  }
}

// The lexical index (all collections in one) lives beside the graphs, under the same name scheme.
const LEXICAL = '_lexical';

export function writeLexical(dir: string, index: LexicalIndex): void {
  const f = files(dir, LEXICAL, 'bm25');
  const tmp = `${f.data}.tmp`;
  writeFileSync(tmp, index.serialize());
  install(f, tmp, { format: LEXICAL_FORMAT });
}

export function readLexical(
  dir: string,
): { index: LexicalIndex; reason?: undefined } | { index?: undefined; reason: string } {
  const read = readChecked<{ format: number; bytes: number; crc32: number }>(files(dir, LEXICAL, 'bm25'), (meta) =>
    meta.format === LEXICAL_FORMAT ? undefined : `index format ${meta.format}`,
  );
  if (!read.data) return { reason: read.reason };
  try {
    return { index: LexicalIndex.deserialize(read.data) };
  } catch (err) {
    return { reason: `index file unreadable: ${(err as Error).message}` };
  }
}
