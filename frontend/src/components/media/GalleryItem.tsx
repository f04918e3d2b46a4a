import type { MediaItem } from '@pagi/contracts';
import { useState } from 'react';
import { useToast } from '../../context/toast/ToastContext.tsx';
import { formatBytes, formatRelative } from '../../lib/format.ts';
import { errorText } from '../../services/http.ts';
import { deleteMedia, mediaDownloadUrl } from '../../services/mediaApi.ts';
import { Icon } from '../common/Icon.tsx';

interface Props {
  item: MediaItem;
  playing: boolean;
  onPlay: () => void;
  /** Absent for a role that cannot delete recordings. */
  onDeleted?: (id: string) => void;
}

/** One recording: play it, save it under its name, or delete it after a second, explicit click. */
export function GalleryItem({ item, playing, onPlay, onDeleted }: Props) {
  const { notify } = useToast();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = item.original_name || item.filename;
  const audio = item.content_type.startsWith('audio');

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteMedia(item.id);
      notify(`Deleted ${name}`, 'success');
      onDeleted?.(item.id);
    } catch (err) {
      setError(`Not deleted: ${errorText(err)}`);
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <li className="gallery__entry" data-testid="gallery-entry" data-id={item.id}>
      <button
        type="button"
        className={`media-item${playing ? ' is-active' : ''}`}
        aria-pressed={playing}
        onClick={onPlay}
        data-testid="gallery-item"
      >
        <span className="media-item__icon" aria-hidden="true">
          <Icon name={audio ? 'mic' : 'camera'} size={18} />
        </span>
        <span className="media-item__name">{name}</span>
        <span className="media-item__meta muted small">
          {formatBytes(item.size)} · {formatRelative(item.created_at)}
        </span>
      </button>
      <span className="gallery__actions">
        <a
          className="btn btn--ghost btn--sm"
          href={mediaDownloadUrl(item.id)}
          download={name}
          aria-label={`Download ${name}`}
          data-testid="gallery-download"
        >
          <Icon name="download" size={14} />
        </a>
        {onDeleted &&
          (confirming ? (
            <>
              <button
                type="button"
                className="btn btn--danger btn--sm"
                disabled={busy}
                onClick={() => void remove()}
                data-testid="gallery-delete-confirm"
              >
                {busy ? 'Deleting…' : 'Delete'}
              </button>
              <button
                type="button"
                className="btn btn--ghost btn--sm"
                disabled={busy}
                onClick={() => setConfirming(false)}
              >
                Keep
              </button>
            </>
          ) : (
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              aria-label={`Delete ${name}`}
              onClick={() => setConfirming(true)}
              data-testid="gallery-delete"
            >
              <Icon name="trash" size={14} />
            </button>
          ))}
      </span>
      {error && (
        <p className="text-error small gallery__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
