import type { KnowledgeStats } from '@pagi/contracts';
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { Resource } from '../../hooks/useResource.ts';
import { DOMAIN_LABELS, DOMAINS } from '../../lib/domains.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';

/** The Mind/Body/Heart/Soul balance of the knowledge base, as each domain's share of all chunks. */
export function AttributionRadar({ stats }: { stats: Resource<KnowledgeStats> }) {
  const data = stats.data;
  const rows = DOMAINS.map((d) => {
    const chunks = data?.domains[d]?.chunks ?? 0;
    const share = data && data.total_chunks > 0 ? (chunks / data.total_chunks) * 100 : 0;
    return {
      domain: DOMAIN_LABELS[d],
      share: Math.round(share * 10) / 10,
      chunks,
      files: data?.domains[d]?.files ?? 0,
    };
  });
  return (
    <Panel
      title="Attribution Analytics"
      subtitle={data ? `${data.total_files} files · ${data.total_chunks} chunks` : 'Domain balance'}
      testId="attribution-radar"
    >
      <div className="chart-box">
        {!data && stats.error && (
          <StateMessage
            kind="error"
            title="Stats unavailable"
            detail={stats.error}
            action={{ label: 'Retry', onClick: stats.refresh }}
          />
        )}
        {!data && !stats.error && <StateMessage kind="loading" title="Loading stats…" />}
        {data && data.total_chunks === 0 && <StateMessage kind="empty" title="Nothing ingested yet" />}
        {data && data.total_chunks > 0 && (
          <ResponsiveContainer width="100%" height="100%">
            <RadarChart data={rows} outerRadius="72%">
              <PolarGrid stroke="#2a3347" />
              <PolarAngleAxis dataKey="domain" tick={{ fill: '#c3cad9', fontSize: 12 }} />
              <PolarRadiusAxis angle={45} tick={{ fill: '#6b7487', fontSize: 10 }} tickFormatter={(v) => `${v}%`} />
              <Radar
                dataKey="share"
                name="Share of chunks"
                stroke="#7c9cff"
                fill="#7c9cff"
                fillOpacity={0.35}
                isAnimationActive={false}
              />
              <Tooltip
                contentStyle={{ background: '#131a27', border: '1px solid #2a3347', borderRadius: 8 }}
                formatter={(v, _n, item) => [
                  `${v}% · ${item.payload.chunks} chunks, ${item.payload.files} files`,
                  'Share',
                ]}
              />
            </RadarChart>
          </ResponsiveContainer>
        )}
      </div>
    </Panel>
  );
}
