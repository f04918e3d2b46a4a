// A vote card in jsdom: what it shows of a proposal, and how voting and a refused vote read.
import type { ProposalDetail } from '@pagi/contracts';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../services/http.ts';
import { VoteCard } from './VoteCard.tsx';

afterEach(cleanup);

const ID = 'ab'.repeat(32);
const proposal = (over: Partial<ProposalDetail> = {}): ProposalDetail => ({
  id: ID,
  kind: 'agent_template',
  target: 'researcher',
  proposer: '12D3KooWProposerPeerIdentity',
  proposer_name: 'away',
  reason: 'a template for research',
  created_at_ms: Date.now(),
  deadline_ms: Date.now() + 90_000,
  status: 'open',
  tally: { accept: 1, reject: 0, needed: 2, voters: 3 },
  my_vote: null,
  payload: 'name: researcher\n',
  payload_sha256: 'f'.repeat(64),
  base_version: 0,
  base_sha256: 'e'.repeat(64),
  current: { version: 0, sha256: 'e'.repeat(64), content: '' },
  voters: [],
  decided_at_ms: null,
  votes: [],
  applied: {},
  applications: [],
  equivocations: [],
  can_vote: true,
  vote_blocked: null,
  ...over,
});

describe('VoteCard', () => {
  it('shows the change, who asks, the tally and a countdown, and votes with the reason given', async () => {
    const onVote = vi.fn(async () => undefined);
    render(<VoteCard proposal={proposal()} onVote={onVote} />);
    const card = screen.getByTestId(`vote-card-${ID.slice(0, 12)}`);
    expect(within(card).getByRole('heading').textContent).toContain('researcher');
    expect(within(card).getByTestId('proposer').textContent).toBe('away');
    expect(within(card).getByTestId('tally').textContent).toContain('Accept 1 of 2 needed · Reject 0 · 3 voters');
    expect(within(card).getByTestId('countdown').textContent).toMatch(/^closes in 1 min \d\d s$/);
    expect(card.querySelector('ins')?.textContent).toContain('name: researcher');

    await userEvent.type(within(card).getByLabelText('Reason for your vote (optional)'), 'looks right');
    await userEvent.click(within(card).getByRole('button', { name: 'Accept' }));
    expect(onVote).toHaveBeenCalledWith(ID, 'accept', 'looks right');
  });

  it('says in plain words why a vote was refused', async () => {
    const onVote = vi.fn(async () => {
      throw new ApiError(409, 'failed_precondition', 'the voting deadline has passed');
    });
    render(<VoteCard proposal={proposal()} onVote={onVote} />);
    await userEvent.click(screen.getByTestId('vote-reject'));
    expect(screen.getByRole('alert').textContent).toBe('Your vote was not counted: the voting deadline has passed');
  });

  it('disables voting with the reason when this node cannot vote, and shows its own vote once cast', () => {
    const { rerender } = render(
      <VoteCard
        proposal={proposal({ can_vote: false, vote_blocked: 'this node is not among the proposal’s voters' })}
        onVote={vi.fn()}
      />,
    );
    expect(screen.getByTestId<HTMLButtonElement>('vote-accept').disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>('vote-reject').disabled).toBe(true);
    expect(screen.getByTestId('vote-blocked').textContent).toContain('not among the proposal’s voters');

    rerender(<VoteCard proposal={proposal({ can_vote: false, my_vote: 'accept' })} onVote={vi.fn()} />);
    expect(screen.getByTestId('my-vote').textContent).toContain('You voted to accept');
    expect(screen.queryByTestId('vote-accept')).toBeNull();
  });
});
