// A share-request card in jsdom: it lists exactly the redacted memories and who asks, and each button decides once.
import type { ShareRequest } from '@pagi/contracts';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../services/http.ts';
import { ShareRequestCard } from './ShareRequestCard.tsx';

afterEach(cleanup);

const PEER = '12D3KooWAwayPeerIdentityForTheExchangeCard';
const request = (over: Partial<ShareRequest> = {}): ShareRequest => ({
  id: '0f1e2d3c-4b5a-4678-9abc-def012345678',
  peer: PEER,
  peer_name: 'away',
  peer_twin: 'twin-away',
  topic: 'work',
  memories: [
    {
      origin_id: 'm-1',
      content: 'Send the release notes to [EMAIL] before the demo.',
      domain: 'mind',
      redactions: [{ type: 'EMAIL', count: 1 }],
    },
  ],
  status: 'pending',
  reason: '',
  created_at_ms: Date.now(),
  decided_at_ms: null,
  ...over,
});

describe('ShareRequestCard', () => {
  it('shows the peer, the topic and the memories as they would leave', () => {
    render(<ShareRequestCard request={request()} onApprove={vi.fn()} onDeny={vi.fn()} />);
    const card = screen.getByTestId('share-request-0f1e2d3c');
    expect(within(card).getByRole('heading').textContent).toBe('Share work with away');
    expect(within(card).getByTestId('share-peer').textContent).toBe(`away ${PEER.slice(0, 8)}…${PEER.slice(-6)}`);
    const memory = within(card).getByTestId('outbound-memory');
    expect(memory.textContent).toContain('Send the release notes to [EMAIL] before the demo.');
    expect(within(memory).getByTestId('redaction-badge').textContent).toBe('EMAIL ×1');
    expect(card.textContent).toContain('1 memory, exactly as listed below (after redaction)');
  });

  it('approves, approves with a standing grant, or denies', async () => {
    const onApprove = vi.fn(async () => undefined);
    const onDeny = vi.fn(async () => undefined);
    render(<ShareRequestCard request={request()} onApprove={onApprove} onDeny={onDeny} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    await user.click(screen.getByRole('button', { name: 'Approve and always share this topic with this peer' }));
    await user.click(screen.getByRole('button', { name: 'Deny' }));
    expect(onApprove.mock.calls).toEqual([
      ['0f1e2d3c-4b5a-4678-9abc-def012345678', false],
      ['0f1e2d3c-4b5a-4678-9abc-def012345678', true],
    ]);
    expect(onDeny).toHaveBeenCalledWith('0f1e2d3c-4b5a-4678-9abc-def012345678');
  });

  it('says why nothing was sent when the peer refuses, and shows a failed send for another try', async () => {
    const onApprove = vi.fn(async () => {
      throw new ApiError(502, 'dependency_failed', 'the peer refused the share: not subscribed to work');
    });
    render(
      <ShareRequestCard
        request={request({ status: 'failed', reason: 'timeout' })}
        onApprove={onApprove}
        onDeny={vi.fn()}
      />,
    );
    expect(screen.getByTestId('share-failed').textContent).toBe('The last attempt failed: timeout');
    await userEvent.setup().click(screen.getByTestId('share-approve'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Nothing was sent: the peer refused the share: not subscribed to work',
    );
    expect(screen.getByTestId('share-approve')).toHaveProperty('disabled', false);
  });
});
