import type { Domain } from '@pagi/contracts';
import { type Block, type Layout, layoutFor, toBlocks } from './blocks.ts';
import type { TokenCounter } from './tokenizer.ts';

// Packs blocks into chunks of MIN..MAX tokens. Headings start a new chunk once the current one is big enough, code
// blocks are never cut unless a single block alone exceeds MAX (then it is split at line boundaries), and a small
// overlap of trailing lines or paragraphs carries context into the next chunk. Logs and tables go by whole lines;
// CSV chunks repeat the header row so every chunk is self-describing.

export const CHUNK_MIN_TOKENS = 256;
export const CHUNK_MAX_TOKENS = 1024;

export interface Chunk {
  index: number;
  text: string;
  tokens: number;
  headings: string[];
  startLine: number;
  endLine: number;
  domain: Domain;
}

interface Params {
  target: number;
  overlap: number;
}

/** Telemetry is repetitive, so its chunks are larger; prose and specs keep tighter, more focused chunks. */
const PARAMS: Record<Domain, Params> = {
  mind: { target: 512, overlap: 48 },
  body: { target: 768, overlap: 32 },
  heart: { target: 512, overlap: 64 },
  soul: { target: 512, overlap: 64 },
};

interface Sized extends Block {
  tokens: number;
  overlap?: boolean;
}

const joiner = (b: Block) => (b.kind === 'line' ? '\n' : '\n\n');

function join(blocks: Block[]): string {
  return blocks.map((b, i) => (i === 0 ? b.text : joiner(b) + b.text)).join('');
}

/** Splits one block larger than MAX at line (or, for a single huge line, word) boundaries. */
function splitOversized(b: Sized, counter: TokenCounter, max: number): Sized[] {
  const units = b.text.includes('\n') ? b.text.split('\n') : b.text.split(/(?<=\s)/);
  const sep = b.text.includes('\n') ? '\n' : '';
  const out: Sized[] = [];
  let cur: string[] = [];
  let curTokens = 0;
  let line = b.startLine;
  let start = line;
  const flush = () => {
    if (!cur.length) return;
    const text = cur.join(sep);
    out.push({ ...b, text, tokens: counter.count(text), startLine: start, endLine: Math.max(start, line - 1) });
    cur = [];
    curTokens = 0;
    start = line;
  };
  for (const u of units) {
    let t = counter.count(u) + 1;
    let piece = u;
    // A single unit still too large (one enormous word): hard split by characters.
    while (t > max) {
      const cut = Math.floor((piece.length * max) / t / 1.2);
      flush();
      cur.push(piece.slice(0, cut));
      flush();
      piece = piece.slice(cut);
      t = counter.count(piece) + 1;
    }
    if (curTokens + t > max) flush();
    cur.push(piece);
    curTokens += t;
    if (sep) line++;
  }
  line++;
  flush();
  return out;
}

export function chunkDocument(
  text: string,
  opts: { ext: string; domain: Domain; counter: TokenCounter; layout?: Layout },
): Chunk[] {
  const { counter, domain } = opts;
  const layout = opts.layout ?? layoutFor(opts.ext, text);
  const { target, overlap } = PARAMS[domain];
  const max = CHUNK_MAX_TOKENS;
  let blocks = toBlocks(layout, text);
  let header: Sized | null = null;
  if (layout === 'table' && blocks.length > 1) {
    header = { ...blocks[0]!, tokens: counter.count(blocks[0]!.text) + 1 };
    blocks = blocks.slice(1);
  }
  const sized: Sized[] = blocks.flatMap((b) => {
    const s: Sized = { ...b, tokens: counter.count(b.text) + 1 };
    return s.tokens > max - (header?.tokens ?? 0) ? splitOversized(s, counter, max - (header?.tokens ?? 0)) : [s];
  });

  const groups: Sized[][] = [];
  let cur: Sized[] = [];
  let curTokens = 0;
  const fresh = () => cur.some((b) => !b.overlap);
  const flush = () => {
    if (!fresh()) return;
    groups.push(cur);
    // Carry trailing lines/paragraphs (never code or headings) as overlap, within the overlap budget.
    const carry: Sized[] = [];
    let carried = 0;
    for (let i = cur.length - 1; i >= 0; i--) {
      const b = cur[i]!;
      if (b.kind === 'code' || b.kind === 'heading' || carried + b.tokens > overlap) break;
      carry.unshift({ ...b, overlap: true });
      carried += b.tokens;
    }
    if (carry.length === cur.length) carry.shift(); // the next chunk must not be only a copy
    cur = carry;
    curTokens = carried;
  };
  const budget = max - (header?.tokens ?? 0);
  for (const b of sized) {
    if (b.kind === 'heading' && curTokens >= CHUNK_MIN_TOKENS) flush();
    if (curTokens + b.tokens > budget || curTokens >= target) flush();
    if (curTokens + b.tokens > budget) {
      cur = [];
      curTokens = 0;
    }
    cur.push(b);
    curTokens += b.tokens;
  }
  flush();

  // A short tail joins the previous chunk when both fit under MAX.
  if (groups.length > 1) {
    const last = groups[groups.length - 1]!;
    const tail = last.filter((b) => !b.overlap);
    const lastTokens = tail.reduce((s, b) => s + b.tokens, 0);
    const prev = groups[groups.length - 2]!;
    const prevTokens = prev.reduce((s, b) => s + b.tokens, 0);
    if (lastTokens < CHUNK_MIN_TOKENS && prevTokens + lastTokens <= budget) {
      groups.splice(groups.length - 2, 2, [...prev, ...tail]);
    }
  }

  return groups.map((g, index) => {
    const body = join(g);
    const chunkText = header ? `${header.text}\n${body}` : body;
    const first = g.find((b) => !b.overlap) ?? g[0]!;
    return {
      index,
      text: chunkText,
      // Block counts already include one token per separator, so their sum is the chunk's count.
      tokens: g.reduce((s, b) => s + b.tokens, header?.tokens ?? 0),
      headings: first.headings,
      startLine: g[0]!.startLine,
      endLine: g[g.length - 1]!.endLine,
      domain,
    };
  });
}
