import type { IngestLimits } from '@pagi/contracts';
import { useCallback, useRef, useState } from 'react';
import { useIngestion } from '../../context/ingestion/IngestionContext.tsx';
import { useToast } from '../../context/toast/ToastContext.tsx';
import { formatBytes } from '../../lib/format.ts';
import { errorText } from '../../services/http.ts';
import { uploadDocument } from '../../services/knowledgeApi.ts';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  /** Share of the body sent, 0..1. */
  sent: number;
  state: 'waiting' | 'uploading' | 'done' | 'refused';
  error?: string;
}

/** How long a finished upload stays listed before its row in the ingestion progress takes over. */
const DONE_LINGER_MS = 2500;

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};

/** The server's own refusals, known before sending: the wrong format, an empty file, one over the size limit. */
export function precheck(file: File, limits: IngestLimits | null): string | null {
  if (!limits) return null;
  const ext = extensionOf(file.name);
  if (!limits.formats.includes(ext)) {
    return `unsupported format "${ext || 'no extension'}" (supported: ${limits.formats.join(' ')})`;
  }
  if (file.size === 0) return 'the file is empty';
  if (file.size > limits.max_file_bytes) {
    return `the file is ${formatBytes(file.size)}, over the limit of ${formatBytes(limits.max_file_bytes)}`;
  }
  return null;
}

/** Files uploaded one after another into the ingest folder, each with its progress or the reason it was refused. */
export function useUploads() {
  const { limits } = useIngestion();
  const { notify } = useToast();
  const [items, setItems] = useState<UploadItem[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const next = useRef(1);

  const update = useCallback(
    (key: string, change: Partial<UploadItem>) =>
      setItems((all) => all.map((it) => (it.key === key ? { ...it, ...change } : it))),
    [],
  );

  const send = useCallback(
    async (key: string, file: File) => {
      update(key, { state: 'uploading' });
      try {
        await uploadDocument(file, (sent) => update(key, { sent }));
        update(key, { state: 'done', sent: 1 });
        setTimeout(() => setItems((all) => all.filter((it) => it.key !== key)), DONE_LINGER_MS);
      } catch (err) {
        const error = errorText(err);
        update(key, { state: 'refused', error });
        notify(`${file.name} was not uploaded: ${error}`, 'error');
      }
    },
    [update, notify],
  );

  const add = useCallback(
    (files: File[]) => {
      for (const file of files) {
        const key = `upload-${next.current++}`;
        const refused = precheck(file, limits);
        setItems((all) => [
          ...all,
          {
            key,
            name: file.name,
            size: file.size,
            sent: 0,
            state: refused ? 'refused' : 'waiting',
            ...(refused ? { error: refused } : {}),
          },
        ]);
        if (refused) {
          notify(`${file.name} was not uploaded: ${refused}`, 'error');
          continue;
        }
        queue.current = queue.current.then(() => send(key, file));
      }
    },
    [limits, notify, send],
  );

  const dismiss = useCallback((key: string) => setItems((all) => all.filter((it) => it.key !== key)), []);

  return { items, add, dismiss, limits };
}
