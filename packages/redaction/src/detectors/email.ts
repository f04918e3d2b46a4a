import { type Detector, matchesOf } from '../detector.ts';

// E-mail addresses: a local part, `@`, and a domain that ends in a letters-only top-level label, so package@version
// (lodash@4.17.21) and user@203.0.113.5 are not taken for addresses.
const EMAIL =
  /(?<![\w.+%-])[A-Za-z0-9][\w.+%-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![\w-])/g;

export const emailDetector: Detector = {
  name: 'email',
  find: (text) =>
    [...matchesOf(EMAIL, text)].map((m) => ({ start: m.index, end: m.index + m[0].length, type: 'EMAIL' as const })),
};
