// The retrieval evaluation: a folder of documents ingested the way a person's files are (the knowledge base over a
// real memory service), then each question asked as a memory query. A question scores when its answering document
// is among the hits; documents with identical content count as one.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startKnowledge } from '@pagi/knowledge';
import { createLogger, MemoryClient, orchestratorConfigSchema } from '@pagi/runtime';
import { TEST_SERVICE_TOKEN } from './service-token.ts';
import { startStack } from './stack.ts';

export interface Question {
  question: string;
  answer: string;
  domain: string;
}

export interface RetrievalScore {
  questions: number;
  documents: number;
  recall_at_1: number;
  recall_at_3: number;
  mrr: number;
  embedder: string;
  /** Median score of the best hit over the questions the set answers. */
  top_score_answered: number;
  /** Median and highest score of the best hit over questions nothing in the set answers (the score must say so). */
  top_score_unanswerable: number;
  top_score_unanswerable_max: number;
  /** Questions whose answer was not first: the question, the expected file and what came first. */
  misses: { question: string; answer: string; rank: number; top: string[] }[];
}

const TOP_K = 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fileOf = (source: string) => source.replace(/^ingest:/, '');

export async function evaluateRetrieval(opts: {
  docsDir: string;
  questions: Question[];
  /** Questions about things the documents do not hold. */
  unanswerable?: string[];
  /** Extra environment of the memory service (e.g. a model folder). */
  memoryEnv?: Record<string, string>;
}): Promise<RetrievalScore> {
  const stack = await startStack({ services: ['memory'], serviceEnv: { memory: opts.memoryEnv ?? {} } });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'retrieval-eval-'));
  const ingestDir = path.join(dataDir, 'ingest');
  cpSync(opts.docsDir, ingestDir, { recursive: true });
  const files = readdirSync(ingestDir);
  // Identical documents are one document to the reader: compare by content.
  const identity = new Map(
    files.map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(path.join(ingestDir, f)))
        .digest('hex'),
    ]),
  );
  const memory = new MemoryClient(stack.addresses.MEMORY_GRPC_ADDR!, TEST_SERVICE_TOKEN);
  const config = orchestratorConfigSchema.parse({
    DATA_DIR: dataDir,
    INGEST_DIR: ingestDir,
    KNOWLEDGE_BASES_DIR: path.join(dataDir, 'no-starter'),
    INGEST_WATCH: 'false',
    LLM_PROVIDER: 'mock',
  });
  const knowledge = await startKnowledge({ config, logger: createLogger('eval', 'silent'), llm: null, memory });
  try {
    await knowledge.drained();
    const health = await memory.health();
    let hit1 = 0;
    let hit3 = 0;
    let rr = 0;
    const misses: RetrievalScore['misses'] = [];
    const ask = (query: string) =>
      memory.query({ query, namespace: config.KNOWLEDGE_NAMESPACE, top_k: TOP_K, domains: [] });
    const topScores: number[] = [];
    for (const q of opts.questions) {
      const res = await ask(q.question);
      topScores.push(res.results[0]?.score ?? 0);
      const ranked: string[] = [];
      for (const r of res.results) {
        const file = fileOf(r.source?.file || r.metadata.source_file || '');
        const id = identity.get(file) ?? file;
        if (!ranked.includes(id)) ranked.push(id);
      }
      const rank = ranked.indexOf(identity.get(q.answer) ?? q.answer) + 1;
      if (rank === 1) hit1++;
      if (rank >= 1 && rank <= 3) hit3++;
      if (rank >= 1) rr += 1 / rank;
      if (rank !== 1) {
        const names = [...identity].filter(([, h]) => ranked.slice(0, 3).includes(h)).map(([f]) => f);
        misses.push({ question: q.question, answer: q.answer, rank, top: names });
      }
    }
    const unanswerable: number[] = [];
    for (const q of opts.unanswerable ?? []) unanswerable.push((await ask(q)).results[0]?.score ?? 0);
    const n = opts.questions.length;
    return {
      questions: n,
      documents: files.length,
      recall_at_1: r3(hit1 / n),
      recall_at_3: r3(hit3 / n),
      mrr: r3(rr / n),
      embedder: `${health.embedder} (${health.embedding_model})`,
      top_score_answered: r3(median(topScores)),
      top_score_unanswerable: r3(median(unanswerable)),
      top_score_unanswerable_max: r3(Math.max(0, ...unanswerable)),
      misses,
    };
  } finally {
    await knowledge.close();
    memory.close();
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
