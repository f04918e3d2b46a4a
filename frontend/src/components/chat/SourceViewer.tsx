import type { KnowledgeSourceResponse, MemoryHit } from '@pagi/contracts';
import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useResource } from '../../hooks/useResource.ts';
import { getKnowledgeSource } from '../../services/knowledgeApi.ts';
import { DomainBadge } from '../common/DomainBadge.tsx';
import { Icon } from '../common/Icon.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { hitTitle } from './citations.ts';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The chunk the hit is: by id, else by its text (a copy in another file), else by its position in its own file. */
export function citedChunk(doc: KnowledgeSourceResponse, hit: MemoryHit, file: string): number {
  const byId = doc.chunks.findIndex((c) => c.id === hit.id);
  if (byId >= 0) return byId;
  const byText = doc.chunks.findIndex((c) => c.content.trim() === hit.content.trim());
  if (byText >= 0 || file !== hit.source_file) return byText;
  return doc.chunks.findIndex((c) => c.index === hit.chunk_index);
}

/**
 * A modal dialog with the whole stored document a hit came from, every chunk in order, the cited one highlighted
 * and scrolled to. Escape or the close button closes it; focus stays inside while open and returns afterwards.
 */
export function SourceViewer(props: {
  file: string;
  namespace?: string;
  hit: MemoryHit;
  n: number;
  onClose: () => void;
}) {
  const { file, namespace, hit, n, onClose } = props;
  const doc = useResource((signal) => getKnowledgeSource(file, namespace, signal), undefined, `${namespace}|${file}`);
  const dialog = useRef<HTMLDivElement>(null);
  const cited = useRef<HTMLLIElement>(null);
  const titleId = useId();
  const cite = doc.data ? citedChunk(doc.data, hit, file) : -1;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.focus();
    return () => opener?.focus();
  }, []);
  useEffect(() => {
    if (doc.data) cited.current?.scrollIntoView?.({ block: 'center' });
  }, [doc.data]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab' && dialog.current) {
      // Keep Tab within the dialog: from the last control back to the first, and the other way round.
      const all = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = all[0];
      const last = all.at(-1);
      const at = document.activeElement;
      if (e.shiftKey && (at === first || at === dialog.current)) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && at === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };

  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; Escape and Close do the same by keyboard
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="modal source-viewer"
        data-testid="source-viewer"
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="modal__head">
          <div className="modal__heading">
            <h2 id={titleId} className="modal__title">
              {doc.data?.title ?? hitTitle(hit)}
            </h2>
            <div className="source-viewer__meta">
              <DomainBadge domain={doc.data?.domain ?? hit.domain} />
              <code className="source-viewer__file">{file}</code>
              <span className="muted small">cited as [{n}]</span>
            </div>
          </div>
          <button type="button" className="btn btn--ghost btn--sm" aria-label="Close" onClick={onClose}>
            <Icon name="x" size={16} />
          </button>
        </header>
        <div className="modal__body">
          {doc.error ? (
            <StateMessage kind="error" title="Could not load the document" detail={doc.error} compact />
          ) : !doc.data ? (
            <StateMessage kind="loading" title="Loading the document…" compact />
          ) : (
            <>
              {doc.data.truncated && (
                <p className="banner banner--warn">The document is long: only its first part is shown.</p>
              )}
              <ol className="source-chunks" aria-label="Document text">
                {doc.data.chunks.map((c, i) => (
                  <li
                    key={c.id}
                    ref={i === cite ? cited : undefined}
                    className={`source-chunk${i === cite ? ' source-chunk--cited' : ''}`}
                    data-chunk={c.index}
                    aria-current={i === cite || undefined}
                  >
                    {c.content}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      </div>
    </div>,
    document.body,
  );
}
