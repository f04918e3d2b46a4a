import { useMemo, useState } from 'react';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { useIngestion } from '../../context/ingestion/IngestionContext.tsx';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { DocumentRow, sourceLabel } from './DocumentRow.tsx';
import './knowledge.css';

/** Rows drawn at once; a filter narrows a larger knowledge base. */
const MAX_ROWS = 200;

/** Every document the knowledge base knows, filterable by name, source or domain, sorted by name. */
export function DocumentList() {
  const { allFiles, loaded, remove, refile } = useIngestion();
  const canManage = useAuth().can('ingest');
  const [filter, setFilter] = useState('');

  const docs = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return allFiles
      .filter((f) => !q || `${f.title ?? ''} ${f.name} ${sourceLabel(f)} ${f.domain ?? ''}`.toLowerCase().includes(q))
      .sort((a, b) => (a.title || a.name).localeCompare(b.title || b.name, undefined, { numeric: true }));
  }, [allFiles, filter]);
  const manage = useMemo(() => (canManage ? { remove, refile } : undefined), [canManage, remove, refile]);

  return (
    <Panel
      title="Documents"
      subtitle={
        canManage
          ? 'Change a domain to re-file a document there; delete removes its memories and its file'
          : 'Every document in the knowledge base and its domain'
      }
      testId="document-list"
    >
      <input
        type="search"
        className="doc-filter"
        placeholder="Filter by name, folder or domain…"
        aria-label="Filter documents"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {!loaded && <StateMessage kind="loading" title="Loading documents…" compact />}
      {loaded && docs.length === 0 && (
        <StateMessage
          kind="empty"
          compact
          title={filter ? 'No document matches' : 'No documents yet'}
          detail={filter ? undefined : 'Upload files above or drop them into the ingest folder.'}
        />
      )}
      {docs.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls on its own, so it is reached by keyboard also for a viewer, whose rows hold no controls
        <section className="table-scroll doc-table" aria-label="Document table" tabIndex={0}>
          <table className="data-table data-table--dense">
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Domain</th>
                <th scope="col">Memories</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {docs.slice(0, MAX_ROWS).map((f) => (
                <DocumentRow key={f.id} file={f} manage={manage} />
              ))}
            </tbody>
          </table>
        </section>
      )}
      {docs.length > MAX_ROWS && (
        <p className="muted small">
          Showing {MAX_ROWS} of {docs.length}; filter to find the others.
        </p>
      )}
    </Panel>
  );
}
