import type { CSSProperties } from 'react';
import { domainColor, domainLabel } from '../../lib/domains.ts';

export function DomainBadge({ domain }: { domain: string | null | undefined }) {
  return (
    <span className="domain-badge" style={{ '--domain': domainColor(domain) } as CSSProperties}>
      <span className="dot" aria-hidden="true" />
      {domainLabel(domain)}
    </span>
  );
}
