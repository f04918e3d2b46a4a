// Citations in an answer, end to end in jsdom: the real providers and components; the test plays the gateway's
// part over an in-memory socket and answers the source viewer's request itself.
import type { KnowledgeSourceResponse, MemoryHit } from '@pagi/contracts';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket, renderChat } from '../../test/chat-harness.tsx';
import { memoryAction } from '../../test/fixtures.ts';

const hit = (n: number, over: Partial<MemoryHit> = {}): MemoryHit => ({
  id: `m${n}`,
  content: `Text of hit ${n}.`,
  domain: 'soul',
  score: 0.9 - n / 10,
  source_file: `ingest:doc-${n}.md`,
  chunk_index: 1,
  title: `Document ${n}`,
  metadata: {},
  ...over,
});
const HITS = [hit(1), hit(2, { sources: ['ingest:doc-2.md', 'ingest:copy-of-doc-2.md'] }), hit(3)];
const ANSWER =
  'Rotate keys [2] and use the vault [1, 3]. Not a hit: [9]. Code: `keys[2]`\n```\nlist[1]\n```\nDone [1][2].';
const DOC_2: KnowledgeSourceResponse = {
  file: 'ingest:doc-2.md',
  title: 'Document 2',
  domain: 'soul',
  chunks: [
    { id: 'm2a', index: 0, content: 'Opening of document 2.' },
    { id: 'm2', index: 1, content: 'Text of hit 2.' },
    { id: 'm2c', index: 2, content: 'Closing of document 2.' },
  ],
  truncated: false,
};

let sourceRequests: string[] = [];
beforeEach(() => {
  sourceRequests = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (!String(url).includes('/api/knowledge/source'))
        return new Response(JSON.stringify({ sessions: [] }), { status: 200 });
      sourceRequests.push(String(url));
      return new Response(JSON.stringify(DOC_2), { status: 200 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A turn whose approved memory search found HITS and whose answer cites them. */
async function answeredTurn() {
  const socket = renderChat();
  await userEvent.type(screen.getByLabelText('Message your twin'), 'search my memory for keys{Enter}');
  const { session_id } = socket.sent.find((f) => f.type === 'chat') as { session_id: string };
  const action = memoryAction({ session_id, args: { query: 'keys', domains: [], top_k: 5, namespace: 'kb' } });
  act(() => {
    socket.push({ type: 'approval_required', job_id: 'job-1', session_id, action });
    socket.push({
      type: 'action_result',
      job_id: 'job-1',
      session_id,
      action: { ...action, status: 'executed' },
      result: { kind: 'query_memory', query: 'keys', results: HITS, domain_attribution: {} },
    });
    socket.push({ type: 'response', job_id: 'job-1', session_id, done: true, message: ANSWER, status: 'completed' });
  });
  return screen.getByTestId('final-answer');
}

describe('citations in an answer', () => {
  it('numbers each hit card and names its domain and every source file', async () => {
    await answeredTurn();
    const cards = screen.getAllByTestId('memory-hit');
    expect(cards.map((c) => c.querySelector('.hit__num')?.textContent)).toEqual(['[1]', '[2]', '[3]']);
    expect(within(cards[0]!).getByText('Soul')).toBeDefined();
    expect(
      within(cards[1]!)
        .getAllByTestId('hit-source')
        .map((b) => b.textContent),
    ).toEqual(['ingest:doc-2.md · chunk 1', 'ingest:copy-of-doc-2.md']);
  });

  it('links markers that name a hit, leaves [9] and code alone, and highlights the cited card', async () => {
    const answer = await answeredTurn();
    const links = [...answer.querySelectorAll('button.cite')];
    expect(links.map((b) => b.textContent)).toEqual(['[2]', '1', '3', '[1]', '[2]']);
    expect(answer.textContent).toContain('Not a hit: [9].');
    expect(answer.querySelector('code')?.textContent).toBe('keys[2]');
    expect(answer.querySelector('pre')?.textContent).toBe('list[1]\n');
    expect(answer.querySelectorAll('code button, pre button')).toHaveLength(0);

    const cite = within(answer).getAllByRole('button', { name: 'Source 2: Document 2' })[0]!;
    cite.focus();
    await userEvent.keyboard('{Enter}');
    const cards = screen.getAllByTestId('memory-hit');
    expect(cards[1]!.dataset.highlighted).toBe('true');
    expect(cards[1]!.className).toContain('hit--highlighted');
    expect(cards[0]!.dataset.highlighted).toBeUndefined();
    expect(document.activeElement).toBe(cards[1]);

    await userEvent.click(within(answer).getByRole('button', { name: 'Source 3: Document 3' }));
    expect(cards[2]!.dataset.highlighted).toBe('true');
    expect(cards[1]!.dataset.highlighted).toBeUndefined();
  });

  it('opens the whole source document with the cited chunk marked, and closes on Escape', async () => {
    await answeredTurn();
    const card = screen.getAllByTestId('memory-hit')[1]!;
    const open = within(card).getByRole('button', { name: 'Open ingest:doc-2.md' });
    await userEvent.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Document 2' });
    expect(sourceRequests).toEqual(['/api/knowledge/source?file=ingest%3Adoc-2.md&namespace=kb']);
    const chunks = await within(dialog).findAllByRole('listitem');
    expect(chunks.map((c) => c.textContent)).toEqual(DOC_2.chunks.map((c) => c.content));
    expect(chunks.map((c) => c.getAttribute('aria-current'))).toEqual([null, 'true', null]);
    expect(dialog.textContent).toContain('ingest:doc-2.md');
    expect(within(dialog).getByText('Soul')).toBeDefined();

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
  });
});
