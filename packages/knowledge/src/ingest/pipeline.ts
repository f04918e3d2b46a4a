import type { CommitMemoryRequest } from '@pagi/contracts/gen/memory/CommitMemoryRequest.ts';
import { type Chunk, chunkDocument } from '../chunking/chunker.ts';
import type { TokenCounter } from '../chunking/tokenizer.ts';
import type { Classifier } from '../classify/classifier.ts';
import { assessConfidence } from '../classify/confidence.ts';
import { readDocument } from '../formats/read.ts';
import type { FileRow, Ledger } from '../ledger/ledger.ts';
import type { KnowledgeMemory } from '../memory/knowledge-memory.ts';

// One file through the stages: reading → classifying → chunking → storing → stored. Every step can be repeated
// after a crash: the old chunks of the file are deleted before the new ones are committed, and chunk keys are
// derived from (source, chunk index, content hash), so a repeated commit overwrites instead of duplicating.

const BATCH = 32;
export const MEMORY_TYPE = 'knowledge';
/** The `method` of a file whose domain a person chose. */
export const MANUAL_METHOD = 'manual';

export interface PipelineDeps {
  ledger: Ledger;
  memory: KnowledgeMemory;
  classifier: Classifier;
  counter: TokenCounter;
  maxBytes: number;
  /** INGEST_LOW_CONFIDENCE_MARGIN: a smaller lead over the runner-up domain flags the file for review. */
  lowConfidenceMargin: number;
  /** Called after every ledger change so listeners see stage and progress. */
  changed: (row: FileRow) => void;
}

export type Outcome = { kind: 'stored'; row: FileRow } | { kind: 'skipped'; row: FileRow };

export function chunkKey(source: string, index: number, hash: string): string {
  return `${source}#${index}@${hash.slice(0, 16)}`;
}

function toMemory(
  c: Chunk,
  ctx: { source: string; hash: string; title: string; ext: string; total: number; method: string; confidence: number },
): CommitMemoryRequest {
  return {
    content: c.text,
    namespace: '',
    twin_id: '',
    domain: c.domain,
    memory_type: MEMORY_TYPE,
    key: chunkKey(ctx.source, c.index, ctx.hash),
    source: { file: ctx.source, chunk_index: c.index, content_hash: ctx.hash },
    metadata: {
      source_file: ctx.source,
      title: ctx.title,
      heading_path: c.headings.join(' > ').slice(0, 1000),
      start_line: String(c.startLine),
      end_line: String(c.endLine),
      chunk_index: String(c.index),
      chunk_count: String(ctx.total),
      tokens: String(c.tokens),
      format: ctx.ext.replace('.', ''),
      classifier: ctx.method,
      confidence: ctx.confidence.toFixed(3),
    },
  };
}

export async function runPipeline(
  row: FileRow,
  realPath: string,
  deps: PipelineDeps,
  signal: AbortSignal,
): Promise<Outcome> {
  const { ledger, changed } = deps;
  const step = (stage: FileRow['stage'], fields: Partial<FileRow> = {}, detail?: string) => {
    signal.throwIfAborted();
    const r = ledger.setStage(row.id, stage, fields, detail)!;
    changed(r);
    return r;
  };

  step('reading');
  const doc = await readDocument(realPath, deps.maxBytes);
  signal.throwIfAborted();
  if (row.content_hash === doc.hash && row.domain) {
    const fields = { pending_hash: doc.hash, title: doc.title, chunks_done: row.chunks_total };
    return { kind: 'skipped', row: step('skipped', fields, 'unchanged since last ingestion') };
  }
  step('classifying', { pending_hash: doc.hash, title: doc.title });
  // A domain a person chose stands: the classifier is not asked, and nothing about it is doubtful.
  const manual = row.domain_override;
  const cls = manual
    ? { domain: manual, confidence: 1, method: MANUAL_METHOD }
    : await deps.classifier.classify(doc, signal);
  const sure =
    'scores' in cls
      ? assessConfidence(cls, deps.lowConfidenceMargin)
      : { low_confidence: false, runner_up: null, runner_up_confidence: null };
  // A doubtful file is still stored in its most likely domain; the flag asks a person to check it.
  step('chunking', {
    domain: cls.domain,
    confidence: cls.confidence,
    method: cls.method,
    low_confidence: sure.low_confidence ? 1 : 0,
    runner_up: sure.runner_up,
    runner_up_confidence: sure.runner_up_confidence,
  });
  const chunks = chunkDocument(doc.text, { ext: doc.ext, domain: cls.domain, counter: deps.counter });
  step('storing', { chunks_done: 0, chunks_total: chunks.length, content_hash: null }, `${chunks.length} chunks`);

  // Replace, never add: the file's previous chunks (any version) go first. A file on its first attempt that was
  // never stored has none, which saves a round trip per new file.
  const firstTime = row.attempts <= 1 && !row.content_hash && row.chunks_total === 0;
  if (!firstTime) await deps.memory.deleteSource(row.source);
  const ctx = {
    source: row.source,
    hash: doc.hash,
    title: doc.title,
    ext: doc.ext,
    total: chunks.length,
    method: cls.method,
    confidence: cls.confidence,
  };
  for (let i = 0; i < chunks.length; i += BATCH) {
    signal.throwIfAborted();
    const batch = chunks.slice(i, i + BATCH).map((c) => ({ ...toMemory(c, ctx), namespace: deps.memory.namespace }));
    await deps.memory.commit(batch);
    changed(ledger.setProgress(row.id, Math.min(i + BATCH, chunks.length), chunks.length)!);
  }
  signal.throwIfAborted();
  const stored = ledger.setStage(
    row.id,
    'stored',
    {
      content_hash: doc.hash,
      chunks_done: chunks.length,
      chunks_total: chunks.length,
      stored_at: new Date().toISOString(),
      error: null,
    },
    `${chunks.length} chunks, ${cls.domain} (${Math.round(cls.confidence * 100)}%, ${cls.method})` +
      (sure.low_confidence ? ', low confidence' : ''),
  )!;
  changed(stored);
  return { kind: 'stored', row: stored };
}
