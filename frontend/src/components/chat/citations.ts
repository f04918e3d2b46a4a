import type { ActionResult, MemoryHit } from '@pagi/contracts';
import { createContext } from 'react';
import type { AssistantTurn } from '../../context/chat/chatModel.ts';

/**
 * A piece of answer text: plain, or a citation of hit `n` (1-based, the numbering the answer was written with).
 * `text` is what is shown: `[2]` for a lone marker, just `2` inside a group such as `[1, 2]`.
 */
export type CiteSegment = { kind: 'text'; text: string } | { kind: 'cite'; n: number; text: string };

const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/**
 * Splits text at citation markers (`[1]`, `[1, 2]`, `[1][2]`) that name one of `count` hits. Numbers naming no hit
 * stay plain text, so a marker that refers to nothing is never made to look like a link.
 */
export function splitCitations(text: string, count: number): CiteSegment[] {
  const out: CiteSegment[] = [];
  const plain = (t: string) => {
    if (!t) return;
    const last = out.at(-1);
    if (last?.kind === 'text') last.text += t;
    else out.push({ kind: 'text', text: t });
  };
  const valid = (n: number) => n >= 1 && n <= count;
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    plain(text.slice(at, m.index));
    at = m.index + m[0].length;
    const parts = m[1]!.split(',');
    const nums = parts.map((p) => Number(p.trim()));
    if (!nums.some(valid)) {
      plain(m[0]);
    } else if (nums.length === 1) {
      out.push({ kind: 'cite', n: nums[0]!, text: m[0] });
    } else {
      plain('[');
      nums.forEach((n, i) => {
        if (i > 0) plain(',');
        const raw = parts[i]!;
        const lead = raw.match(/^\s*/)![0];
        plain(lead);
        if (valid(n)) out.push({ kind: 'cite', n, text: raw.trim() });
        else plain(raw.trim());
        plain(raw.slice(lead.length + raw.trim().length));
      });
      plain(']');
    }
  }
  plain(text.slice(at));
  return out;
}

/** The memory search a turn's citations refer to: its last executed one. */
export function citedResult(
  turn: AssistantTurn,
): { actionId: string; result: Extract<ActionResult, { kind: 'query_memory' }> } | null {
  for (const entry of [...turn.actions].reverse()) {
    if (entry.result?.kind === 'query_memory') return { actionId: entry.action.action_id, result: entry.result };
  }
  return null;
}

/** The element id of hit `n` of an action's result, the target a citation scrolls to. */
export const hitAnchorId = (actionId: string, n: number) => `hit-${actionId}-${n}`;

/** How a hit is named to people (and in the citation's accessible name). */
export const hitTitle = (hit: MemoryHit) => hit.title || hit.source_file || hit.id;

/** Which hit a citation last pointed at, for the result card to highlight (null: none). */
export const HighlightedHit = createContext<{ actionId: string; n: number } | null>(null);
