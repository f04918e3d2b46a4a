import { type Detector, type Finding, matchesOf } from '../detector.ts';

// Telephone numbers in the ways people write them: international (+44 20 7946 0958, +49 (0)89 …), North American
// ((212) 555-0199, 415.555.0148), national with a leading 0 (0176 23456789, 06 12 34 56 78), and any number right
// after "tel", "phone", "call", "mobile", … Groups need separators between them, so order numbers, ISBNs, part
// numbers, bare ten-digit figures (PO 4500012345) and the tail of a longer run of digit groups stay.

const INTERNATIONAL =
  /(?<![\w+])\+\d{1,3}(?:[ .-]?\(\d{1,4}\)[ .-]?\d{1,5})?(?:[ .-]\d{1,5}){1,6}(?![\w-]|[.,]\d)|(?<![\w+])\+\d{7,15}(?!\w)/g;
const NORTH_AMERICAN =
  /(?<![\w(+.-]|\d[ -])(?:\([2-9]\d{2}\) ?|[2-9]\d{2}([-. ]))[2-9]\d{2}(?:\1|(?<=\) ?\d{3})[-. ])\d{4}(?![\w-]|[.,]\d)/g;
const NATIONAL = /(?<![\w+.,/-]|\d[ -])0[1-9]\d{0,3}(?:[ /-]\d{2,8}){1,4}(?![\w-]|[.,:]\d)/g;
const CUED =
  /(?<![A-Za-z])(?:tel|phone|mobile|mobil|cell|fax|whatsapp|call|ring|telefon|handy|tél|téléphone|portable)\.?:?\s{0,3}([+(]?\d[\d ()./-]{5,22}\d)(?![\w-])/dgi;

const digitCount = (s: string) => s.replace(/\D/g, '').length;

export const phoneDetector: Detector = {
  name: 'phone',
  find(text) {
    const found: Finding[] = [];
    const add = (start: number, number: string, min: number, max: number) => {
      const n = digitCount(number);
      if (n >= min && n <= max) found.push({ start, end: start + number.length, type: 'PHONE' });
    };
    for (const m of matchesOf(INTERNATIONAL, text)) add(m.index, m[0], 8, 15);
    for (const m of matchesOf(NORTH_AMERICAN, text)) add(m.index, m[0], 10, 10);
    for (const m of matchesOf(NATIONAL, text)) add(m.index, m[0], 9, 12);
    for (const m of matchesOf(CUED, text)) add(m.indices![1]![0], m[1]!.trimEnd(), 7, 15);
    return found;
  },
};
