import { lazy, Suspense } from 'react';
import { useIngestion } from '../../context/ingestion/IngestionContext.tsx';
import { useResource } from '../../hooks/useResource.ts';
import { getAtlas } from '../../services/knowledgeApi.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';

const AtlasScene = lazy(() => import('../atlas/AtlasScene.tsx').then((m) => ({ default: m.AtlasScene })));

/** A slowly turning 3D graph of the knowledge base's strongest neighbourhoods. */
export function NeuralMap() {
  const { completedCount } = useIngestion();
  const atlas = useResource((signal) => getAtlas('pca', 150, signal), undefined, completedCount);
  const data = atlas.data;
  return (
    <Panel
      title="Neural Map"
      subtitle={data ? `${data.nodes.length} memories · ${data.edges.length} links` : 'Knowledge graph in 3D'}
      className="neural-map"
    >
      <div className="neural-map__stage">
        {!data && atlas.error && (
          <StateMessage
            kind="error"
            title="Graph unavailable"
            detail={atlas.error}
            action={{ label: 'Retry', onClick: atlas.refresh }}
          />
        )}
        {!data && !atlas.error && <StateMessage kind="loading" title="Loading the graph…" />}
        {data && data.nodes.length === 0 && (
          <StateMessage kind="empty" title="No memories yet" detail="Ingested knowledge appears here." />
        )}
        {data && data.nodes.length > 0 && (
          <Suspense fallback={<StateMessage kind="loading" title="Starting the renderer…" />}>
            <AtlasScene atlas={data} autoRotate />
          </Suspense>
        )}
      </div>
    </Panel>
  );
}
