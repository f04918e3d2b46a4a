import { type Detector, type Finding, groupSpan, matchesOf } from '../detector.ts';

// A date right after words that make it a birth date ("born on", "DOB", "birthday:", "geboren am", "né le"). Other
// dates — meetings, deadlines, releases — carry no such words and stay.

const MONTHS = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)\.?`;
const DATE = [
  String.raw`\d{4}-\d{1,2}-\d{1,2}`,
  String.raw`\d{1,2}[./-]\d{1,2}[./-]\d{2,4}`,
  String.raw`\d{1,2}(?:st|nd|rd|th)?\.?\s{1,2}(?:of\s{1,2})?${MONTHS}(?:,?\s{1,2}\d{4})?`,
  String.raw`${MONTHS}\s{1,2}\d{1,2}(?:st|nd|rd|th)?(?:,?\s{1,2}\d{4})?`,
  String.raw`(?:in\s{1,2})?\d{4}(?!\d)`,
].join('|');
const CUE = String.raw`born|birthday|birth\s?date|date of birth|d\.?o\.?b\.?|geboren|geb\.|geburtstag|geburtsdatum|née?|date de naissance|fecha de nacimiento|nacid[oa]`;
const FILLER = String.raw`(?:'s)?(?:\s{0,3}[:=-]\s{0,3}|\s{1,3}|(?:is|was|on|am|le|el|the|ist|of)(?=\s)){1,8}`;
const DOB = new RegExp(`(?<![A-Za-z])(?:${CUE})${FILLER}(${DATE})(?![\\w])`, 'dgi');

export const dateOfBirthDetector: Detector = {
  name: 'date-of-birth',
  find(text) {
    const found: Finding[] = [];
    for (const m of matchesOf(DOB, text)) {
      const span = groupSpan(m, 1);
      if (!span) continue;
      const start = span[0] + (/^in\s+/i.exec(m[1]!)?.[0].length ?? 0);
      found.push({ start, end: span[1], type: 'DATE_OF_BIRTH' });
    }
    return found;
  },
};
