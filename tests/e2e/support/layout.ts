// Layout measured from the DOM: what scrolls sideways, what pokes out of the viewport, which figures are cut.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** The in-page measurement, kept as plain browser JavaScript (the tests' TypeScript has no DOM types). */
const MEASURE = readFileSync(path.join(import.meta.dirname, 'in-page', 'measure-layout.js'), 'utf8').replace(
  /^\/\/.*\n/gm,
  '',
);

export const PHONE = { width: 390, height: 844 };
export const TABLET = { width: 768, height: 1024 };
export const DESKTOP = { width: 1440, height: 900 };

/** Elements that show a figure or a value: their text must fit their box, never be cut mid-number. */
export const FIGURES = [
  '[data-testid^="tm-"]',
  '[data-testid^="settings-"]',
  '[data-testid^="gauge-"]',
  '[data-testid^="ingest-"]',
  '[data-testid^="restarts-"]',
  '[data-testid="atlas-count"]',
  '[data-testid="tally"]',
  '[data-testid="countdown"]',
  '[data-testid="mesh-peers"]',
  '[data-testid="run-steps-used"]',
  '[data-testid="schedule-next"]',
  '[data-testid="agents-pending-badge"]',
  '[data-testid="chat-pending-badge"]',
  '[data-testid="approval-countdown"]',
  '[data-testid="chart-readout"] .figure',
].join(', ');

export interface LayoutReport {
  /** The page itself scrolls sideways. */
  pageScroll: { scrollWidth: number; innerWidth: number } | null;
  /** The main region scrolls sideways. */
  mainScroll: { scrollWidth: number; clientWidth: number } | null;
  /** Elements of the main region wider than the viewport or reaching past its edges (not inside a scroller). */
  wide: string[];
  /** When the page scrolls sideways: elements outside the main region that reach past the viewport. */
  outside: string[];
  /** Figures whose text is wider than their box. */
  cut: string[];
}

/** Measures the current view; everything empty means it fits. */
export function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(`(${MEASURE.trim().replace(/;$/, '')})(${JSON.stringify(FIGURES)})`) as Promise<LayoutReport>;
}

/** True when the report shows nothing out of place. */
export const fits = (r: LayoutReport) => !r.pageScroll && !r.mainScroll && r.wide.length === 0 && r.cut.length === 0;
