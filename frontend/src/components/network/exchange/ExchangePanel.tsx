import type { FleetNode } from '@pagi/contracts';
import type { ReactNode } from 'react';
import { useExchange } from '../../../hooks/useExchange.ts';
import { Panel } from '../../common/Panel.tsx';
import { StateMessage } from '../../common/StateMessage.tsx';
import { Grants } from './Grants.tsx';
import { OfferForm } from './OfferForm.tsx';
import { OfferList } from './OfferList.tsx';
import { ReceivedList } from './ReceivedList.tsx';
import { RedactionPreview } from './RedactionPreview.tsx';
import { SharedList } from './SharedList.tsx';
import { ShareRequestCard } from './ShareRequestCard.tsx';
import { Subscriptions } from './Subscriptions.tsx';
import './exchange.css';

/**
 * The Memory Exchange in the Network view: peers' requests for this twin's topics as approval cards, the topics it
 * offers and follows, standing grants, and what went to and came from whom.
 */
export function ExchangePanel({ nodes }: { nodes: FleetNode[] }) {
  const x = useExchange();
  const peers = nodes.filter((n) => !n.self);
  const { overview: o } = x;

  let body: ReactNode;
  if (x.off) {
    body = (
      <StateMessage
        kind="empty"
        title="The Memory Exchange is off on this twin"
        detail={`Memories are shared between the twins of a mesh, and ${x.off}.`}
      />
    );
  } else if (!x.loaded) {
    body = <StateMessage kind="loading" title="Reading the Memory Exchange…" />;
  } else {
    // A failed send stays open: approving it again retries exactly the same memories.
    const asking = o.requests.filter((r) => r.status === 'pending' || r.status === 'failed');
    body = (
      <>
        {x.error && <StateMessage kind="error" compact title="The exchange could not be refreshed" detail={x.error} />}
        <Panel
          title="Share requests"
          subtitle="Peers asking for a topic; nothing leaves before you approve"
          className="exchange__wide"
          testId="share-requests"
        >
          {asking.length === 0 ? (
            <StateMessage
              kind="empty"
              compact
              title="No share request"
              detail="A peer subscribing to an offered topic appears here, with the exact memories it would get."
            />
          ) : (
            <div className="share-cards">
              {asking.map((r) => (
                <ShareRequestCard key={r.id} request={r} onApprove={x.approve} onDeny={x.deny} />
              ))}
            </div>
          )}
        </Panel>
        <Panel title="Offers" subtitle="Topics peers may ask for" testId="exchange-offers">
          <OfferList offers={o.offers} onRemove={x.removeOffer} />
          <h3 className="exchange__subheading">Offer a topic</h3>
          <OfferForm onOffer={x.addOffer} />
        </Panel>
        <Panel title="Subscriptions" subtitle="Peers' topics this twin follows" testId="exchange-subscriptions">
          <Subscriptions
            subscriptions={o.subscriptions}
            peers={peers}
            onSubscribe={x.subscribe}
            onUnsubscribe={x.unsubscribe}
          />
        </Panel>
        <Panel title="Standing grants" subtitle="Shared without asking, until revoked" testId="exchange-grants">
          <Grants grants={o.grants} offers={o.offers} peers={peers} onGrant={x.addGrant} onRevoke={x.revokeGrant} />
        </Panel>
        <Panel title="Redaction preview" subtitle="What redaction makes of a text before it leaves">
          <RedactionPreview />
        </Panel>
        <Panel title="Shared with" subtitle="What this twin sent, to whom" testId="shared-list">
          <SharedList shared={o.shared} onRevoke={x.revokeShared} />
        </Panel>
        <Panel title="Received from" subtitle="What peers sent this twin" testId="received-list">
          <ReceivedList received={o.received} />
        </Panel>
      </>
    );
  }
  return (
    <section className="exchange" data-testid="exchange-panel" aria-labelledby="exchange-heading">
      <h2 id="exchange-heading" className="exchange__heading">
        Memory Exchange
      </h2>
      {body}
    </section>
  );
}
