/**
 * Offline meeting summarization: finds decisions and follow-up tasks by their usual phrasing and summarizes with the
 * most representative sentences (word-frequency scoring). Deterministic: the same transcript gives the same result.
 */

export interface TranscriptSummary {
  summary: string;
  key_decisions: string[];
  follow_up_tasks: string[];
}

interface Sentence {
  speaker: string | null;
  text: string;
  index: number;
}

const DECISION = [
  /\b(?:we|they|the team|everyone|all)\s+(?:(?:also|all|both|finally|then|just|have|has)\s+)*(?:decided|agreed|chose|settled on|concluded|approved|resolved)\b/i,
  /\b(?:decision|agreed|consensus|final call|verdict)\s*(?:is|was|:)/i,
  /\b(?:let's|let us|we(?:'ll| will)|we are|we're)\s+(?:go(?:ing)?\s+with|stick with|adopt|switch to|move forward with|keep)\b/i,
  /^(?:decided|decision|agreed|resolved)\b/i,
  /\bit(?:'s| is) (?:decided|agreed)\b/i,
];
const TASK = [
  /\b(?:action item|todo|to-do|follow[- ]up|next step)s?\b/i,
  /\b(?:i|i'll|we'll|you'll|he'll|she'll|they'll|\w+)\s+(?:will|'ll|is going to|are going to|needs? to|has to|have to|must)\s+(?:send|prepare|write|update|draft|schedule|review|check|create|fix|share|set up|look into|investigate|follow up|call|email|book|finish|deliver|test|deploy|document|organize|contact|reach out|circulate|compile|confirm)\b/i,
  /^(?:i'll|i will)\s+\w+/i,
  /\b(?:can you|could you|please)\s+(?:send|prepare|write|update|draft|schedule|review|check|create|fix|share|set up|look into|investigate|follow up|call|email|book|finish|confirm)\b/i,
  /\b(?:by|before|until)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|end of (?:the )?(?:day|week|month|sprint)|next (?:week|meeting|sprint))\b/i,
  /\b(?:assigned to|owner is|owned by)\b/i,
];
const STOP = new Set(
  'a an and are as at be been but by can could did do does for from had has have he her him his i if in into is it its just let like me my no not of on or our out over she so than that the their them then there these they this to too up us very was we were what when where which who will with would yes you your okay ok yeah um uh right well going get got also really think know'.split(
    ' ',
  ),
);

const SPEAKER = /^\s*(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?\s*)?(?:-\s*)?([A-Z][\w .'-]{0,40}?)\s*:\s+(.*)$/;
const TIMESTAMP = /^\s*\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?\s*/;

function sentences(transcript: string): Sentence[] {
  const out: Sentence[] = [];
  for (const rawLine of transcript.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    const m = SPEAKER.exec(line);
    const speaker = m ? (m[1] as string).trim() : null;
    const body = (m ? (m[2] as string) : line.replace(TIMESTAMP, '')).trim();
    for (const part of body.split(/(?<=[.!?])\s+(?=[A-Z0-9"'])/)) {
      const text = part.trim();
      if (text.length >= 3) out.push({ speaker, text, index: out.length });
    }
  }
  return out;
}

/** Bare acknowledgements ("Agreed.", "Decided!") carry no content of their own. */
const MIN_WORDS = 4;

const words = (text: string) => (text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? []).filter((w) => !STOP.has(w));

function clean(text: string): string {
  return text
    .replace(/^(?:so|okay|ok|alright|well|and|right|yes|yeah|sure|fine|great|good)[,\s]+/i, '')
    .replace(/^(?:action item|todo|to-do|decision|decided|agreed|next steps?)\s*[:-]\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\w/, (c) => c.toUpperCase());
}

/** "I'll send the notes" said by Bob becomes "Bob will send the notes". */
function attribute(s: Sentence, text: string): string {
  if (!s.speaker) return text;
  const replaced = text.replace(/^(?:i'll|i will|i am going to|i'm going to)\s+/i, `${s.speaker} will `);
  return replaced === text && !/^\w+\s+(?:will|to)\b/i.test(text) && /^(?:i|we)\b/i.test(text)
    ? `${s.speaker}: ${text}`
    : replaced;
}

const unique = (items: string[]) => [...new Map(items.map((i) => [i.toLowerCase(), i])).values()];

export function summarizeExtractive(transcript: string, maxSummarySentences = 3): TranscriptSummary {
  const all = sentences(transcript);
  if (all.length === 0) return { summary: '', key_decisions: [], follow_up_tasks: [] };

  const decisions: string[] = [];
  const tasks: string[] = [];
  for (const s of all) {
    if (s.text.endsWith('?') && !/\b(?:can you|could you)\b/i.test(s.text)) continue;
    if (s.text.split(/\s+/).length < MIN_WORDS) continue;
    if (DECISION.some((re) => re.test(s.text))) decisions.push(clean(s.text));
    else if (TASK.some((re) => re.test(s.text))) tasks.push(attribute(s, clean(s.text)));
  }

  const freq = new Map<string, number>();
  for (const s of all) for (const w of words(s.text)) freq.set(w, (freq.get(w) ?? 0) + 1);
  const scored = all
    .map((s) => {
      const ws = words(s.text);
      const score = ws.length ? ws.reduce((sum, w) => sum + (freq.get(w) ?? 0), 0) / Math.sqrt(ws.length) : 0;
      return { s, score };
    })
    .filter((x) => x.s.text.length > 15)
    .sort((a, b) => b.score - a.score || a.s.index - b.s.index)
    .slice(0, maxSummarySentences)
    .sort((a, b) => a.s.index - b.s.index);

  const speakers = unique(all.map((s) => s.speaker).filter((x): x is string => Boolean(x)));
  const who = speakers.length ? `Participants: ${speakers.join(', ')}. ` : '';
  const counts = `${decisions.length} decision${decisions.length === 1 ? '' : 's'} and ${tasks.length} follow-up task${tasks.length === 1 ? '' : 's'} identified.`;
  const gist = scored.map((x) => clean(x.s.text)).join(' ');
  return {
    summary: `${who}${gist}${gist ? ' ' : ''}${counts}`.trim(),
    key_decisions: unique(decisions),
    follow_up_tasks: unique(tasks),
  };
}
