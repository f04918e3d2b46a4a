import { useAuth } from '../../context/auth/AuthContext.tsx';
import { AgentVitality } from './AgentVitality.tsx';
import { AttributionRadar } from './AttributionRadar.tsx';
import { DocumentList } from './DocumentList.tsx';
import { DomainGauges } from './DomainGauges.tsx';
import { IngestionDashboard } from './IngestionDashboard.tsx';
import { IntelligenceStream } from './IntelligenceStream.tsx';
import { NeuralMap } from './NeuralMap.tsx';
import { UploadPanel } from './UploadPanel.tsx';
import { useKnowledgeStats } from './useKnowledgeStats.ts';

export function HubView() {
  const stats = useKnowledgeStats();
  const canIngest = useAuth().can('ingest');
  return (
    <div className="hub">
      <div className="hub__main">
        <AgentVitality />
        <div className="hub__row">
          <NeuralMap />
          <AttributionRadar stats={stats} />
        </div>
        <DocumentList />
        <IntelligenceStream />
      </div>
      <aside className="hub__side" aria-label="Knowledge sidebar">
        {canIngest && <UploadPanel />}
        <DomainGauges stats={stats} />
        <IngestionDashboard />
      </aside>
    </div>
  );
}
