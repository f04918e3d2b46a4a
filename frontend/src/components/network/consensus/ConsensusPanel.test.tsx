// The Consensus panel against a gateway whose mesh is off: it says so, with the server's hint, instead of failing.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsensusPanel } from './ConsensusPanel.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const HINT = 'the mesh is off on this node: set MESH_ENABLED=true and MESH_SWARM_KEY, then restart';

describe('ConsensusPanel', () => {
  it('says Consensus Sync is off when the mesh is off', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ error: { code: 'failed_precondition', message: HINT } }), {
          status: 409,
          headers: { 'content-type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    render(<ConsensusPanel />);
    const panel = screen.getByTestId('consensus-panel');
    expect((await screen.findByText('Consensus Sync is off on this twin')).closest('section')).toBe(panel);
    expect(panel.textContent).toContain(HINT);
    expect(screen.queryByTestId('propose-form')).toBeNull();
  });
});
