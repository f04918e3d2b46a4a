import { dniValid } from '../checksums.ts';
import { type Detector, type Finding, groupSpan, matchesOf } from '../detector.ts';

// National identity and tax numbers. Shapes distinctive enough on their own (US SSN, UK National Insurance,
// Spanish DNI with its check letter, Italian codice fiscale) are taken anywhere; any other number is taken after a
// label that names it (passport no., BSN, Steuer-ID, SIN, …). The DNI's check letter must match.

const SSN = /(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])/g;
const NINO =
  /(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g;
const DNI = /(?<![A-Za-z0-9])\d{8}[A-Z](?![A-Za-z0-9])/g;
const CODICE_FISCALE = /(?<![A-Za-z0-9])[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z](?![A-Za-z0-9])/g;

const LONG_LABELS =
  "passport|reisepass|pass(?:port)?nummer|national id|national identity|id card|identity card|personalausweis|ausweisnummer|tax id|tax number|steuer-?id|steuernummer|steueridentifikationsnummer|social security(?: number)?|social insurance(?: number)?|codice fiscale|aadhaar|personnummer|henkilötunnus|driver'?s licen[cs]e|führerschein|nhs number|medicare|sozialversicherungsnummer|ahv";
const SHORT_LABELS = 'SSN|SIN|TIN|BSN|DNI|NIE|NIF|CPF|PPS|PESEL|NINO|NIR|INSEE|ITIN|EIN|AHV|SVNR';
const FILLER = String.raw`(?:\s{0,2}(?:no\.?|nr\.?|number|num\.?|#|id))?\s{0,3}(?:[:#=]|is)?\s{0,3}`;
const VALUE = '([A-Za-z0-9]{1,20}(?:[ .-][0-9]{2,8}){0,4}(?:[ -][A-Za-z](?![A-Za-z]))?)';
const LABELLED_LONG = new RegExp(`(?<![A-Za-z])(?:${LONG_LABELS})${FILLER}${VALUE}`, 'dgi');
const LABELLED_SHORT = new RegExp(`(?<![A-Za-z])(?:${SHORT_LABELS})${FILLER}${VALUE}`, 'dg');

/** A labelled value is a number: at least five digits ("passport is valid until May" is not one). */
const plausible = (value: string) => value.replace(/\D/g, '').length >= 5;

export const nationalIdDetector: Detector = {
  name: 'national-id',
  find(text) {
    const found: Finding[] = [];
    const add = (start: number, end: number) => found.push({ start, end, type: 'NATIONAL_ID' });
    for (const re of [SSN, NINO, CODICE_FISCALE])
      for (const m of matchesOf(re, text)) add(m.index, m.index + m[0].length);
    for (const m of matchesOf(DNI, text)) if (dniValid(m[0])) add(m.index, m.index + m[0].length);
    for (const re of [LABELLED_LONG, LABELLED_SHORT]) {
      for (const m of matchesOf(re, text)) {
        const span = groupSpan(m, 1);
        if (span && plausible(m[1]!)) add(span[0], span[1]);
      }
    }
    return found;
  },
};
