import { indexTerm, isStopWord } from '../../text/terms.ts';
import { words } from '../../text/tokens.ts';

// The lexical index's building blocks: how a text becomes packed term frequencies, and strings as small integers.

/** Term frequencies are packed as heading << 16 | text; counts past this are capped (they no longer move BM25). */
const TF_MAX = 0x7fff;

/** Adds a text column's packed term frequencies to `into` (heading in the high half); returns its token count. */
export function countTerms(text: string, shift: number, into: Map<string, number>): number {
  const tokens = words(text);
  for (const w of tokens) {
    // Stop words count toward the length but are never looked up (queries drop them too), so they get no postings.
    if (isStopWord(w)) continue;
    const term = indexTerm(w);
    const packed = into.get(term) ?? 0;
    if (((packed >>> shift) & 0xffff) < TF_MAX) into.set(term, packed + (1 << shift));
  }
  return tokens.length;
}

export /** Strings as small integers. */
class Interned {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(s, id);
      this.list.push(s);
    }
    return id;
  }
  find(s: string): number | undefined {
    return this.ids.get(s);
  }
}
