import { AnimatePresence } from 'framer-motion';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { useIngestion } from '../../context/ingestion/IngestionContext.tsx';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { IngestionFileRow } from './IngestionFileRow.tsx';

/** Per-file ingestion progress with a processed / failed / active / needs-review summary. */
export function IngestionDashboard() {
  const { files, totals, loaded, error, stream, retry } = useIngestion();
  const canRetry = useAuth().can('ingest');
  return (
    <Panel
      title="Ingestion Progress"
      subtitle={stream === 'open' ? 'Live' : 'Polling for updates'}
      testId="ingestion-dashboard"
    >
      <dl className="ingest-summary" data-testid="ingest-summary">
        <div>
          <dt>Processed</dt>
          <dd data-testid="ingest-processed">{totals.processed}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd className={totals.failed ? 'text-error' : undefined} data-testid="ingest-failed">
            {totals.failed}
          </dd>
        </div>
        <div>
          <dt>Active</dt>
          <dd className={totals.active ? 'text-info' : undefined} data-testid="ingest-active">
            {totals.active}
          </dd>
        </div>
        <div title="Stored in a domain the classifier was unsure of: check these files">
          <dt>Needs review</dt>
          <dd className={totals.review ? 'ingest-summary__review' : undefined} data-testid="ingest-review">
            {totals.review}
          </dd>
        </div>
      </dl>
      {!loaded && error && <StateMessage kind="error" title="Ingestion status unavailable" detail={error} compact />}
      {!loaded && !error && <StateMessage kind="loading" title="Loading ingestion status…" compact />}
      {loaded && files.length === 0 && (
        <StateMessage
          kind="empty"
          compact
          title="No files yet"
          detail="Upload files, or drop them into the ingest folder, to add knowledge."
        />
      )}
      {files.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list is reached by keyboard even when no row holds a button
        <ul className="ingest-files" aria-label="Files" tabIndex={0}>
          <AnimatePresence initial={false}>
            {files.map((f) => (
              <IngestionFileRow key={f.id} file={f} onRetry={canRetry ? retry : undefined} />
            ))}
          </AnimatePresence>
        </ul>
      )}
    </Panel>
  );
}
