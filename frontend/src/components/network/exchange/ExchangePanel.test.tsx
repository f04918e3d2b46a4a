// The Exchange panel against a gateway whose mesh is off, and against one with an overview to show.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExchangePanel } from './ExchangePanel.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const HINT = 'the mesh is off on this node: set MESH_ENABLED=true and MESH_SWARM_KEY, then restart';
const PEER = '12D3KooWAwayPeerIdentityForTheExchangePanel';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('ExchangePanel', () => {
  it('says the Memory Exchange is off when the mesh is off', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ error: { code: 'failed_precondition', message: HINT } }, 409)),
    );
    render(<ExchangePanel nodes={[]} />);
    const panel = screen.getByTestId('exchange-panel');
    expect((await screen.findByText('The Memory Exchange is off on this twin')).closest('section')).toBe(panel);
    expect(panel.textContent).toContain(HINT);
    expect(screen.queryByTestId('offer-form')).toBeNull();
  });

  it('lists offers, what was shared and what was received', async () => {
    const now = Date.now();
    vi.stubGlobal(
      'EventSource',
      class {
        addEventListener() {}
        close() {}
      },
    );
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({
          offers: [{ topic: 'work', domain: 'mind', query: '', description: 'project notes', created_at_ms: now }],
          subscriptions: [],
          grants: [{ peer: PEER, peer_name: 'away', topic: 'work', created_at_ms: now, revoked_at_ms: null }],
          requests: [],
          shared: [
            { peer: PEER, peer_name: 'away', origin_id: 'a', topic: 'work', shared_at_ms: now, revoked_at_ms: null },
            { peer: PEER, peer_name: 'away', origin_id: 'b', topic: 'work', shared_at_ms: now, revoked_at_ms: now },
          ],
          received: [
            {
              origin_peer: PEER,
              origin_name: 'away',
              origin_twin: 'twin-away',
              origin_id: 'r',
              memory_id: 'x',
              topic: 'recipes',
              content: 'Bread: flour, water, salt, [PHONE] for the bakery.',
              redactions: [{ type: 'PHONE', count: 1 }],
              received_at_ms: now,
            },
          ],
        }),
      ),
    );
    render(<ExchangePanel nodes={[]} />);
    const offer = await screen.findByTestId('offer-work');
    expect(offer.textContent).toContain('project notes');
    expect(within(screen.getByTestId('grant-work')).getByText('away')).toBeTruthy();
    const shared = within(screen.getByTestId('shared-list')).getByTestId('shared-work');
    expect(shared.getAttribute('data-held')).toBe('1');
    expect(shared.textContent).toContain('1 memory held there');
    const received = within(screen.getByTestId('received-list')).getByTestId('received-recipes');
    expect(received.textContent).toContain('[PHONE] for the bakery');
    expect(within(received).getByTestId('redaction-badge').textContent).toBe('PHONE ×1');
    expect(screen.getByText('No share request')).toBeTruthy();
  });
});
