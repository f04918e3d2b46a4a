import { useMemo, useState } from 'react';
import { DomainBadge } from '../common/DomainBadge.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { type LabelledNode, labelNodes } from './nodeLabels.ts';
import { plainText } from './plainText.ts';
import type { useAtlas } from './useAtlas.ts';
import './atlas-picker.css';

type Atlas = ReturnType<typeof useAtlas>;

/** Options shown at once; the search narrows a larger atlas. */
const MAX_OPTIONS = 300;

/** A node chosen by name: a search box narrowing a sorted list in which no label appears twice. */
function NodePicker({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  options: LabelledNode[];
}) {
  const id = `atlas-${label.toLowerCase()}`;
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = options.filter((o) => words.every((w) => o.label.toLowerCase().includes(w)));
    // The chosen node stays listed, so the list never shows a choice it does not hold.
    const chosen = value && !hits.some((o) => o.id === value) ? options.filter((o) => o.id === value) : [];
    return [...chosen, ...hits.slice(0, MAX_OPTIONS)];
  }, [options, query, value]);
  const hidden = Math.max(0, options.length - shown.length);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        type="search"
        className="atlas-search"
        placeholder="Search nodes…"
        aria-label={`Search ${label} nodes`}
        aria-controls={id}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{query ? `${shown.length} matching…` : 'Choose a node…'}</option>
        {shown.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {hidden > 0 && query === '' && <span className="muted small">{hidden} more: search to narrow the list</span>}
    </div>
  );
}

export function AtlasSidePanel({ atlas }: { atlas: Atlas }) {
  const last = atlas.to ?? atlas.from;
  const detail = last ? atlas.byId.get(last) : undefined;
  const options = useMemo(() => labelNodes(atlas.atlas.data?.nodes ?? []), [atlas.atlas.data]);
  return (
    <aside className="atlas__side" aria-label="Atlas details">
      <section className="side-card">
        <h2 className="section-title">Node details</h2>
        {detail ? (
          <div className="node-detail" data-testid="node-detail">
            <DomainBadge domain={detail.domain} />
            <h3>{plainText(detail.title)}</h3>
            <p className="muted">{plainText(detail.snippet)}</p>
            {detail.source && <p className="muted small">{detail.source.replace(/^[a-z_]+:/, '')}</p>}
          </div>
        ) : (
          <p className="muted small">Hover a node for its title; click two nodes to trace the path between them.</p>
        )}
      </section>

      <section className="side-card">
        <h2 className="section-title">Semantic path</h2>
        <NodePicker label="From" value={atlas.from} onChange={atlas.setFrom} options={options} />
        <NodePicker label="To" value={atlas.to} onChange={atlas.setTo} options={options} />
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
                  <span className="path-list__title">{plainText(step.title)}</span>
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
