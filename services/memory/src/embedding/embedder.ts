/** Turns texts into unit-length vectors. */
export interface Embedder {
  readonly kind: 'transformers' | 'lexical-fallback';
  /** Model name reported in HealthCheck. */
  readonly model: string;
  readonly dim: number;
  /** Why this embedder is in use when it is not the configured model; empty otherwise. */
  readonly detail: string;
  embed(texts: string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}

/** Identity stored with every vector: vectors from different embedders are not comparable. */
export function embedderSignature(e: Pick<Embedder, 'kind' | 'model' | 'dim'>): string {
  return `${e.kind}:${e.model}:${e.dim}`;
}

export function normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const n = Math.sqrt(s);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}
