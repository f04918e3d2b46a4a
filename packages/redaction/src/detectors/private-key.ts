import type { Detector, Finding } from '../detector.ts';

// PEM and OpenSSH private-key blocks, whole: from the BEGIN line to the END line. A block whose END line is missing
// (cut off when pasted) is taken up to the first blank line.

const BEGIN = /-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;
/** Longer than any real key block; bounds the search for its end. */
const MAX_BLOCK = 64 * 1024;

export const privateKeyDetector: Detector = {
  name: 'private-key',
  find(text) {
    const found: Finding[] = [];
    BEGIN.lastIndex = 0;
    for (let m = BEGIN.exec(text); m !== null; m = BEGIN.exec(text)) {
      const start = m.index;
      const limit = Math.min(text.length, start + MAX_BLOCK);
      const window = text.slice(start, limit);
      const endLine = window.indexOf('-----END ', m[0].length);
      let end: number;
      if (endLine >= 0) {
        const close = window.indexOf('-----', endLine + 9);
        end = start + (close >= 0 ? close + 5 : window.length);
      } else {
        const blank = window.search(/\n[ \t]*\n/);
        end = start + (blank >= 0 ? blank : window.length);
      }
      found.push({ start, end, type: 'PRIVATE_KEY' });
      BEGIN.lastIndex = end;
    }
    return found;
  },
};
