import { type DragEvent, useEffect, useRef, useState } from 'react';
import { formatBytes } from '../../lib/format.ts';
import { Icon } from '../common/Icon.tsx';
import { Panel } from '../common/Panel.tsx';
import { type UploadItem, useUploads } from './useUploads.ts';
import './knowledge.css';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

function UploadRow({ item, onDismiss }: { item: UploadItem; onDismiss: (key: string) => void }) {
  const pct = Math.round(item.sent * 100);
  const text =
    item.state === 'waiting'
      ? 'Waiting'
      : item.state === 'uploading'
        ? `Uploading ${pct}%`
        : item.state === 'done'
          ? 'Uploaded — ingesting'
          : 'Not uploaded';
  return (
    <li
      className={`upload upload--${item.state}`}
      data-testid="upload-item"
      data-name={item.name}
      data-state={item.state}
    >
      <div className="upload__head">
        <span className="upload__name" title={item.name}>
          {item.name}
        </span>
        <span className="muted small">{formatBytes(item.size)}</span>
        <span className="upload__state small">{text}</span>
      </div>
      {item.state !== 'refused' && (
        <div
          className="bar"
          role="progressbar"
          aria-label={`${item.name} upload`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
        >
          <div className="bar__fill" style={{ width: `${pct}%` }} />
        </div>
      )}
      {item.state === 'refused' && (
        <div className="upload__error">
          <span role="alert">{item.error}</span>
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => onDismiss(item.key)}>
            Dismiss
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * Adds documents to the knowledge base from the browser: files dropped here or chosen with the picker are uploaded
 * into the ingest folder, then followed in the ingestion progress like files dropped into the folder itself.
 */
export function UploadPanel() {
  const { items, add, dismiss, limits } = useUploads();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const depth = useRef(0);

  // A file dropped just beside the zone would otherwise make the browser leave the app to show it.
  useEffect(() => {
    const keep = (e: globalThis.DragEvent) => {
      if (Array.from(e.dataTransfer?.types ?? []).includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    add(Array.from(e.dataTransfer.files));
  };
  const rules = limits
    ? `${limits.formats.join(' ')} · up to ${formatBytes(limits.max_file_bytes)} each`
    : 'Text, Markdown, logs, JSON, CSV, YAML and PDF';

  return (
    <Panel
      title="Add Knowledge"
      subtitle="Files are classified into a domain and stored as memories"
      testId="upload-panel"
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the button inside is the keyboard way in */}
      <div
        className={`dropzone${over ? ' is-over' : ''}`}
        data-testid="upload-dropzone"
        onDragEnter={(e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          depth.current += 1;
          setOver(true);
        }}
        onDragOver={(e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => {
          depth.current = Math.max(0, depth.current - 1);
          if (depth.current === 0) setOver(false);
        }}
        onDrop={onDrop}
      >
        <Icon name="upload" size={22} />
        <p>
          Drop files here or{' '}
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => input.current?.click()}>
            choose files
          </button>
        </p>
        <p className="muted small">{rules}</p>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={limits?.formats.join(',')}
          data-testid="upload-input"
          aria-label="Choose files to add to the knowledge base"
          onChange={(e) => {
            add(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </div>
      {items.length > 0 && (
        <ul className="uploads" aria-label="Uploads">
          {items.map((it) => (
            <UploadRow key={it.key} item={it} onDismiss={dismiss} />
          ))}
        </ul>
      )}
    </Panel>
  );
}
