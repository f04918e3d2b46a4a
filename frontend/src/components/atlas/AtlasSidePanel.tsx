import { DomainBadge } from '../common/DomainBadge.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import type { useAtlas } from './useAtlas.ts';

type Atlas = ReturnType<typeof useAtlas>;

function NodeSelect({
  label,
  value,
  onChange,
  atlas,
}: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  atlas: Atlas;
}) {
  const id = `atlas-${label.toLowerCase()}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">Choose a node…</option>
        {(atlas.atlas.data?.nodes ?? []).map((n) => (
          <option key={n.id} value={n.id}>
            {n.title.slice(0, 60)} ({n.domain})
          </option>
        ))}
      </select>
    </div>
  );
}

export function AtlasSidePanel({ atlas }: { atlas: Atlas }) {
  const last = atlas.to ?? atlas.from;
  const detail = last ? atlas.byId.get(last) : undefined;
  return (
    <aside className="atlas__side" aria-label="Atlas details">
      <section className="side-card">
        <h2 className="section-title">Node details</h2>
        {detail ? (
          <div className="node-detail" data-testid="node-detail">
            <DomainBadge domain={detail.domain} />
            <h3>{detail.title}</h3>
            <p className="muted">{detail.snippet}</p>
          </div>
        ) : (
          <p className="muted small">Hover a node for its title; click it to see its details here.</p>
        )}
      </section>

      <section className="side-card">
        <h2 className="section-title">Semantic path</h2>
        <NodeSelect label="From" value={atlas.from} onChange={atlas.setFrom} atlas={atlas} />
        <NodeSelect label="To" value={atlas.to} onChange={atlas.setTo} atlas={atlas} />
        <div className="row">
          <button
            type="button"
            className="btn btn--primary"
            disabled={!atlas.from || !atlas.to || atlas.from === atlas.to || atlas.tracing}
            onClick={() => void atlas.trace()}
          >
            {atlas.tracing ? 'Tracing…' : 'Trace path'}
          </button>
          <button type="button" className="btn btn--ghost" disabled={!atlas.from && !atlas.to} onClick={atlas.clear}>
            Clear
          </button>
        </div>
        {atlas.pathError && <StateMessage kind="error" compact title="Path failed" detail={atlas.pathError} />}
        {atlas.path && !atlas.path.found && (
          <StateMessage
            kind="empty"
            compact
            title="No path"
            detail="These two nodes are not connected in the similarity graph."
          />
        )}
        {atlas.path?.found && (
          <div data-testid="path-result">
            <p className="small muted">
              {atlas.path.path.length} steps · strength {atlas.path.total_strength.toFixed(3)}
            </p>
            <ol className="path-list" data-testid="path-list">
              {atlas.path.path.map((step, i) => (
                <li key={step.id}>
                  <span className="path-list__title">{step.title}</span>
                  {i > 0 && <span className="muted small">sim {step.similarity.toFixed(3)}</span>}
                </li>
              ))}
            </ol>
          </div>
        )}
      </section>
    </aside>
  );
}
