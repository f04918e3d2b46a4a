// Characters that change how text looks without being seen — direction overrides and isolates, zero-width and
// joiner characters, invisible tag characters, controls — turned into visible escapes, so that what an approval
// card shows is exactly what will run (a `\u202E` can make `gnp.exe` read as `exe.png`).

const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this must find
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are listed one by one on purpose
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]|[\t\n\r]/g;

const NAMES: Record<string, string> = {
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

export type Segment = { text: string; hidden: false } | { text: string; hidden: true; codePoint: string };

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Splits text into plain runs and escaped invisible characters (`\u{202E}`, `\n`, …). */
export function visibleSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(HIDDEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), hidden: false });
    const cp = m[0].codePointAt(0)!;
    out.push({ text: NAMES[m[0]] ?? `\\u{${cp.toString(16).toUpperCase()}}`, hidden: true, codePoint: hex(cp) });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hidden: false });
  return out;
}

/** True when the text holds characters that would not show as themselves. */
export const hasHidden = (text: string) => new RegExp(HIDDEN.source).test(text);
