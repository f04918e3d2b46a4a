import { type Detector, type Finding, matchesOf } from '../detector.ts';

// Street addresses with a house number, in English (221B Baker Street), German (Hauptstraße 5) and French
// (12 rue de la Paix) order, together with the city and postcode that follow them (", London NW1 6XE",
// ", Mountain View, CA 94043", ", 10115 Berlin"). A street named without a number ("parking on Main Street") is
// not an address of anyone.

const CAP = "[A-ZÄÖÜÉÈ][A-Za-zÀ-ÿ'’-]{1,30}";
const EN_SUFFIX = String.raw`Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Lane|Ln\.?|Drive|Boulevard|Blvd\.?|Way|Parkway|Pkwy\.?|Court|Ct\.?|Place|Pl\.?|Terrace|Close|Square|Crescent|Highway|Circle|Gardens|Row|Mews|Grove|Walk|Alley|Plaza|Trail`;
const EN = String.raw`(?<![\w-])\d{1,5}[A-Za-z]?,?\s{1,2}(?:${CAP}\s{1,2}){1,4}(?:${EN_SUFFIX})(?![A-Za-z])`;
const DE_SUFFIX = String.raw`straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|chaussee`;
const DE = String.raw`(?<![\w-])(?:[A-ZÄÖÜ][a-zäöüß]{1,30}(?:${DE_SUFFIX})|(?:${CAP}[ -]){1,2}(?:Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Ring|Damm))\s{1,2}\d{1,4}\s?[a-z]?(?![\w])`;
const FR = String.raw`(?<![\w-])\d{1,4}(?:\s?(?:bis|ter))?,?\s{1,2}(?:rue|Rue|avenue|Avenue|boulevard|Boulevard|bd|place|Place|impasse|allée|chemin|quai|cours|passage)\s{1,2}(?:(?:de la|de l'|du|des|de|d')\s{0,2})?${CAP}(?:[ -]${CAP}){0,3}`;
const STREET = new RegExp(`${EN}|${DE}|${FR}`, 'g');

const UK_POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?\s{0,2}\d[A-Z]{2}`;
const US_ZIP = String.raw`[A-Z]{2}\s{1,2}\d{5}(?:-\d{4})?`;
/** What may follow a street: a city and a postcode in the country's order. */
const TAIL = new RegExp(
  String.raw`,\s{0,2}(?:(?:${CAP}\s{0,2}){1,3},?\s{0,2})?(?:${UK_POSTCODE}|${US_ZIP}|\d{4,5}(?:\s{1,2}${CAP})?)(?![\w])`,
  'y',
);

export const postalAddressDetector: Detector = {
  name: 'postal-address',
  find(text) {
    const found: Finding[] = [];
    for (const m of matchesOf(STREET, text)) {
      let end = m.index + m[0].length;
      TAIL.lastIndex = end;
      const tail = TAIL.exec(text);
      if (tail) end += tail[0].length;
      found.push({ start: m.index, end, type: 'POSTAL_ADDRESS' });
      STREET.lastIndex = end;
    }
    return found;
  },
};
