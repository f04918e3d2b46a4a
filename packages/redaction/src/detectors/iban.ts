import { ibanValid } from '../checksums.ts';
import { type Detector, type Finding, matchesOf } from '../detector.ts';

// IBANs, written whole or in groups of four, kept only when the mod-97 check holds. The candidate may run on into
// the next word (DE89 3704 … 00 RENT); each length the country allows is tried from the start.

const CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,34}/g;

/** Lengths by country (ISO 13616 registry); a country not listed is tried at every length. */
const LENGTHS = new Map(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 ES24 FI18 FO18 ' +
    'FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IS26 IT27 JO30 KW30 KZ20 LB28 LI21 LT20 LU20 LV21 MC27 ' +
    'MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SE24 SI19 SK24 SM27 TN24 TR26 ' +
    'UA29 VG24 XK20'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), [Number(entry.slice(2))]] as const),
);
const ANY_LENGTH = Array.from({ length: 20 }, (_, i) => 34 - i);

export const ibanDetector: Detector = {
  name: 'iban',
  find(text) {
    const found: Finding[] = [];
    for (const m of matchesOf(CANDIDATE, text)) {
      for (const length of LENGTHS.get(m[0].slice(0, 2)) ?? ANY_LENGTH) {
        const end = endAfterChars(m[0], length);
        if (end < 0 || /[A-Za-z0-9]/.test(text[m.index + end] ?? '')) continue;
        if (ibanValid(m[0].slice(0, end).replaceAll(' ', ''))) {
          found.push({ start: m.index, end: m.index + end, type: 'IBAN' });
          break;
        }
      }
    }
    return found;
  },
};

/** The offset just after the `count`-th non-space character, or -1 when there are fewer. */
function endAfterChars(s: string, count: number): number {
  for (let i = 0, seen = 0; i < s.length; i++) if (s[i] !== ' ' && ++seen === count) return i + 1;
  return -1;
}
