import { entropyBits } from './entropy.ts';

// What the value after a label like `password:` or `token=` has to look like before it is taken for a secret.

/** Values that stand for a secret without being one: masks, template variables, examples. */
const STAND_IN =
  /^(?:[*xX•.#_-]{1,64}|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_()]*s?|<[^>]*>|\{\{[^}]*\}\}|\[[^\]]*\])$/;

/** Words that follow a password label in prose or config without being the password. */
const NOT_A_VALUE = new Set(
  (
    'none null nil empty required optional same unchanged changed reset hidden redacted removed unknown n/a na tbd ' +
    'see set true false yes no policy manager field prompt protected expired sent stored saved the a an in on from via'
  ).split(' '),
);

export const isStandIn = (value: string): boolean => STAND_IN.test(value) || NOT_A_VALUE.has(value.toLowerCase());

/** Has a digit, a symbol, or a capital after the first letter: a password rather than a word of prose. */
export const looksLikePassword = (value: string): boolean =>
  /[\d\W_]/.test(value) || /^.[^A-Z]*[A-Z]/.test(value) || value.length >= 16;

const HEX = /^[0-9a-f]+$/i;

/**
 * A machine-made secret: long, and either hex with letters and digits, or of several character classes with the
 * spread of a random string (about 0.8 of the most bits per character a string of its length can have).
 */
export function looksRandom(token: string, minLength = 20): boolean {
  if (token.length < minLength) return false;
  const digits = /\d/.test(token);
  if (HEX.test(token)) return token.length >= 32 && digits && /[a-f]/i.test(token);
  // Random base64 of this length has all three classes; `=` only pads its end.
  if (!digits || !/[a-z]/.test(token) || !/[A-Z]/.test(token) || /=[^=]/.test(token)) return false;
  const maxBits = Math.log2(Math.min(token.length, 64));
  return entropyBits(token) >= 0.8 * maxBits && classSwitches(token) >= 0.25 && wordShare(token) < 0.5;
}

/** Share of characters in lowercase runs of three or more: most of a path or an identifier, little of a key. */
function wordShare(token: string): number {
  let inWords = 0;
  for (const run of token.match(/[a-z]{3,}/g) ?? []) inWords += run.length;
  return inWords / token.length;
}

/** Share of neighbouring characters of different classes: high in random strings, low in words and identifiers. */
function classSwitches(token: string): number {
  const cls = (c: string) => (/\d/.test(c) ? 0 : /[a-z]/.test(c) ? 1 : /[A-Z]/.test(c) ? 2 : 3);
  let switches = 0;
  for (let i = 1; i < token.length; i++) if (cls(token[i]!) !== cls(token[i - 1]!)) switches++;
  return switches / (token.length - 1);
}
