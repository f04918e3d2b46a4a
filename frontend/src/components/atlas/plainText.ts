// Chunk text is stored as written, often Markdown; hover text and the node details show it as plain prose.

const RULES: [RegExp, string][] = [
  [/```[a-z0-9_+-]*\s?/gi, ''], // code fences (the code stays)
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'], // images: their alt text
  [/\[([^\]]+)\]\((?:[^)\s]+)(?:\s+"[^"]*")?\)/g, '$1'], // links: their text
  [/\[([^\]]+)\]\[[^\]]*\]/g, '$1'], // reference links
  [/<\/?[a-z][^>]*>/gi, ' '], // HTML tags
  [/`([^`]*)`/g, '$1'], // inline code
  [/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2'], // bold
  [/(^|[\s(])([*_])(?=\S)([^*_]*?\S)\2(?=[\s).,;:!?]|$)/g, '$1$3'], // italics, not snake_case
  [/~~(?=\S)([^~]*?\S)~~/g, '$1'], // strike-through
  [/(^|\s)#{1,6}(?=\s)/g, '$1'], // heading marks (lines are joined, so also mid-text)
  [/(^|\s)>+(?=\s)/g, '$1'], // quotes
  [/(^|\s)(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/g, '$1'], // list markers and task boxes
  [/(^|\s)(?:-{3,}|\*{3,}|_{3,})(?=\s|$)/g, '$1'], // rules
  [/\s*\|\s*(?:[-:]+\s*\|\s*)*/g, ' '], // table pipes and separator rows
  [/\s+/g, ' '],
];

/** `## Plan **now**: see [docs](http://x)` → `Plan now: see docs`. */
export function plainText(markdown: string): string {
  let text = markdown;
  for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
  return text.trim();
}
