import type { FileRow } from '../ledger/ledger.ts';
import { MANUAL_METHOD } from './pipeline.ts';

const pct = (x: number | null) => `${Math.round((x ?? 0) * 100)}%`;

/**
 * The announcement of a stored file, e.g. "Security Audit classified as SOUL (98% confidence)", or one that asks
 * for a look: "Run notes classified as BODY with low confidence (54%; next: MIND 38%) — check the domain", or one a
 * person re-filed: "Run notes re-filed as HEART".
 */
export function completionMessage(row: FileRow): string {
  const name = row.title ?? row.name;
  const domain = (row.domain ?? 'unknown').toUpperCase();
  if (row.method === MANUAL_METHOD) return `${name} re-filed as ${domain}`;
  const head = `${name} classified as ${domain}`;
  if (!row.low_confidence) return `${head} (${pct(row.confidence)} confidence)`;
  const next = row.runner_up ? `; next: ${row.runner_up.toUpperCase()} ${pct(row.runner_up_confidence)}` : '';
  return `${head} with low confidence (${pct(row.confidence)}${next}) — check the domain`;
}
