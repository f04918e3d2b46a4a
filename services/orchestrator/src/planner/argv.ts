/**
 * Splits a command line into argv the way a person writes it — whitespace separates words, single and double
 * quotes group them, a backslash escapes the next character — with no shell semantics at all: `;`, `|`, `$()`,
 * globs and redirections stay literal characters of an argument. Returns null for an unterminated quote.
 */
export function splitArgv(line: string): string[] | null {
  const out: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && (line[i + 1] === '"' || line[i + 1] === '\\')) current += line[++i];
      else current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) return null;
  if (inWord) out.push(current);
  return out;
}
