import { parse as parseYaml } from 'yaml';

// Splits a document into the units chunking must not cut: headings, fenced code blocks, paragraphs, log lines,
// table rows, YAML top-level entries and JSON members. Each block remembers its lines and heading path.

export type BlockKind = 'heading' | 'code' | 'para' | 'line' | 'entry';

export interface Block {
  kind: BlockKind;
  text: string;
  headings: string[];
  startLine: number;
  endLine: number;
}

export type Layout = 'markdown' | 'lines' | 'table' | 'yaml' | 'json' | 'prose';

/** Which splitting a file gets, from its extension and its shape. */
export function layoutFor(ext: string, text: string): Layout {
  switch (ext) {
    case '.md':
    case '.markdown':
      return 'markdown';
    case '.log':
    case '.jsonl':
      return 'lines';
    case '.csv':
      return 'table';
    case '.yaml':
    case '.yml':
      return 'yaml';
    case '.json':
      return 'json';
    default:
      // A .txt that is really a log or has markdown headings is split like one.
      if (/^#{1,6} \S/m.test(text) || /^```/m.test(text)) return 'markdown';
      return 'prose';
  }
}

function markdownBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const path: { level: number; title: string }[] = [];
  const headings = () => path.map((p) => p.title);
  let para: string[] = [];
  let paraStart = 0;
  const flushPara = (end: number) => {
    if (para.some((l) => l.trim() !== '')) {
      blocks.push({
        kind: 'para',
        text: para.join('\n').trim(),
        headings: headings(),
        startLine: paraStart,
        endLine: end,
      });
    }
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      flushPara(i);
      const start = i;
      const body = [line];
      for (i++; i < lines.length; i++) {
        body.push(lines[i]!);
        if (lines[i]!.trim().startsWith(fence[1]!)) break;
      }
      blocks.push({ kind: 'code', text: body.join('\n'), headings: headings(), startLine: start + 1, endLine: i + 1 });
      continue;
    }
    const h = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) {
      flushPara(i);
      const level = h[1]!.length;
      while (path.length && path[path.length - 1]!.level >= level) path.pop();
      path.push({ level, title: h[2]! });
      blocks.push({ kind: 'heading', text: line.trim(), headings: headings(), startLine: i + 1, endLine: i + 1 });
      continue;
    }
    if (line.trim() === '') {
      flushPara(i);
      continue;
    }
    if (para.length === 0) paraStart = i + 1;
    para.push(line);
  }
  flushPara(lines.length);
  return blocks;
}

function lineBlocks(text: string, kind: BlockKind = 'line'): Block[] {
  const out: Block[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() !== '') out.push({ kind, text: line, headings: [], startLine: i + 1, endLine: i + 1 });
  });
  return out;
}

function proseBlocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.split('\n');
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const blank = i === lines.length || lines[i]!.trim() === '';
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      out.push({
        kind: 'para',
        text: lines.slice(start, i).join('\n').trim(),
        headings: [],
        startLine: start + 1,
        endLine: i,
      });
      start = -1;
    }
  }
  return out;
}

/** YAML: one block per top-level entry (leading comments stay with the entry they describe). */
function yamlBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const out: Block[] = [];
  let cur: string[] = [];
  let start = 1;
  let key = '';
  const flush = (end: number) => {
    if (cur.some((l) => l.trim() !== '' && !l.trim().startsWith('#')) || (cur.length && !out.length)) {
      out.push({
        kind: 'entry',
        text: cur.join('\n').trimEnd(),
        headings: key ? [key] : [],
        startLine: start,
        endLine: end,
      });
    } else if (cur.length && out.length) {
      out[out.length - 1]!.text += `\n${cur.join('\n')}`.trimEnd();
    }
    cur = [];
  };
  let pendingComments: string[] = [];
  lines.forEach((line, i) => {
    const topLevel = /^[^\s#-][^:]*:/.test(line) || /^- /.test(line) || line === '---';
    if (topLevel) {
      flush(i - pendingComments.length);
      cur = [...pendingComments];
      start = i + 1 - pendingComments.length;
      pendingComments = [];
      key = /^([^\s:#][^:]*):/.exec(line)?.[1] ?? '';
      cur.push(line);
    } else if (line.startsWith('#')) pendingComments.push(line);
    else {
      cur.push(...pendingComments, line);
      pendingComments = [];
    }
  });
  cur.push(...pendingComments);
  flush(lines.length);
  return out.filter((b) => b.text.trim() !== '');
}

/** JSON: one block per array element or top-level member, pretty-printed so chunks stay readable. */
function jsonBlocks(text: string): Block[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return proseBlocks(text);
  }
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [`[${i}]`, v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [['', value]];
  return entries.map(([k, v], i) => ({
    kind: 'entry' as const,
    text: Array.isArray(value) ? JSON.stringify(v, null, 2) : `${JSON.stringify(k)}: ${JSON.stringify(v, null, 2)}`,
    headings: k && !Array.isArray(value) ? [k] : [],
    startLine: i + 1,
    endLine: i + 1,
  }));
}

export function toBlocks(layout: Layout, text: string): Block[] {
  switch (layout) {
    case 'markdown':
      return markdownBlocks(text);
    case 'lines':
    case 'table':
      return lineBlocks(text);
    case 'yaml':
      // Only well-formed YAML gets entry splitting; anything else is treated as lines.
      try {
        parseYaml(text);
        return yamlBlocks(text);
      } catch {
        return lineBlocks(text);
      }
    case 'json':
      return jsonBlocks(text);
    default:
      return proseBlocks(text);
  }
}
