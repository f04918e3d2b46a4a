import type { AtlasNode } from '@pagi/contracts';
import { domainLabel } from '../../lib/domains.ts';
import { plainText } from './plainText.ts';

export interface LabelledNode {
  id: string;
  label: string;
}

/** `ingest:notes/plan.md` → `notes/plan.md` (the folder a person recognises). */
const sourcePath = (source: string) => source.replace(/^[a-z_]+:/, '');

/** Groups `items` by `key` and returns the keys shared by more than one. */
function repeated<T>(items: T[], key: (item: T) => string): Set<string> {
  const seen = new Map<string, number>();
  for (const it of items) seen.set(key(it), (seen.get(key(it)) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k));
}

/**
 * One label per node for the path pickers, sorted, none twice: "Title (Domain)", then the source file for titles
 * that repeat across files, then the chunk number for chunks of one file that share a heading.
 */
export function labelNodes(nodes: AtlasNode[]): LabelledNode[] {
  let labels = nodes.map((n) => ({
    node: n,
    label: `${plainText(n.title).slice(0, 70)} (${domainLabel(n.domain)})`,
  }));
  const sameTitle = repeated(labels, (l) => l.label);
  labels = labels.map((l) =>
    sameTitle.has(l.label) && l.node.source ? { ...l, label: `${l.label} — ${sourcePath(l.node.source)}` } : l,
  );
  const stillSame = repeated(labels, (l) => l.label);
  labels = labels.map((l) =>
    stillSame.has(l.label)
      ? { ...l, label: `${l.label} · ${l.node.chunk != null ? `part ${l.node.chunk + 1}` : l.node.id.slice(0, 8)}` }
      : l,
  );
  return labels
    .map((l) => ({ id: l.node.id, label: l.label }))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true, sensitivity: 'base' }));
}
