import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { CodedError } from '@pagi/contracts';

// Reads one file for ingestion and turns it into text, or refuses it with a reason a person can act on.

export const SUPPORTED_EXTENSIONS = [
  '.txt',
  '.md',
  '.markdown',
  '.log',
  '.json',
  '.jsonl',
  '.csv',
  '.yaml',
  '.yml',
  '.pdf',
];

/** A file that cannot become knowledge (empty, too large, binary, unsupported); the reason is shown per file. */
export class RejectedFile extends CodedError {
  constructor(message: string) {
    super('invalid_request', message);
    this.name = 'RejectedFile';
  }
}

export interface Document {
  text: string;
  ext: string;
  bytes: number;
  hash: string;
  title: string;
}

export const isSupported = (file: string) => SUPPORTED_EXTENSIONS.includes(path.extname(file).toLowerCase());

/** "security-audit_2025.md" → "Security Audit 2025"; a markdown H1 wins when present. */
export function titleOf(file: string, text: string): string {
  const h1 = /^#\s+(.+?)\s*#*\s*$/m.exec(text.slice(0, 4000));
  if (h1) return h1[1]!.slice(0, 120);
  const base = path
    .basename(file, path.extname(file))
    .replace(/[-_.]+/g, ' ')
    .trim();
  return base.replace(/\b\p{L}/gu, (c) => c.toUpperCase()).slice(0, 120) || path.basename(file);
}

async function readAll(file: string, size: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const { bytesRead } = await fh.read(buf, off, size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return buf.subarray(0, off);
  } finally {
    await fh.close();
  }
}

async function pdfText(buf: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    const pdf = await getDocumentProxy(new Uint8Array(buf));
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } catch (err) {
    throw new RejectedFile(`unreadable PDF: ${(err as Error).message}`);
  }
}

export async function readDocument(file: string, maxBytes: number): Promise<Document> {
  const ext = path.extname(file).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    throw new RejectedFile(
      `unsupported format "${ext || 'no extension'}" (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`,
    );
  }
  const st = await stat(file);
  if (!st.isFile()) throw new RejectedFile('not a regular file');
  if (st.size === 0) throw new RejectedFile('empty file');
  if (st.size > maxBytes) {
    throw new RejectedFile(`file is ${st.size} bytes, over the ${maxBytes}-byte limit (INGEST_MAX_FILE_BYTES)`);
  }
  const buf = await readAll(file, st.size);
  const hash = createHash('sha256').update(buf).digest('hex');
  let text: string;
  if (ext === '.pdf') {
    if (buf.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new RejectedFile('not a PDF file (missing %PDF header)');
    text = await pdfText(buf);
  } else {
    // The whole file is checked, not its start: text followed by binary is binary.
    const nul = buf.indexOf(0);
    if (nul !== -1) throw new RejectedFile(`binary content (a NUL byte at offset ${nul}), not text`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      throw new RejectedFile('binary content (not valid UTF-8 text)');
    }
    // Text files with many control characters are binary in disguise: more than one in 256, or 32 in a small file.
    let controls = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // ESC (27) is allowed: logs often carry ANSI colour codes.
      if ((c >= 1 && c <= 8) || (c >= 14 && c <= 31 && c !== 27)) controls++;
    }
    if (controls > Math.max(32, text.length / 256)) {
      throw new RejectedFile('binary content (control characters), not text');
    }
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '')
    throw new RejectedFile(ext === '.pdf' ? 'PDF has no extractable text' : 'file has no text (only whitespace)');
  return { text, ext, bytes: buf.length, hash, title: titleOf(file, text) };
}

/** Content hash as readDocument computes it, for cheap change checks; oversized files hash by their size. */
export function hashFile(file: string, maxBytes: number): string | null {
  try {
    const st = statSync(file);
    if (st.size > maxBytes) return `oversized:${st.size}`;
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}
