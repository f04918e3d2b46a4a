import { createRequire } from 'node:module';
import type compromise from 'compromise/two';
import type { Detector, Finding } from '../detector.ts';

// Personal names, found by compromise's tagger (an offline English NLP library with a lexicon of first and last
// names) and then held to stricter rules than its own, because a wrongly redacted product or place name spoils a
// memory:
// - a title and a capitalised name (Dr. Priya Raman, Mr. Henderson): the name goes, the title stays;
// - two or more capitalised words, one of them a known first or last name (Sarah Connor, Thomas Müller), unless the
//   last is a word organisations end with (Chase Bank, Redis Cluster);
// - one capitalised word that is only ever a first name (Anna, Lena), not one that is also a word (Grace, Mark, Will),
//   and not one used as the modifier of the noun right after it (Cassandra cluster, Ada compiler).
// compromise is slow next to the regex detectors, so it only reads the sentences around a capitalised word that its
// lexicon knows as a name or a title.

type Lexicon = Record<string, string | string[]>;
// Loading compromise costs about a third of a second of CPU: the first text that needs it pays that, not the start of
// every service that can redact.
let loaded: { nlp: typeof compromise; lexicon: Lexicon } | undefined;
function tagger(): { nlp: typeof compromise; lexicon: Lexicon } {
  if (!loaded) {
    const nlp = createRequire(import.meta.url)('compromise/two') as typeof compromise;
    loaded = { nlp, lexicon: (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon };
  }
  return loaded;
}
const tagsOf = (word: string): string[] => {
  const t = tagger().lexicon[word.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
};
const GIVEN = new Set(['MaleName', 'FemaleName']);
const ANY_NAME = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName']);
const onlyGivenName = (word: string) => tagsOf(word).some((t) => GIVEN.has(t));
const knownName = (word: string) => tagsOf(word).some((t) => ANY_NAME.has(t));
const honorific = (word: string) => tagsOf(word.replace(/\.$/, '')).includes('Honorific');

const ORGANISATION_ENDS = new Set(
  'Bank Group Inc Corp Corporation Ltd LLC GmbH AG University College School Hospital Clinic Street Road Avenue Station Airport Park Hotel Foundation Institute Labs Studio Studios Systems Cloud Cluster Server Service Services Team Center Centre Company Partners Capital Insurance Motors Pharma Records Media Press Church Museum Library Hall Bridge River Lake Mountain Island Boot'.split(
    ' ',
  ),
);

const CAPITALISED = /(?<!\p{L})\p{Lu}[\p{Ll}'’.]{1,30}/gu;
const capitalised = (word: string) => /^\p{Lu}\p{Ll}/u.test(word) || /^\p{Lu}\.?$/u.test(word);
/** How far a window reaches either side of a candidate word when no sentence end is nearer. */
const REACH = 240;
const MAX_WINDOW = 1000;
const JSON_OPTIONS = { offset: true, terms: { offset: true } };

interface Term {
  text: string;
  tags: string[];
  post: string;
  offset: { start: number; length: number };
}

/** Stretches of the text worth tagging: the sentence around each capitalised known name or title, merged. */
function windowsOf(text: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(text); m !== null; m = CAPITALISED.exec(text)) {
    const word = m[0].replace(/['’]s$|[.']$/, '');
    if (!knownName(word) && !honorific(word)) continue;
    const last = windows.at(-1);
    const from = Math.max(sentenceStart(text, m.index), last?.[1] ?? 0);
    // compromise slows down on long texts: a window grows to MAX_WINDOW at most, then the next one starts.
    if (last && from <= last[1] && m.index + m[0].length - last[0] <= MAX_WINDOW) {
      if (m.index + m[0].length > last[1]) last[1] = sentenceEnd(text, m.index + m[0].length);
    } else {
      windows.push([from, sentenceEnd(text, m.index + m[0].length)]);
    }
    CAPITALISED.lastIndex = Math.max(CAPITALISED.lastIndex, windows.at(-1)![1]);
  }
  return windows;
}

function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i >= Math.max(0, at - REACH); i--) if (endsSentence(text, i)) return i + 1;
  return Math.max(0, at - REACH);
}

function sentenceEnd(text: string, at: number): number {
  for (let i = at; i < Math.min(text.length, at + REACH); i++) if (endsSentence(text, i)) return i + 1;
  return Math.min(text.length, at + REACH);
}

/** A line break, or . ! ? before white space — but not the dot of a title or an initial (Dr. Raman, J. Doe). */
function endsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '\n') return true;
  if ((ch !== '.' && ch !== '!' && ch !== '?') || !/\s/.test(text[i + 1] ?? '')) return false;
  if (ch !== '.') return true;
  const word = /\p{L}{1,8}$/u.exec(text.slice(Math.max(0, i - 8), i))?.[0] ?? '';
  return !(honorific(word) || /^\p{Lu}$/u.test(word));
}

/** The part of one compromise match that is a name to redact, by the rules above; `after` gives a term's successor. */
function nameSpan(terms: Term[], after: (t: Term) => Term | undefined): [number, number] | undefined {
  let i = 0;
  let titled = false;
  while (i < terms.length && (terms[i]!.tags.includes('Honorific') || honorific(terms[i]!.text))) {
    titled = true;
    i++;
  }
  const names: Term[] = [];
  for (; i < terms.length && capitalised(terms[i]!.text) && terms[i]!.text !== terms[i]!.text.toUpperCase(); i++) {
    names.push(terms[i]!);
  }
  if (names.length === 0) return undefined;
  const words = names.map((t) => t.text.replace(/['’]s$/, ''));
  const last = names.at(-1)!;
  const end = last.offset.start + words.at(-1)!.length;
  const span: [number, number] = [names[0]!.offset.start, end];
  if (titled) return span;
  if (names.length >= 2) return words.some(knownName) && !ORGANISATION_ENDS.has(words.at(-1)!) ? span : undefined;
  if (!onlyGivenName(words[0]!)) return undefined;
  const next = after(last);
  return last.post === ' ' && next !== undefined && isCommonNoun(next) ? undefined : span;
}

/** A lowercase noun (compromise may still call it a surname after a first name: "Cassandra cluster"). */
const isCommonNoun = (t: Term) => /^\p{Ll}/u.test(t.text) && t.tags.includes('Noun') && !t.tags.includes('Pronoun');

export const personNameDetector: Detector = {
  name: 'person-name',
  find(text) {
    const found: Finding[] = [];
    for (const [base, end] of windowsOf(text)) {
      const doc = tagger().nlp(text.slice(base, end));
      const people = doc.match('#Honorific? #Person+').json(JSON_OPTIONS) as Array<{ terms: Term[] }>;
      if (people.length === 0) continue;
      let successors: Map<number, Term | undefined> | undefined;
      const after = (t: Term) => {
        // Only a lone first name needs the word after it; tagging the whole window's terms is left until then.
        if (!successors) {
          const all = (doc.json(JSON_OPTIONS) as Array<{ terms: Term[] }>).flatMap((s) => s.terms);
          successors = new Map(all.map((term, i) => [term.offset.start, all[i + 1]]));
        }
        return successors.get(t.offset.start);
      };
      for (const person of people) {
        const span = nameSpan(person.terms, after);
        if (span) found.push({ start: base + span[0], end: base + span[1], type: 'PERSON' });
      }
    }
    return found;
  },
};
