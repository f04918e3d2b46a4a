// Clicking two nodes in the atlas traces the path between them, as the view's hint says; a third click starts over.

import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IngestionProvider } from '../../context/ingestion/IngestionContext.tsx';
import { ToastProvider } from '../../context/toast/ToastContext.tsx';
import { useAtlas } from './useAtlas.ts';

class QuietEventSource {
  static readonly CLOSED = 2;
  addEventListener() {}
  close() {}
}

const node = (id: string) => ({ id, x: 0, y: 0, z: 0, domain: 'mind', title: id, snippet: '' });
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const traced: unknown[] = [];

beforeEach(() => {
  traced.length = 0;
  vi.stubGlobal('EventSource', QuietEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/api/knowledge/atlas'))
        return json({ nodes: ['a', 'b', 'c'].map(node), edges: [], total: 3, method: 'pca' });
      if (url.includes('/api/knowledge/path')) {
        const body = JSON.parse(String(init?.body));
        traced.push(body);
        return json({
          path: [body.source_id, body.target_id].map((id: string, i: number) => ({
            id,
            title: id,
            similarity: i ? 0.8 : 1,
          })),
          total_strength: 0.8,
          found: true,
        });
      }
      const status = { is_active: false, files_processed: 0, files_failed: 0, current_file: null, last_error: null };
      return json({ status, files: [] });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <ToastProvider>
    <IngestionProvider>{children}</IngestionProvider>
  </ToastProvider>
);

describe('picking atlas nodes', () => {
  it('traces the path once a second node is clicked, and starts over on a third', async () => {
    const { result } = renderHook(() => useAtlas(), { wrapper });
    await waitFor(() => expect(result.current.atlas.data?.nodes).toHaveLength(3));

    act(() => result.current.pick('a'));
    expect(result.current).toMatchObject({ from: 'a', to: null, path: null });
    act(() => result.current.pick('a'));
    expect(result.current.to).toBeNull();
    act(() => result.current.pick('c'));
    await waitFor(() => expect(result.current.path?.found).toBe(true));
    expect(traced).toEqual([{ source_id: 'a', target_id: 'c' }]);
    expect(result.current.path?.path.map((p) => p.id)).toEqual(['a', 'c']);

    act(() => result.current.pick('b'));
    expect(result.current).toMatchObject({ from: 'b', to: null, path: null });
    expect(traced).toHaveLength(1);
  });
});
