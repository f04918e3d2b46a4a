import { luhnValid } from '../checksums.ts';
import { type Detector, type Finding, matchesOf } from '../detector.ts';

// Payment card numbers: 12–19 digits, whole or grouped as cards print them (4-4-4-4, 4-6-5, …), with an issuer's
// prefix and length, and a valid Luhn check digit. A run of digit groups (a date and a card on one line) is searched
// group by group, so a card inside it is still found. A security code (CVV 123) goes with them.

/** The security code printed on the back, when a note names it. */
const SECURITY_CODE = /(?<![A-Za-z])(?:cvv2?|cvc2?|csc|cid|security code)\s{0,3}[:#=]?\s{0,3}(\d{3,4})(?!\d)/dgi;
const RUN = /(?<![\w-])\d{1,19}(?:[ -]\d{1,19}){0,9}(?![\w-])/g;

/** Issuer prefixes and the lengths they issue. */
const ISSUERS: Array<[RegExp, number[]]> = [
  [/^4/, [16, 19]], // Visa
  [/^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, [16]], // Mastercard
  [/^3[47]/, [15]], // American Express
  [/^(?:6011|64[4-9]|65)/, [16, 17, 18, 19]], // Discover
  [/^35(?:2[89]|[3-8]\d)/, [16, 17, 18, 19]], // JCB
  [/^3(?:0[0-5]|[689])/, [14, 15, 16, 17, 18, 19]], // Diners Club
  [/^62/, [16, 17, 18, 19]], // UnionPay
  [/^(?:50|5[6-8]|6[0-9])/, [12, 13, 14, 15, 16, 17, 18, 19]], // Maestro
];

const issued = (digits: string) =>
  ISSUERS.some(([prefix, lengths]) => prefix.test(digits) && lengths.includes(digits.length));

/** The ways cards are printed: one block, fours (the last may be shorter), or Amex / Diners 4-6-5 and 4-6-4. */
function printedLikeACard(groups: string[]): boolean {
  if (groups.length === 1) return true;
  const sizes = groups.map((g) => g.length);
  if (sizes.slice(0, -1).every((n) => n === 4) && sizes.at(-1)! <= 4) return true;
  return sizes.length === 3 && sizes[0] === 4 && sizes[1] === 6 && (sizes[2] === 5 || sizes[2] === 4);
}

export const cardNumberDetector: Detector = {
  name: 'card-number',
  find(text) {
    const found: Finding[] = [];
    for (const m of matchesOf(RUN, text)) {
      const groups = m[0].split(/[ -]/);
      const separators = m[0].replace(/\d/g, '');
      const offsets: number[] = [];
      for (let i = 0, at = 0; i < groups.length; at += groups[i]!.length + 1, i++) offsets.push(at);
      for (let i = 0; i < groups.length; i++) {
        for (let j = groups.length - 1; j >= i; j--) {
          const part = groups.slice(i, j + 1);
          const digits = part.join('');
          if (digits.length < 12 || digits.length > 19) continue;
          if (new Set(separators.slice(i, j)).size > 1) continue;
          if (!printedLikeACard(part) || !issued(digits) || !luhnValid(digits)) continue;
          const start = m.index + offsets[i]!;
          found.push({ start, end: start + digits.length + (j - i), type: 'CARD_NUMBER' });
          i = j;
          break;
        }
      }
    }
    for (const m of matchesOf(SECURITY_CODE, text)) {
      const [start, end] = m.indices![1]!;
      found.push({ start, end, type: 'CARD_NUMBER' });
    }
    return found;
  },
};
