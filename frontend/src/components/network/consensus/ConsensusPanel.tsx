import type { ProposalKind } from '@pagi/contracts';
import { type ReactNode, useState } from 'react';
import { useProposals } from '../../../hooks/useProposals.ts';
import { Panel } from '../../common/Panel.tsx';
import { StateMessage } from '../../common/StateMessage.tsx';
import { ArtifactList } from './ArtifactList.tsx';
import { ProposalHistory } from './ProposalHistory.tsx';
import { ProposeForm, type ProposeRequest } from './ProposeForm.tsx';
import { VoteCard } from './VoteCard.tsx';
import './consensus.css';

/** Consensus Sync in the Network view: open proposals to vote on, a form to propose, applied artifacts, history. */
export function ConsensusPanel() {
  const c = useProposals();
  const [request, setRequest] = useState<ProposeRequest | null>(null);
  const ask = (kind: ProposalKind, target: string, rollbackTo: number | null) =>
    setRequest({ kind, target, rollbackTo, at: Date.now() });

  let body: ReactNode;
  if (c.off) {
    body = (
      <StateMessage
        kind="empty"
        title="Consensus Sync is off on this twin"
        detail={`Fleet-wide proposals and votes travel between the twins of a mesh, and ${c.off}.`}
      />
    );
  } else if (!c.loaded) {
    body = <StateMessage kind="loading" title="Reading the fleet's proposals…" />;
  } else {
    const open = c.proposals.filter((p) => p.status === 'open');
    const decided = c.proposals.filter((p) => p.status !== 'open');
    body = (
      <>
        {c.error && <StateMessage kind="error" compact title="Proposals could not be refreshed" detail={c.error} />}
        <Panel
          title="Open proposals"
          subtitle="Changes the fleet is voting on; tallies move live"
          className="consensus__wide"
          testId="open-proposals"
        >
          {open.length === 0 ? (
            <StateMessage
              kind="empty"
              compact
              title="Nothing to vote on"
              detail="A proposal from any twin of the fleet appears here as a vote card."
            />
          ) : (
            <div className="vote-cards">
              {open.map((p) => (
                <VoteCard key={p.id} proposal={p} onVote={c.vote} />
              ))}
            </div>
          )}
        </Panel>
        <Panel title="Propose a change" subtitle="Every voter of the fleet gets a vote card">
          <ProposeForm artifacts={c.artifacts} request={request} onPropose={c.propose} />
        </Panel>
        <Panel title="Applied artifacts" subtitle="What the fleet changed on this node" testId="artifacts">
          <ArtifactList
            artifacts={c.artifacts}
            onEdit={(kind, target) => ask(kind, target, null)}
            onRollback={(kind, target, version) => ask(kind, target, version)}
          />
        </Panel>
        <Panel
          title="Decided proposals"
          subtitle="Votes, each node's application, and the diff"
          className="consensus__wide"
          testId="proposal-history"
        >
          {decided.length === 0 ? (
            <StateMessage kind="empty" compact title="No proposal decided yet" />
          ) : (
            <ProposalHistory proposals={decided} />
          )}
        </Panel>
      </>
    );
  }
  return (
    <section className="consensus" data-testid="consensus-panel" aria-labelledby="consensus-heading">
      <h2 id="consensus-heading" className="consensus__heading">
        Consensus Sync
      </h2>
      {body}
    </section>
  );
}
