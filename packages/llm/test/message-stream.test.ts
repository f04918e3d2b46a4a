import { describe, expect, it } from 'vitest';
import { FieldStream } from '../src/message-stream.ts';

/** Feeds a JSON reply in pieces of `size` characters and returns what the stream decoded. */
function decode(reply: string, size: number): string {
  const field = new FieldStream('message');
  let out = '';
  for (let i = 0; i < reply.length; i += size) out += field.push(reply.slice(i, i + size));
  return out;
}

describe('reading a message out of a JSON reply as it arrives', () => {
  const message = 'Line one,\nthen "quoted" text, a back\\slash, a tab\there and an accent: caf\u00e9 ☕.';

  it('decodes the field exactly, however the reply is cut', () => {
    const reply = JSON.stringify({ action: 'respond', message });
    for (const size of [1, 2, 3, 5, 8, 1000]) expect(decode(reply, size)).toBe(message);
  });

  it('decodes \\u escapes split across pieces, and ignores what follows the field', () => {
    const reply = '{"message": "caf\\u00e9 \\ud83d\\ude00 ok", "action": "respond", "other": "not this"}';
    expect(decode(reply, 3)).toBe(`café ${String.fromCodePoint(0x1f600)} ok`);
  });

  it('finds the field wherever it is, and gives nothing for a reply without it', () => {
    expect(decode('{ "message" :"first", "action":"respond"}', 2)).toBe('first');
    expect(decode(JSON.stringify({ action: 'query_memory', query: 'the "message" word' }), 4)).toBe('');
  });
});
