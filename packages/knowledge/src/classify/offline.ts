import { DOMAINS, type Domain } from '@pagi/contracts';
import { PROFILES } from './profiles.ts';
import { shapeEvidence } from './shape.ts';
import { stem, termCounts, terms } from './terms.ts';

// Offline classifier: semantic similarity to each domain's description and examples (TF-IDF cosine, the best
// "meaning" measure that needs no model), keyword evidence, and format evidence, blended and turned into a
// probability with a softmax. Needs nothing but the text, so it works with the memory service's lexical embedder.

export interface Classification {
  domain: Domain;
  confidence: number;
  scores: Record<Domain, number>;
  method: 'llm' | 'offline';
}

type Vector = Map<string, number>;

const WEIGHTS = { semantic: 0.45, keywords: 0.4, shape: 0.35 };
const SHARPNESS = 9;

function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

function cosine(a: Vector, b: Vector, na: number, nb: number): number {
  if (na === 0 || nb === 0) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y !== undefined) dot += x * y;
  }
  return dot / (na * nb);
}

interface Example {
  domain: Domain;
  vector: Vector;
  norm: number;
}

interface Model {
  idf: Map<string, number>;
  examples: Example[];
  centroids: Record<Domain, { vector: Vector; norm: number }>;
  keywords: Record<Domain, { exact: Map<string, number>; prefix: [string, number][] }>;
}

let model: Model | null = null;

function tfidf(counts: Map<string, number>, idf: Map<string, number>, fallbackIdf: number): Vector {
  const v: Vector = new Map();
  for (const [t, c] of counts) v.set(t, (1 + Math.log(c)) * (idf.get(t) ?? fallbackIdf));
  return v;
}

function buildModel(): Model {
  const docs: { domain: Domain; counts: Map<string, number> }[] = [];
  for (const d of DOMAINS) {
    const p = PROFILES[d];
    docs.push({ domain: d, counts: termCounts(terms(p.description)) });
    for (const e of p.examples) docs.push({ domain: d, counts: termCounts(terms(e)) });
  }
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of doc.counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log(1 + docs.length / n));
  const examples = docs.map((doc) => {
    const vector = tfidf(doc.counts, idf, 0);
    return { domain: doc.domain, vector, norm: norm(vector) };
  });
  const centroids = {} as Model['centroids'];
  const keywords = {} as Model['keywords'];
  for (const d of DOMAINS) {
    const merged: Vector = new Map();
    for (const e of examples.filter((x) => x.domain === d)) {
      for (const [t, x] of e.vector) merged.set(t, (merged.get(t) ?? 0) + x);
    }
    centroids[d] = { vector: merged, norm: norm(merged) };
    const exact = new Map<string, number>();
    const prefix: [string, number][] = [];
    for (const [k, w] of Object.entries(PROFILES[d].keywords)) {
      exact.set(stem(k), w);
      if (k.length >= 5) prefix.push([k, w]);
    }
    keywords[d] = { exact, prefix };
  }
  return { idf, examples, centroids, keywords };
}

function semanticScores(m: Model, counts: Map<string, number>): Record<Domain, number> {
  const doc = tfidf(counts, m.idf, 0);
  const n = norm(doc);
  const out = {} as Record<Domain, number>;
  for (const d of DOMAINS) {
    const sims = m.examples
      .filter((e) => e.domain === d)
      .map((e) => cosine(doc, e.vector, n, e.norm))
      .sort((a, b) => b - a);
    const top = sims.slice(0, 3);
    const c = m.centroids[d];
    out[d] = 0.5 * (top.reduce((s, x) => s + x, 0) / top.length) + 0.5 * cosine(doc, c.vector, n, c.norm);
  }
  return out;
}

function keywordScores(m: Model, counts: Map<string, number>, total: number): Record<Domain, number> {
  const out = {} as Record<Domain, number>;
  for (const d of DOMAINS) {
    const { exact, prefix } = m.keywords[d];
    let s = 0;
    for (const [t, c] of counts) {
      let w = exact.get(t);
      if (w === undefined) for (const [p, pw] of prefix) if (t.startsWith(p)) w = Math.max(w ?? 0, pw);
      if (w) s += w * (1 + Math.log(c));
    }
    out[d] = s / Math.sqrt(Math.max(total, 20));
  }
  return out;
}

/** Scales a score record so it sums to 1 (uniform when every score is zero). */
function share(r: Record<Domain, number>): Record<Domain, number> {
  const sum = DOMAINS.reduce((s, d) => s + r[d], 0);
  const out = {} as Record<Domain, number>;
  for (const d of DOMAINS) out[d] = sum > 0 ? r[d] / sum : 1 / DOMAINS.length;
  return out;
}

export function classifyOffline(text: string, ext: string, title = ''): Classification {
  model ??= buildModel();
  // The title counts twice: file names like "security-audit.md" are strong, honest hints.
  const words = [...terms(title), ...terms(title), ...terms(text.slice(0, 200_000))];
  const counts = termCounts(words);
  const sem = share(semanticScores(model, counts));
  const kw = share(keywordScores(model, counts, words.length));
  const shape = shapeEvidence(text.slice(0, 200_000), ext);
  const raw = {} as Record<Domain, number>;
  for (const d of DOMAINS) raw[d] = WEIGHTS.semantic * sem[d] + WEIGHTS.keywords * kw[d] + WEIGHTS.shape * shape[d];
  const max = Math.max(...DOMAINS.map((d) => raw[d]));
  const exp = DOMAINS.map((d) => Math.exp(SHARPNESS * (raw[d] - max)));
  const z = exp.reduce((s, x) => s + x, 0);
  const scores = {} as Record<Domain, number>;
  DOMAINS.forEach((d, i) => {
    scores[d] = exp[i]! / z;
  });
  const domain = DOMAINS.reduce((best, d) => (scores[d] > scores[best] ? d : best), DOMAINS[0]);
  return { domain, confidence: scores[domain], scores, method: 'offline' };
}
