import { AgentVitality } from './AgentVitality.tsx';
import { AttributionRadar } from './AttributionRadar.tsx';
import { DomainGauges } from './DomainGauges.tsx';
import { IngestionDashboard } from './IngestionDashboard.tsx';
import { IntelligenceStream } from './IntelligenceStream.tsx';
import { NeuralMap } from './NeuralMap.tsx';
import { useKnowledgeStats } from './useKnowledgeStats.ts';

export function HubView() {
  const stats = useKnowledgeStats();
  return (
    <div className="hub">
      <div className="hub__main">
        <AgentVitality />
        <div className="hub__row">
          <NeuralMap />
          <AttributionRadar stats={stats} />
        </div>
        <IntelligenceStream />
      </div>
      <aside className="hub__side" aria-label="Knowledge sidebar">
        <DomainGauges stats={stats} />
        <IngestionDashboard />
      </aside>
    </div>
  );
}
