import type { Domain, FileProgress } from '@pagi/contracts';
import { useState } from 'react';
import { isTerminal } from '../../context/ingestion/ingestionModel.ts';
import { DOMAIN_LABELS, DOMAINS, domainColor, domainLabel } from '../../lib/domains.ts';
import { plainText } from '../atlas/plainText.ts';
import { Icon } from '../common/Icon.tsx';

const inKnowledgeBase = (f: FileProgress) => f.stage === 'stored' || f.stage === 'skipped';

/** `ingest:notes/plan.md` → `notes/plan.md`, `knowledge_bases:soul/ethics.md` → `starter: soul/ethics.md`. */
export function sourceLabel(f: FileProgress): string {
  const source = f.source ?? f.name;
  if (source.startsWith('knowledge_bases:')) return `starter: ${source.slice('knowledge_bases:'.length)}`;
  return source.replace(/^ingest:/, '');
}

function stageText(f: FileProgress): string {
  if (inKnowledgeBase(f)) return `${f.chunks_total} ${f.chunks_total === 1 ? 'memory' : 'memories'}`;
  if (f.stage === 'failed') return 'Failed';
  if (f.stage === 'cancelled') return 'Cancelled';
  return 'Ingesting…';
}

interface Props {
  file: FileProgress;
  /** Left out for roles that may not ingest: the domain shows as text and there is no delete. */
  manage?: {
    remove: (id: string) => Promise<boolean>;
    refile: (id: string, domain: Domain) => Promise<boolean>;
  };
}

/** One document: its name and source, its domain (a person may re-file it), its memories, and delete. */
export function DocumentRow({ file, manage }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = plainText(file.title || file.name);
  const canRefile = manage && inKnowledgeBase(file) && !busy;

  const act = async (work: () => Promise<boolean>) => {
    setBusy(true);
    const ok = await work();
    setBusy(false);
    return ok;
  };

  return (
    <tr data-testid="document-row" data-name={file.name} data-domain={file.domain ?? ''} data-stage={file.stage}>
      <td>
        <span className="doc__title">{name}</span>
        <span className="doc__source muted small" title={file.path}>
          {sourceLabel(file)}
        </span>
      </td>
      <td>
        {manage && (canRefile || busy) && file.domain ? (
          <select
            className="doc__domain"
            aria-label={`Domain of ${name}`}
            value={file.domain}
            disabled={busy}
            style={{ color: domainColor(file.domain) }}
            onChange={(e) => void act(() => manage.refile(file.id, e.target.value as Domain))}
          >
            {DOMAINS.map((d) => (
              <option key={d} value={d}>
                {DOMAIN_LABELS[d]}
              </option>
            ))}
          </select>
        ) : (
          <span className="domain-text" style={{ color: domainColor(file.domain) }}>
            {file.domain ? domainLabel(file.domain) : '—'}
          </span>
        )}
        {file.manual_domain && (
          <span className="doc__manual muted small" title="Filed here by a person, not by the classifier">
            set by hand
          </span>
        )}
      </td>
      <td className="small" data-testid="document-stage">
        {isTerminal(file) ? stageText(file) : <span className="text-info">{stageText(file)}</span>}
      </td>
      <td className="doc__actions">
        {manage &&
          (confirming ? (
            <span className="doc__confirm">
              <button
                type="button"
                className="btn btn--danger btn--sm"
                disabled={busy}
                onClick={async () => {
                  if (!(await act(() => manage.remove(file.id)))) setConfirming(false);
                }}
              >
                {busy ? 'Deleting…' : 'Delete'}
              </button>
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="icon-btn"
              aria-label={`Delete ${name}`}
              title="Delete this document and its memories"
              onClick={() => setConfirming(true)}
            >
              <Icon name="trash" size={16} />
            </button>
          ))}
      </td>
    </tr>
  );
}
