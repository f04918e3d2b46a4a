import type { OutboundMemory } from '@pagi/contracts';
import { DomainBadge } from '../../common/DomainBadge.tsx';
import { VisibleText } from '../../common/VisibleText.tsx';
import { RedactionBadges } from './RedactionBadges.tsx';

/** Memories exactly as they would leave this twin: redacted text, domain and what was replaced. */
export function MemoryList({ memories, label }: { memories: OutboundMemory[]; label: string }) {
  if (memories.length === 0) return <p className="muted small">No memory in this topic right now.</p>;
  return (
    <ol className="exchange-memories" aria-label={label}>
      {memories.map((m) => (
        <li key={m.origin_id} className="exchange-memory" data-testid="outbound-memory" data-origin={m.origin_id}>
          <p className="exchange-memory__text">
            <VisibleText text={m.content} />
          </p>
          <div className="row">
            <DomainBadge domain={m.domain} />
            <RedactionBadges redactions={m.redactions} />
          </div>
        </li>
      ))}
    </ol>
  );
}
