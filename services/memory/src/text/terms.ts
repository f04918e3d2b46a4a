import { stemmer } from 'stemmer';
import { words } from './tokens.ts';

// What a text is about, as the lexical side sees it: its words without the ones every sentence has ("how", "the",
// "do"), each reduced to its stem, so "splits" finds "split" and "splitting" (words with digits or '_' are kept whole
// for the embedder: "v2" and "err_42" are identifiers). `indexTerm` is the lexical index's own view of a word.

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are aren as at be because been before being below between both
  but by can cannot could couldn did didn do does doesn doing don down during each few for from further had hadn has
  hasn have haven having he her here hers herself him himself his how i if in into is isn it its itself just let me
  more most mustn my myself no nor not of off on once only or other ought our ours ourselves out over own same shan
  she should shouldn so some such than that the their theirs them themselves then there these they this those through
  to too under until up very was wasn we were weren what when where which while who whom why will with won would
  wouldn you your yours yourself yourselves s t d ll m re ve y also please tell know get got one anything something
  thing things really`.split(/\s+/),
);

export const isStopWord = (w: string) => STOP_WORDS.has(w);

/** The informative words of a text, stemmed, in order (repeats kept). */
export function terms(text: string, max = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOP_WORDS.has(w)) continue;
    out.push(/^[a-z]+$/.test(w) ? stemmer(w) : w);
    if (out.length >= max) break;
  }
  return out;
}

/** A word as the lexical index stores it (like FTS5's porter tokenizer): every token stemmed ("k8s" is "k8"). */
export const indexTerm = (word: string) => stemmer(word);
