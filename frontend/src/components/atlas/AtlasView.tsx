import { type CSSProperties, useCallback, useMemo, useRef, useState } from 'react';
import { DOMAIN_COLORS, DOMAIN_LABELS, DOMAINS } from '../../lib/domains.ts';
import { StateMessage } from '../common/StateMessage.tsx';
import { AtlasScene, type HoverInfo } from './AtlasScene.tsx';
import { AtlasSidePanel } from './AtlasSidePanel.tsx';
import { plainText } from './plainText.ts';
import { useAtlas } from './useAtlas.ts';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export function AtlasView() {
  const a = useAtlas();
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [rendered, setRendered] = useState(0);
  const onRendered = useCallback((n: number) => setRendered(n), []);
  // Written straight to the DOM: a per-frame figure must not re-render React.
  const stageRef = useRef<HTMLElement>(null);
  const onDrawCalls = useCallback(
    (calls: number) => stageRef.current?.setAttribute('data-draw-calls', String(calls)),
    [],
  );
  const data = a.atlas.data;
  const pathIds = useMemo(() => (a.path?.found ? a.path.path.map((p) => p.id) : undefined), [a.path]);
  const picked = useMemo(() => [a.from, a.to].filter((x): x is string => !!x), [a.from, a.to]);

  return (
    <div className="atlas">
      <section
        className="atlas__stage"
        aria-label="Knowledge atlas scene"
        data-testid="atlas-stage"
        data-rendered-nodes={rendered}
      >
        <div className="atlas__toolbar">
          <fieldset className="segmented" aria-label="Projection">
            <legend className="sr-only">Projection</legend>
            {(['pca', 'umap'] as const).map((m) => (
              <label key={m} className={`segmented__item${a.method === m ? ' is-active' : ''}`}>
                <input
                  type="radio"
                  name="projection"
                  value={m}
                  checked={a.method === m}
                  onChange={() => a.setMethod(m)}
                />
                {m.toUpperCase()}
              </label>
            ))}
          </fieldset>
          <ul className="legend" aria-label="Domain colours">
            {DOMAINS.map((d) => (
              <li key={d} style={{ '--domain': DOMAIN_COLORS[d] } as CSSProperties}>
                <span className="dot" aria-hidden="true" />
                {DOMAIN_LABELS[d]}
              </li>
            ))}
          </ul>
          {data && (
            <span className="muted small" data-testid="atlas-count">
              {data.nodes.length} of {data.total} chunks · {data.edges.length} links
            </span>
          )}
        </div>
        {a.atlas.error && !data && (
          <StateMessage
            kind="error"
            title="The atlas could not be loaded"
            detail={a.atlas.error}
            action={{ label: 'Retry', onClick: a.atlas.refresh }}
          />
        )}
        {!data && !a.atlas.error && <StateMessage kind="loading" title="Projecting the knowledge base…" />}
        {data && data.nodes.length === 0 && (
          <StateMessage
            kind="empty"
            title="No knowledge yet"
            detail="Upload files on the Hub or drop them into the ingest folder; they appear here once stored."
          />
        )}
        {data && data.nodes.length > 0 && (
          <div className="atlas__canvas" data-testid="atlas-canvas">
            <AtlasScene
              atlas={data}
              pathIds={pathIds}
              picked={picked}
              onHover={setHover}
              onPick={a.pick}
              onRendered={onRendered}
              onDrawCalls={onDrawCalls}
            />
            {hover && (
              <div
                className="atlas__tooltip"
                style={{ left: hover.x + 14, top: hover.y + 14 }}
                role="tooltip"
                data-testid="atlas-tooltip"
              >
                <strong>{plainText(hover.node.title)}</strong>
                <span>{clip(plainText(hover.node.snippet), 160)}</span>
              </div>
            )}
            {a.atlas.loading && <span className="atlas__reloading spinner" role="status" aria-label="Reloading" />}
          </div>
        )}
        <p className="atlas__hint muted small">Drag to orbit · scroll to zoom · click two nodes to trace a path</p>
      </section>
      <AtlasSidePanel atlas={a} />
    </div>
  );
}
