import type { RedactionType } from '@pagi/contracts';

/** A stretch of text to replace, as offsets into the text a detector was given. */
export interface Finding {
  start: number;
  end: number;
  type: RedactionType;
}

/**
 * One kind of sensitive text. `find` sees plain text only (never a placeholder) and returns its findings in any
 * order; the pipeline drops any that overlap an earlier one. Detectors must stay linear in the text's length: every
 * regex quantifier is bounded and every leading run is anchored by a look-behind, so no input makes them backtrack
 * over the whole text.
 */
export interface Detector {
  name: string;
  find(text: string): Finding[];
}

/** Every match of a global regex, by index (the regex's lastIndex is reset first). */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** Offsets of capture group `group` in a match made with the `d` flag. */
export function groupSpan(m: RegExpExecArray, group: number): [number, number] | undefined {
  return m.indices?.[group] ?? undefined;
}
