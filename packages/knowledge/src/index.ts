// @pagi/knowledge: the Auto-Domain Ingestor and the knowledge APIs. The orchestrator mounts it with
// startKnowledge(); the offline pieces below are also used by the ingestion benchmark.
export { CHUNK_MAX_TOKENS, CHUNK_MIN_TOKENS, type Chunk, chunkDocument } from './chunking/chunker.ts';
export { createTokenCounter, type TokenCounter } from './chunking/tokenizer.ts';
export { EVAL_DIR, type EvalResult, evaluateOffline, formatConfusion } from './classify/evaluate.ts';
export { type Classification, classifyOffline } from './classify/offline.ts';
export { titleOf } from './formats/read.ts';
export { type Knowledge, type KnowledgeConfig, type KnowledgeDeps, startKnowledge } from './knowledge.ts';
