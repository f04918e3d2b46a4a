import {
  type Domain,
  type FileProgress,
  INGEST_STATUS_MAX_FILES,
  type IngestEvent,
  type IngestSummary,
} from '@pagi/contracts';
import { domainLabel } from '../../lib/domains.ts';

/** How a notice is shown: in the domain's colour for a stored file, as an error for a failed one. */
export type NoticeTone = Domain | 'success' | 'error';

export interface IngestionState {
  files: Record<string, FileProgress>;
  summary: IngestSummary | null;
  /** Completion and failure messages not shown yet (drained by the provider into toasts). */
  completions: { key: string; message: string; tone: NoticeTone }[];
  /** Keys of completions already announced, so replays and polling never toast twice. */
  announced: Record<string, true>;
  /** Files seen before they finished: only those announce a completion found by polling. */
  seenActive: Record<string, true>;
  /** Files that left the knowledge base since the page opened. */
  removed: number;
}

export const initialIngestionState: IngestionState = {
  files: {},
  summary: null,
  completions: [],
  announced: {},
  seenActive: {},
  removed: 0,
};

const TERMINAL = new Set(['stored', 'skipped', 'failed', 'cancelled']);
export const isTerminal = (f: FileProgress) => TERMINAL.has(f.stage);

/** Share of the work done, 0..1, from the stage and the chunk counters. */
export function progressOf(f: FileProgress): number {
  switch (f.stage) {
    case 'queued':
      return 0.03;
    case 'reading':
      return 0.12;
    case 'classifying':
      return 0.25;
    case 'chunking':
      return 0.4;
    case 'storing':
      return f.chunks_total > 0 ? 0.45 + 0.5 * Math.min(1, f.chunks_done / f.chunks_total) : 0.6;
    default:
      return 1;
  }
}

const pct = (x: number | null | undefined) => `${Math.round((x ?? 0) * 100)}%`;

/** Stored in a domain the classifier was unsure of: someone should check it. */
export const needsReview = (f: FileProgress) =>
  Boolean(f.low_confidence) && (f.stage === 'stored' || f.stage === 'skipped');

/** "Heart 66%, next: Body 32%" (the runner-up only when one domain holds that place). */
export function confidenceText(f: FileProgress): string {
  const next = f.runner_up ? `, next: ${domainLabel(f.runner_up)} ${pct(f.runner_up_confidence)}` : '';
  return `${domainLabel(f.domain)} ${pct(f.confidence)}${next}`;
}

/**
 * "Security Audit classified as SOUL (98% confidence)", or as the server words a doubtful one:
 * "Weekly Check In classified as HEART with low confidence (66%; next: BODY 32%) — check the domain".
 */
export function completionMessage(f: FileProgress): string {
  const title = f.title || f.name.replace(/\.[^.]+$/, '');
  if (!f.domain) return `${title} ingested`;
  if (f.manual_domain) return `${title} re-filed as ${f.domain.toUpperCase()}`;
  const head = `${title} classified as ${f.domain.toUpperCase()}`;
  if (f.low_confidence) {
    const next = f.runner_up ? `; next: ${f.runner_up.toUpperCase()} ${pct(f.runner_up_confidence)}` : '';
    return `${head} with low confidence (${pct(f.confidence)}${next}) — check the domain`;
  }
  return f.confidence == null ? head : `${head} (${pct(f.confidence)} confidence)`;
}

/** "scanner-dump.md could not be ingested: binary content (a NUL byte at offset 2), not text" */
export const failureMessage = (f: FileProgress) => `${f.name} could not be ingested: ${f.error ?? 'unknown error'}`;

const completionKey = (f: FileProgress) => `${f.id}@${f.updated_at}`;

/** Newer information wins; events may arrive out of order with polling answers. */
function upsert(state: IngestionState, file: FileProgress): IngestionState {
  const prev = state.files[file.id];
  if (prev && prev.updated_at > file.updated_at) return state;
  const seenActive = isTerminal(file) ? state.seenActive : { ...state.seenActive, [file.id]: true as const };
  return { ...state, files: { ...state.files, [file.id]: file }, seenActive };
}

function announce(state: IngestionState, file: FileProgress, message: string, tone?: NoticeTone): IngestionState {
  const key = completionKey(file);
  if (state.announced[key]) return state;
  return {
    ...state,
    announced: { ...state.announced, [key]: true },
    completions: [...state.completions, { key, message, tone: tone ?? file.domain ?? 'success' }],
  };
}

/** A file that fails while the page is open is news too (not one that had failed before). */
function announceFailure(state: IngestionState, file: FileProgress, wasActive: boolean): IngestionState {
  return file.stage === 'failed' && wasActive ? announce(state, file, failureMessage(file), 'error') : state;
}

function forget(state: IngestionState, id: string): IngestionState {
  if (!state.files[id]) return state;
  const { [id]: _gone, ...files } = state.files;
  const { [id]: _seen, ...seenActive } = state.seenActive;
  return { ...state, files, seenActive, removed: state.removed + 1 };
}

/**
 * Files a whole status list no longer names were deleted while no event said so (the stream was down): those last
 * changed before the list was read go. A list cut at its maximum is not whole.
 */
function pruneMissing(state: IngestionState, files: FileProgress[], readAt: string | undefined): IngestionState {
  if (!readAt || files.length >= INGEST_STATUS_MAX_FILES) return state;
  const listed = new Set(files.map((f) => f.id));
  let next = state;
  for (const f of Object.values(state.files))
    if (!listed.has(f.id) && f.updated_at <= readAt) next = forget(next, f.id);
  return next;
}

export type IngestionAction =
  | { type: 'event'; event: IngestEvent }
  | { type: 'snapshot'; summary: IngestSummary; files: FileProgress[]; initial: boolean; readAt?: string }
  | { type: 'removed'; id: string }
  | { type: 'drain' };

export function ingestionReducer(state: IngestionState, action: IngestionAction): IngestionState {
  switch (action.type) {
    case 'event': {
      const ev = action.event;
      if (ev.type === 'status') return { ...state, summary: ev.status };
      if (ev.type === 'removed') return forget(state, ev.id);
      const wasActive = Boolean(state.seenActive[ev.file.id]);
      const next = upsert(state, ev.file);
      if (ev.type === 'completed') return announce(next, ev.file, ev.message);
      return announceFailure(next, ev.file, wasActive);
    }
    case 'snapshot': {
      let next: IngestionState = pruneMissing({ ...state, summary: action.summary }, action.files, action.readAt);
      for (const file of action.files) {
        const wasActive = Boolean(next.seenActive[file.id]);
        next = upsert(next, file);
        if (action.initial) {
          // Files finished before the page opened are history, not news.
          if (isTerminal(file)) next = { ...next, announced: { ...next.announced, [completionKey(file)]: true } };
        } else if (wasActive && file.stage === 'stored') {
          next = announce(next, file, completionMessage(file));
        } else {
          next = announceFailure(next, file, wasActive);
        }
      }
      return next;
    }
    case 'removed':
      return forget(state, action.id);
    case 'drain':
      return state.completions.length ? { ...state, completions: [] } : state;
  }
}

export interface IngestionTotals {
  processed: number;
  failed: number;
  active: number;
  /** Stored files whose domain needs a look. */
  review: number;
  total: number;
}

/** Summary counts: the server's own totals when known, never fewer than the files listed here. */
export function aggregate(files: FileProgress[], summary: IngestSummary | null): IngestionTotals {
  let stored = 0;
  let failed = 0;
  let active = 0;
  let review = 0;
  for (const f of files) {
    if (needsReview(f)) review += 1;
    if (f.stage === 'stored' || f.stage === 'skipped') stored += 1;
    else if (f.stage === 'failed') failed += 1;
    else if (f.stage !== 'cancelled') active += 1;
  }
  return {
    processed: Math.max(stored, summary?.files_processed ?? 0),
    failed: Math.max(failed, summary?.files_failed ?? 0),
    active,
    review: Math.max(review, summary?.files_low_confidence ?? 0),
    total: files.length,
  };
}

/** Active files first (most recent first), then finished ones, most recent first. */
export function orderFiles(files: FileProgress[]): FileProgress[] {
  return files.slice().sort((a, b) => {
    const ta = isTerminal(a) ? 1 : 0;
    const tb = isTerminal(b) ? 1 : 0;
    if (ta !== tb) return ta - tb;
    return b.updated_at.localeCompare(a.updated_at);
  });
}

/** Mean classification confidence per domain over the files classified into it. */
export function confidenceByDomain(files: FileProgress[]): Record<Domain, { mean: number | null; files: number }> {
  const acc: Record<Domain, { sum: number; n: number }> = {
    mind: { sum: 0, n: 0 },
    body: { sum: 0, n: 0 },
    heart: { sum: 0, n: 0 },
    soul: { sum: 0, n: 0 },
  };
  for (const f of files) {
    if (!f.domain || f.confidence == null || f.stage === 'failed') continue;
    acc[f.domain].sum += f.confidence;
    acc[f.domain].n += 1;
  }
  const out = {} as Record<Domain, { mean: number | null; files: number }>;
  for (const d of Object.keys(acc) as Domain[])
    out[d] = { mean: acc[d].n ? acc[d].sum / acc[d].n : null, files: acc[d].n };
  return out;
}
