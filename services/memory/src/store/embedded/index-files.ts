import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import hnswlib from 'hnswlib-node';
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

const files = (dir: string, name: string) => ({
  graph: path.join(dir, `${name}.hnsw`),
  meta: path.join(dir, `${name}.json`),
});

/** Writes the graph atomically (temporary files, then rename: graph first, checksum last). */
export function writeGraph(dir: string, name: string, graph: Hnsw, embedder: string, params: IndexParams): void {
  const f = files(dir, name);
  const tmp = `${f.graph}.tmp`;
  graph.writeIndexSync(tmp);
  const data = readFileSync(tmp);
  const meta: IndexMeta = {
    format: 1,
    embedder,
    dim: params.dim,
    m: params.m,
    efConstruction: params.efConstruction,
    bytes: data.byteLength,
    crc32: crc32(data),
  };
  writeFileSync(`${f.meta}.tmp`, JSON.stringify(meta));
  renameSync(tmp, f.graph);
  renameSync(`${f.meta}.tmp`, f.meta);
}

export function removeGraph(dir: string, name: string): void {
  const f = files(dir, name);
  rmSync(f.graph, { force: true });
  rmSync(f.meta, { force: true });
}

export type ReadResult = { graph: Hnsw; reason?: undefined } | { graph?: undefined; reason: string };

/** Reads a persisted graph, or says why it cannot be used (missing, corrupt, built by another embedder). */
export function readGraph(dir: string, name: string, embedder: string, params: IndexParams): ReadResult {
  const f = files(dir, name);
  if (!existsSync(f.graph) || !existsSync(f.meta)) return { reason: 'index file missing' };
  let meta: IndexMeta;
  try {
    meta = JSON.parse(readFileSync(f.meta, 'utf8')) as IndexMeta;
  } catch {
    return { reason: 'index metadata unreadable' };
  }
  if (meta.format !== 1 || meta.embedder !== embedder || meta.dim !== params.dim) {
    return { reason: `index built for ${meta.embedder} (${meta.dim} dims)` };
  }
  if (meta.m !== params.m || meta.efConstruction !== params.efConstruction)
    return { reason: 'index parameters changed' };
  if (statSync(f.graph).size !== meta.bytes) return { reason: 'index file truncated or rewritten' };
  // The checksum guards hnswlib from parsing a damaged file, which it does not validate itself.
  if (crc32(readFileSync(f.graph)) !== meta.crc32) return { reason: 'index file corrupt (checksum mismatch)' };
  try {
    const graph = new HierarchicalNSW('cosine', params.dim);
    graph.readIndexSync(f.graph, true);
    return { graph };
  } catch (err) {
    return { reason: `index file unreadable: ${(err as Error).message}` };
  }
}
