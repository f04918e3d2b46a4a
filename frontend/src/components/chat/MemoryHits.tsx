import type { MemoryHit } from '@pagi/contracts';
import { type CSSProperties, useContext, useState } from 'react';
import { domainColor } from '../../lib/domains.ts';
import { DomainBadge } from '../common/DomainBadge.tsx';
import { HighlightedHit, hitAnchorId, hitTitle } from './citations.ts';
import { SourceViewer } from './SourceViewer.tsx';

/** Every file a hit's text was found in (several when copies of a document were collapsed into one hit). */
const filesOf = (hit: MemoryHit) => hit.sources ?? (hit.source_file ? [hit.source_file] : []);

/**
 * The hits of a memory search, numbered as the answer cites them. Each names its domain and source files; a file
 * opens the whole stored document in the source viewer.
 */
export function MemoryHits({ hits, actionId, namespace }: { hits: MemoryHit[]; actionId: string; namespace?: string }) {
  const highlighted = useContext(HighlightedHit);
  const [viewing, setViewing] = useState<{ hit: MemoryHit; n: number; file: string } | null>(null);
  return (
    <>
      <ol className="hits">
        {hits.map((hit, i) => {
          const n = i + 1;
          const lit = highlighted?.actionId === actionId && highlighted.n === n;
          return (
            <li
              key={hit.id}
              id={hitAnchorId(actionId, n)}
              tabIndex={-1}
              className={`hit${lit ? ' hit--highlighted' : ''}`}
              data-testid="memory-hit"
              data-hit={n}
              data-highlighted={lit || undefined}
              aria-label={`Source ${n}: ${hitTitle(hit)}`}
              style={{ '--domain': domainColor(hit.domain) } as CSSProperties}
            >
              <div className="hit__head">
                <span className="hit__num">[{n}]</span>
                <DomainBadge domain={hit.domain} />
                <span className="hit__score" title="Relevance score">
                  score {hit.score.toFixed(3)}
                </span>
                {hit.title && <span className="hit__title">{hit.title}</span>}
              </div>
              <div className="hit__files">
                {filesOf(hit).length === 0 ? (
                  <span className="muted small">{hit.id}</span>
                ) : (
                  filesOf(hit).map((file) => (
                    <button
                      key={file}
                      type="button"
                      className="hit__file"
                      data-testid="hit-source"
                      aria-label={`Open ${file}`}
                      title={`Show the whole stored document ${file}`}
                      onClick={() => setViewing({ hit, n, file })}
                    >
                      {file}
                      {file === hit.source_file && hit.chunk_index != null ? ` · chunk ${hit.chunk_index}` : ''}
                    </button>
                  ))
                )}
              </div>
              <p className="hit__content">{hit.content}</p>
            </li>
          );
        })}
      </ol>
      {viewing && (
        <SourceViewer
          file={viewing.file}
          namespace={namespace}
          hit={viewing.hit}
          n={viewing.n}
          onClose={() => setViewing(null)}
        />
      )}
    </>
  );
}
