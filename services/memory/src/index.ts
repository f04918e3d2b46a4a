// @pagi/memory's public API beyond its gRPC service: the embedders and the embedded store, which the memory
// benchmark measures directly (the service itself is used over gRPC, proto/memory.proto).
export { type Embedder, embedderSignature } from './embedding/embedder.ts';
export { LEXICAL_MODEL, LexicalEmbedder, lexicalVector } from './embedding/lexical-embedder.ts';
export { loadEmbedder } from './embedding/load-embedder.ts';
export { memoryId } from './service/ids.ts';
export { EmbeddedStore } from './store/embedded/embedded-store.ts';
export { graphFile, readGraph } from './store/embedded/index-files.ts';
export { MemoryTable } from './store/embedded/memory-table.ts';
export { blobToVector } from './store/embedded/rows.ts';
export { DEFAULT_HNSW, type IndexParams, VectorCollection } from './store/embedded/vector-collection.ts';
export { VectorRows } from './store/embedded/vector-rows.ts';
export { indexThreads } from './store/open-store.ts';
export type { MemoryStore, NewMemory, QueryParams } from './store/types.ts';
export { isStopWord } from './text/terms.ts';
