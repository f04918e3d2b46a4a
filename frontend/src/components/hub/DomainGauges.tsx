import type { KnowledgeStats } from '@pagi/contracts';
import { useMemo } from 'react';
import { useIngestion } from '../../context/ingestion/IngestionContext.tsx';
import { confidenceByDomain } from '../../context/ingestion/ingestionModel.ts';
import type { Resource } from '../../hooks/useResource.ts';
import { DOMAIN_COLORS, DOMAIN_LABELS, DOMAINS } from '../../lib/domains.ts';
import { Panel } from '../common/Panel.tsx';

const R = 30;
const ARC = Math.PI * R; // half circle

function Gauge({
  value,
  color,
  label,
  detail,
}: {
  value: number | null;
  color: string;
  label: string;
  detail: string;
}) {
  const v = value == null ? 0 : Math.max(0, Math.min(1, value));
  return (
    <figure className="gauge" data-testid={`gauge-${label.toLowerCase()}`}>
      <svg
        viewBox="0 0 80 48"
        role="img"
        aria-label={`${label} confidence ${value == null ? 'unknown' : `${Math.round(v * 100)}%`}`}
      >
        <path d="M10 42 A30 30 0 0 1 70 42" fill="none" stroke="#222a3a" strokeWidth="7" strokeLinecap="round" />
        {v > 0 && (
          <path
            d="M10 42 A30 30 0 0 1 70 42"
            fill="none"
            stroke={color}
            strokeWidth="7"
            strokeLinecap="round"
            strokeDasharray={`${ARC * v} ${ARC}`}
            style={{ transition: 'stroke-dasharray 600ms ease' }}
          />
        )}
        <text x="40" y="40" textAnchor="middle" className="gauge__value">
          {value == null ? '—' : `${Math.round(v * 100)}%`}
        </text>
      </svg>
      <figcaption>
        <span className="gauge__label" style={{ color }}>
          {label}
        </span>
        <span className="muted small">{detail}</span>
      </figcaption>
    </figure>
  );
}

/** Mean classification confidence per domain, with each domain's size in the knowledge base. */
export function DomainGauges({ stats }: { stats: Resource<KnowledgeStats> }) {
  const { allFiles } = useIngestion();
  const conf = useMemo(() => confidenceByDomain(allFiles), [allFiles]);
  return (
    <Panel title="Domain Confidence" subtitle="Mean classification confidence" testId="domain-gauges">
      <div className="gauges">
        {DOMAINS.map((d) => {
          const files = stats.data?.domains[d]?.files ?? conf[d].files;
          return (
            <Gauge
              key={d}
              value={conf[d].mean}
              color={DOMAIN_COLORS[d]}
              label={DOMAIN_LABELS[d]}
              detail={`${files} ${files === 1 ? 'file' : 'files'}`}
            />
          );
        })}
      </div>
    </Panel>
  );
}
