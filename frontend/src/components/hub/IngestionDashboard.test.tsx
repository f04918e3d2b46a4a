// The Hub's ingestion panel marks a file stored with a doubtful domain and counts the files that need a look.
import type { IngestStatusResponse } from '@pagi/contracts';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../context/auth/AuthContext.tsx';
import { IngestionProvider } from '../../context/ingestion/IngestionContext.tsx';
import { ToastProvider } from '../../context/toast/ToastContext.tsx';
import { doubtfulFile, file, me } from '../../test/fixtures.ts';
import { IngestionDashboard } from './IngestionDashboard.tsx';

class QuietEventSource {
  static readonly CLOSED = 2;
  addEventListener() {}
  close() {}
}

const status: IngestStatusResponse = {
  status: {
    is_active: false,
    files_processed: 2,
    files_failed: 0,
    files_low_confidence: 1,
    current_file: null,
    last_error: null,
  },
  files: [
    doubtfulFile({ id: 'mixed', name: 'weekly-check-in.md', chunks_done: 1, chunks_total: 1 }),
    file({
      id: 'clear',
      name: 'run-log-march.txt',
      title: 'Run Log March',
      stage: 'stored',
      domain: 'body',
      confidence: 0.98,
      low_confidence: false,
      runner_up: 'mind',
      runner_up_confidence: 0.01,
      chunks_done: 1,
      chunks_total: 1,
    }),
  ],
};

beforeEach(() => {
  vi.stubGlobal('EventSource', QuietEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(status), { headers: { 'content-type': 'application/json' } })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rowOf = (name: string) =>
  document.querySelector(`[data-testid="ingest-file"][data-name="${name}"]`) as HTMLElement;

describe('ingestion dashboard', () => {
  it('badges the low-confidence file with both percentages and counts it for review', async () => {
    render(
      <ToastProvider>
        <AuthProvider initial={me()}>
          <IngestionProvider>
            <IngestionDashboard />
          </IngestionProvider>
        </AuthProvider>
      </ToastProvider>,
    );
    const badge = await screen.findByTestId('low-confidence');
    expect(rowOf('weekly-check-in.md').contains(badge)).toBe(true);
    expect(badge.textContent).toContain('Low confidence');
    expect(badge.getAttribute('title')).toBe('Heart 66%, next: Body 32% — check the domain');
    // Screen readers get the figures too, not only sighted users hovering for the title.
    expect(badge.textContent).toContain('Heart 66%, next: Body 32%');
    expect(within(rowOf('run-log-march.txt')).queryByTestId('low-confidence')).toBeNull();
    expect(rowOf('weekly-check-in.md').dataset.review).toBe('true');
    expect(screen.getByTestId('ingest-review').textContent).toBe('1');
  });
});
