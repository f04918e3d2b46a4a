import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Domain } from '@pagi/contracts';
import { assessConfidence } from './confidence.ts';
import { EVAL_DIR } from './evaluate.ts';
import { classifyOffline } from './offline.ts';

// How well the low-confidence flag tells wrong classifications from right ones. The labelled documents alone are
// all classified correctly, so the check also uses harder material made from them: the same texts without their
// file names or cut to an excerpt, and mixtures where one document is followed by part of one from another domain
// (labelled with the domain of the larger part), as happens with notes that wander between subjects.

export interface FlagCounts {
  correct: number;
  wrong: number;
  /** Correct classifications flagged (needless reviews). */
  correctFlagged: number;
  /** Wrong classifications flagged (caught mistakes). */
  wrongFlagged: number;
}

export type Calibration = Record<'labelled' | 'excerpts' | 'mixed', FlagCounts>;

interface Doc {
  name: string;
  ext: string;
  domain: Domain;
  text: string;
}

function loadDocs(dir: string): Doc[] {
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as Record<string, Domain>;
  return Object.entries(labels).map(([file, domain]) => {
    const ext = path.extname(file);
    return { name: path.basename(file, ext), ext, domain, text: readFileSync(path.join(dir, 'docs', file), 'utf8') };
  });
}

export function calibrateConfidence(margin: number, dir = EVAL_DIR): Calibration {
  const out: Calibration = {
    labelled: { correct: 0, wrong: 0, correctFlagged: 0, wrongFlagged: 0 },
    excerpts: { correct: 0, wrong: 0, correctFlagged: 0, wrongFlagged: 0 },
    mixed: { correct: 0, wrong: 0, correctFlagged: 0, wrongFlagged: 0 },
  };
  const count = (group: keyof Calibration, actual: Domain, text: string, ext: string, title = '') => {
    const c = classifyOffline(text, ext, title);
    const flagged = assessConfidence(c, margin).low_confidence;
    const g = out[group];
    if (c.domain === actual) {
      g.correct++;
      if (flagged) g.correctFlagged++;
    } else {
      g.wrong++;
      if (flagged) g.wrongFlagged++;
    }
  };
  const docs = loadDocs(dir);
  for (const d of docs) {
    count('labelled', d.domain, d.text, d.ext, d.name);
    count('excerpts', d.domain, d.text, d.ext);
    count('excerpts', d.domain, d.text.slice(0, 150), d.ext);
    count('excerpts', d.domain, d.text.slice(0, 300), d.ext);
    count('excerpts', d.domain, d.text.slice(-300), d.ext);
    for (const other of docs) {
      if (other.domain === d.domain) continue;
      for (const share of [1 / 2, 2 / 3]) {
        const mixed = `${d.text}\n\n${other.text.slice(0, Math.round(d.text.length * share))}`;
        count('mixed', d.domain, mixed, d.ext);
      }
    }
  }
  return out;
}
