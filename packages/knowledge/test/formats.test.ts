import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RejectedFile, readDocument } from '../src/formats/read.ts';
import { locate, makeRoot, PathRefused } from '../src/ingest/confinement.ts';
import { makePdf } from './pdf-fixture.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'formats-'));
const put = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('reading files', () => {
  it('reads every supported text format, normalising line endings and titling the file', async () => {
    const samples: Record<string, string> = {
      'notes.txt': 'plain text\r\nsecond line',
      'design-review.md': '# Design Review\n\nbody',
      'app.log': '2025-01-01 INFO started',
      'data.json': '{"a": 1}',
      'events.jsonl': '{"a":1}\n{"a":2}',
      'table.csv': 'a,b\n1,2',
      'conf.yaml': 'a: 1',
      'conf2.yml': 'b: 2',
    };
    for (const [name, content] of Object.entries(samples)) {
      const doc = await readDocument(put(name, content), 1_000_000);
      expect(doc.text).not.toContain('\r');
      expect(doc.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect((await readDocument(path.join(dir, 'design-review.md'), 1e6)).title).toBe('Design Review');
    expect((await readDocument(path.join(dir, 'notes.txt'), 1e6)).title).toBe('Notes');
  });

  it('extracts the text of a PDF', async () => {
    const doc = await readDocument(put('audit.pdf', makePdf('Quarterly security audit of the portal')), 1e6);
    expect(doc.text).toContain('Quarterly security audit');
  });

  it('rejects binary, empty, oversized and unsupported files with a clear reason', async () => {
    const reason = async (p: string, max = 1_000_000) => {
      const err = await readDocument(p, max).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RejectedFile);
      return (err as Error).message;
    };
    expect(await reason(put('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3])))).toMatch(
      /binary/,
    );
    expect(await reason(put('latin.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0xff, 0xfe])))).toMatch(/binary/);
    // Text first, binary later: the whole file is checked, so nothing of it reaches the knowledge base.
    const textThenBinary = Buffer.concat([Buffer.from('plain words here. '.repeat(500)), Buffer.alloc(64, 0)]);
    expect(textThenBinary.length).toBeGreaterThan(9000);
    expect(await reason(put('notes.txt', textThenBinary))).toMatch(/NUL byte at offset 9000/);
    const controlsLater = `${'a line of text\n'.repeat(1000)}${'\u0001\u0002'.repeat(400)}`;
    expect(await reason(put('controls.log', controlsLater))).toMatch(/control characters/);
    expect(await reason(put('empty.md', ''))).toBe('empty file');
    expect(await reason(put('blank.md', '  \n\n\t '))).toMatch(/no text/);
    expect(await reason(put('big.log', 'x'.repeat(2000)), 1000)).toMatch(/2000 bytes, over the 1000-byte limit/);
    expect(await reason(put('photo.png', 'not really'))).toMatch(/unsupported format "\.png"/);
    expect(await reason(put('fake.pdf', 'hello'))).toMatch(/not a PDF/);
  });
});

describe('path confinement', () => {
  const ingest = path.join(dir, 'ingest');
  const kb = path.join(dir, 'kb');
  const outside = path.join(dir, 'secret');
  mkdirSync(ingest, { recursive: true });
  mkdirSync(path.join(kb, 'soul'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(ingest, 'a.md'), 'a');
  writeFileSync(path.join(kb, 'soul', 'b.md'), 'b');
  writeFileSync(path.join(outside, 'passwd.txt'), 'root:x:0:0');
  symlinkSync(path.join(outside, 'passwd.txt'), path.join(ingest, 'link-out.txt'));
  symlinkSync(path.join(kb, 'soul', 'b.md'), path.join(ingest, 'link-in.md'));
  const roots = [makeRoot('ingest', ingest), makeRoot('knowledge_bases', kb)];

  it('accepts files inside the ingest folder and knowledge_bases, absolute or relative', () => {
    expect(locate(path.join(ingest, 'a.md'), roots, dir).source).toBe('ingest:a.md');
    expect(locate('a.md', roots, dir).source).toBe('ingest:a.md');
    expect(locate(path.join(kb, 'soul', 'b.md'), roots, dir).source).toBe('knowledge_bases:soul/b.md');
    const linked = locate(path.join(ingest, 'link-in.md'), roots, dir);
    expect(linked.real).toBe(path.join(kb, 'soul', 'b.md'));
  });

  it('refuses paths outside, traversal, and symlinks that point outside', () => {
    const refused = (p: string) => {
      try {
        locate(p, roots, dir);
      } catch (err) {
        expect(err).toBeInstanceOf(PathRefused);
        return err as PathRefused;
      }
      throw new Error(`${p} was accepted`);
    };
    expect(refused(path.join(outside, 'passwd.txt')).reason).toBe('outside');
    expect(refused('../secret/passwd.txt').reason).toBe('outside');
    expect(refused('/etc/passwd').reason).toBe('outside');
    const link = refused(path.join(ingest, 'link-out.txt'));
    expect(link.message).toMatch(/symlink points outside/);
    expect(link.entry?.source).toBe('ingest:link-out.txt');
    expect(refused(path.join(ingest, 'missing.md')).reason).toBe('missing');
  });
});
