// The Hub's documents: listed by name, filtered, re-filed through the domain menu, deleted after a confirmation;
// a viewer sees them without the controls; a file in a format that cannot be read is refused before it is sent.
import type { IngestStatusResponse, MeResponse } from '@pagi/contracts';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../context/auth/AuthContext.tsx';
import { IngestionProvider } from '../../context/ingestion/IngestionContext.tsx';
import { ToastProvider } from '../../context/toast/ToastContext.tsx';
import { file, me, meAsViewer } from '../../test/fixtures.ts';
import { DocumentList } from './DocumentList.tsx';
import { UploadPanel } from './UploadPanel.tsx';

class QuietEventSource {
  static readonly CLOSED = 2;
  addEventListener() {}
  close() {}
}

const stored = (id: string, name: string, title: string, domain: 'mind' | 'soul') =>
  file({
    id,
    name,
    title,
    stage: 'stored',
    domain,
    confidence: 0.9,
    chunks_done: 3,
    chunks_total: 3,
    source: `ingest:${name}`,
  });

const status: IngestStatusResponse = {
  status: { is_active: false, files_processed: 2, files_failed: 0, current_file: null, last_error: null },
  files: [stored('aaaa', 'zeta-plan.md', 'Zeta Plan', 'mind'), stored('bbbb', 'audit.md', 'Security Audit', 'soul')],
  generated_at: '2026-01-01T00:00:10.000Z',
  limits: { max_file_bytes: 1000, formats: ['.md', '.txt'] },
};
const calls: { method: string; url: string; body?: unknown }[] = [];
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal('EventSource', QuietEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (method === 'DELETE')
        return json({ success: true, id: 'bbbb', name: 'audit.md', chunks_deleted: 3, file_deleted: true });
      if (method === 'PATCH')
        return json({ file: { ...status.files[1]!, stage: 'queued', updated_at: '2026-01-01T00:01:00.000Z' } });
      return json(status);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const show = (who: MeResponse) =>
  render(
    <ToastProvider>
      <AuthProvider initial={who}>
        <IngestionProvider>
          <UploadPanel />
          <DocumentList />
        </IngestionProvider>
      </AuthProvider>
    </ToastProvider>,
  );
const names = () => screen.getAllByTestId('document-row').map((r) => r.dataset.name);
const rowOf = (name: string) =>
  document.querySelector(`[data-testid="document-row"][data-name="${name}"]`) as HTMLElement;

describe('document list', () => {
  it('lists documents by title and narrows them with the filter', async () => {
    show(me());
    await waitFor(() => expect(names()).toEqual(['audit.md', 'zeta-plan.md']));
    expect(within(rowOf('audit.md')).getByText('audit.md')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Filter documents'), { target: { value: 'mind' } });
    expect(names()).toEqual(['zeta-plan.md']);
  });

  it('re-files a document through its domain menu and deletes one after a confirmation', async () => {
    show(me());
    await waitFor(() => expect(names()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('Domain of Security Audit'), { target: { value: 'body' } });
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      url: '/api/knowledge/documents/bbbb',
      body: { domain: 'body' },
    });
    await waitFor(() => expect(rowOf('audit.md').dataset.stage).toBe('queued'));

    fireEvent.click(screen.getByLabelText('Delete Zeta Plan'));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(rowOf('zeta-plan.md')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(names()).toEqual(['audit.md']));
    expect(calls.find((c) => c.method === 'DELETE')?.url).toBe('/api/knowledge/documents/aaaa');
  });

  it('shows a viewer the documents and their domains without controls or the upload panel', async () => {
    show(meAsViewer());
    await waitFor(() => expect(names()).toHaveLength(2));
    expect(screen.queryByLabelText('Domain of Security Audit')).toBeNull();
    expect(screen.queryByLabelText('Delete Security Audit')).toBeNull();
    expect(within(rowOf('audit.md')).getByText('Soul')).toBeTruthy();
  });
});

describe('upload panel', () => {
  it('refuses a format that cannot be read before sending it, with the reason and no retry', async () => {
    show(me());
    await screen.findByText('.md .txt · up to 1000 B each');
    const input = screen.getByTestId('upload-input') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['MZ'], 'setup.exe')] } });
    const item = await screen.findByTestId('upload-item');
    expect(item.dataset.state).toBe('refused');
    expect(within(item).getByRole('alert').textContent).toBe('unsupported format ".exe" (supported: .md .txt)');
    expect(within(item).queryByRole('button', { name: /retry/i })).toBeNull();
    expect(calls.some((c) => c.url.includes('/upload'))).toBe(false);
    expect((await screen.findAllByTestId('toast'))[0]?.textContent).toContain('setup.exe was not uploaded');
  });
});
