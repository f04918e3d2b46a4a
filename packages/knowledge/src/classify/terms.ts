// Term extraction shared by the offline classifier: lower-case words, identifiers split at camelCase and
// snake_case, stop words dropped, and a light suffix stemmer so "policies"/"policy" and "logged"/"logs" meet.

const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each else every few for from further had has have having he her
  here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other
  our ours out over own same she should so some such than that the their them then there these they this those through
  to too under until up very was we were what when where which while who whom why will with would you your yours one
  two three per via get set new use used using make made may must need needs like want wants take keep let us etc`
    .split(/\s+/)
    .filter(Boolean),
);

/** Strips common English suffixes; crude but consistent, which is all a bag-of-words model needs. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ational', 'ization', 'ation', 'ments', 'ment', 'ness', 'ing', 'ed', 'ly', 'er']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Words of a text, split at identifier boundaries, without stop words, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  const spaced = text.replace(/([a-z])([A-Z])/g, '$1 $2');
  for (const raw of spaced.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || raw.length > 30 || /^\d+$/.test(raw) || STOP.has(raw)) continue;
    if (/\d/.test(raw) && !/^[a-z]+\d{1,2}$/.test(raw)) continue; // ids, hashes, timestamps
    out.push(stem(raw));
  }
  return out;
}

export function termCounts(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
