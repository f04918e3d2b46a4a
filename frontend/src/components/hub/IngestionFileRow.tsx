import type { FileProgress } from '@pagi/contracts';
import { motion } from 'framer-motion';
import { type CSSProperties, useState } from 'react';
import { confidenceText, needsReview, progressOf } from '../../context/ingestion/ingestionModel.ts';
import { domainColor, domainLabel } from '../../lib/domains.ts';
import { Icon } from '../common/Icon.tsx';

const STAGE_TEXT: Record<FileProgress['stage'], string> = {
  queued: 'Queued',
  reading: 'Reading',
  classifying: 'Classifying',
  chunking: 'Chunking',
  storing: 'Storing',
  stored: 'Done',
  skipped: 'Unchanged',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The file is stored, but in a domain the classifier was unsure of: the text says by how much. */
function LowConfidenceBadge({ file }: { file: FileProgress }) {
  const detail = confidenceText(file);
  return (
    <span
      className="pill pill--warn ingest-file__review"
      title={`${detail} — check the domain`}
      data-testid="low-confidence"
    >
      <Icon name="warn" size={12} />
      Low confidence
      <span className="sr-only">: {detail}, check the domain</span>
    </span>
  );
}

/**
 * `onRetry` is left out for roles that may not ingest, and the button for a file no retry can help (a format that
 * cannot be read): the failure shows without it.
 */
export function IngestionFileRow({ file, onRetry }: { file: FileProgress; onRetry?: (id: string) => Promise<void> }) {
  const [retrying, setRetrying] = useState(false);
  const progress = progressOf(file);
  const failed = file.stage === 'failed';
  const color = failed ? '#ef4a5b' : file.domain ? domainColor(file.domain) : '#7c9cff';
  return (
    <motion.li
      layout
      className={`ingest-file stage--${file.stage}`}
      style={{ '--bar': color } as CSSProperties}
      initial={{ opacity: 0, y: 6 }}
      animate={{ opacity: 1, y: 0 }}
      exit={{ opacity: 0 }}
      data-testid="ingest-file"
      data-name={file.name}
      data-stage={file.stage}
      data-review={needsReview(file) || undefined}
    >
      <div className="ingest-file__head">
        <span className="ingest-file__name" title={file.path}>
          {file.title || file.name}
        </span>
        <span className="ingest-file__stage" data-testid="ingest-stage">
          {STAGE_TEXT[file.stage]}
        </span>
      </div>
      <div
        className="bar"
        role="progressbar"
        aria-label={`${file.name} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
      >
        <motion.div
          className="bar__fill"
          initial={false}
          animate={{ width: `${progress * 100}%` }}
          transition={{ duration: 0.5, ease: 'easeOut' }}
        />
      </div>
      <div className="ingest-file__meta">
        {file.domain ? (
          <span className="ingest-file__domain">
            <span className="domain-text" style={{ color: domainColor(file.domain) }}>
              {domainLabel(file.domain)}
              {file.confidence != null && ` · ${Math.round(file.confidence * 100)}%`}
            </span>
            {needsReview(file) && <LowConfidenceBadge file={file} />}
          </span>
        ) : (
          <span className="muted">Unclassified</span>
        )}
        {file.chunks_total > 0 && (
          <span className="muted">
            {file.chunks_done}/{file.chunks_total} chunks
          </span>
        )}
      </div>
      {failed && (
        <div className="ingest-file__error">
          <span role="alert">{file.error ?? 'Ingestion failed'}</span>
          {onRetry && file.retryable !== false && (
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              disabled={retrying}
              onClick={async () => {
                setRetrying(true);
                await onRetry(file.id);
                setRetrying(false);
              }}
            >
              <Icon name="retry" size={14} /> {retrying ? 'Retrying…' : 'Retry'}
            </button>
          )}
        </div>
      )}
    </motion.li>
  );
}
