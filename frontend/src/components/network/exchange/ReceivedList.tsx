import type { ReceivedRecord } from '@pagi/contracts';
import { StateMessage } from '../../common/StateMessage.tsx';
import { VisibleText } from '../../common/VisibleText.tsx';
import { shortPeer, who } from '../consensus/labels.ts';
import { RedactionBadges } from './RedactionBadges.tsx';
import { When } from './When.tsx';

/** A received memory is shown this long; the whole text is in memory search. */
const EXCERPT_CHARS = 280;

const excerpt = (text: string) => (text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text);

/** What peers shared with this twin: from whom, on which topic, the text as it arrived (redacted by the sender). */
export function ReceivedList({ received }: { received: ReceivedRecord[] }) {
  if (received.length === 0)
    return (
      <StateMessage
        kind="empty"
        compact
        title="Nothing received yet"
        detail="Memories arrive here once a peer approves a subscription."
      />
    );
  const newest = [...received].sort((a, b) => b.received_at_ms - a.received_at_ms);
  return (
    <ul className="exchange-list" aria-label="Received from">
      {newest.map((r) => (
        <li
          key={`${r.origin_peer}/${r.origin_id}`}
          className="exchange-item"
          data-testid={`received-${r.topic}`}
          data-origin={r.origin_id}
        >
          <div className="row">
            <strong>{who(r.origin_name, r.origin_peer)}</strong>
            <span className="mono small muted" title={r.origin_peer}>
              {shortPeer(r.origin_peer)}
            </span>
            <span className="muted">on</span> <code>{r.topic}</code>
            <span className="muted small">
              <When ms={r.received_at_ms} />
            </span>
          </div>
          <p className="exchange-memory__text">
            <VisibleText text={excerpt(r.content)} />
          </p>
          <RedactionBadges redactions={r.redactions} />
        </li>
      ))}
    </ul>
  );
}
