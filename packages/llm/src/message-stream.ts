/**
 * Reads the text of one string field (`"message"`) out of a JSON object while the object is still arriving, so an
 * answer can be shown as the model writes it. Escapes are decoded, including ones split across chunks; the rest of
 * the object is ignored (the whole reply is parsed and validated once it is complete).
 */
export class FieldStream {
  private buffer = '';
  private state: 'seeking' | 'inside' | 'done' = 'seeking';
  private readonly opener: RegExp;

  constructor(field = 'message') {
    this.opener = new RegExp(`"${field}"\\s*:\\s*"`);
  }

  /** Feeds the next piece of the reply; returns the field's newly decoded text (often empty). */
  push(chunk: string): string {
    if (this.state === 'done') return '';
    this.buffer += chunk;
    if (this.state === 'seeking') {
      const m = this.opener.exec(this.buffer);
      if (!m) {
        // Keep only a tail long enough to hold the opener across chunks.
        this.buffer = this.buffer.slice(-64);
        return '';
      }
      this.buffer = this.buffer.slice(m.index + m[0].length);
      this.state = 'inside';
    }
    let out = '';
    let i = 0;
    while (i < this.buffer.length) {
      const c = this.buffer[i]!;
      if (c === '"') {
        this.state = 'done';
        this.buffer = '';
        return out;
      }
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      // An escape: wait for the rest of it when the chunk ends inside it.
      const next = this.buffer[i + 1];
      if (next === undefined) break;
      if (next === 'u') {
        const hex = this.buffer.slice(i + 2, i + 6);
        if (hex.length < 4) break;
        out += String.fromCharCode(Number.parseInt(hex, 16));
        i += 6;
        continue;
      }
      out += ESCAPES[next] ?? next;
      i += 2;
    }
    this.buffer = this.buffer.slice(i);
    return out;
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
