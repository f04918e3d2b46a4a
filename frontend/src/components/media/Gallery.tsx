import type { MediaItem } from '@pagi/contracts';
import { useState } from 'react';
import type { Resource } from '../../hooks/useResource.ts';
import { formatBytes, formatRelative } from '../../lib/format.ts';
import { mediaUrl } from '../../services/mediaApi.ts';
import { Icon } from '../common/Icon.tsx';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';

const isAudio = (m: MediaItem) => m.content_type.startsWith('audio');

export function Gallery({ media }: { media: Resource<{ items: MediaItem[] }> }) {
  const [playing, setPlaying] = useState<string | null>(null);
  const items = media.data?.items ?? [];
  const current = items.find((m) => m.id === playing);
  return (
    <Panel
      title="Gallery"
      subtitle={media.data ? `${items.length} recordings` : 'Stored recordings'}
      actions={
        <button type="button" className="btn btn--ghost btn--sm" onClick={media.refresh}>
          <Icon name="retry" size={14} /> Refresh
        </button>
      }
      className="gallery"
      testId="gallery"
    >
      {current && (
        <div className="player">
          {isAudio(current) ? (
            // biome-ignore lint/a11y/useMediaCaption: the person's own recordings carry no caption track
            <audio
              key={current.id}
              src={mediaUrl(current.id)}
              controls
              autoPlay
              aria-label={`Playing ${current.original_name}`}
            />
          ) : (
            // biome-ignore lint/a11y/useMediaCaption: the person's own recordings carry no caption track
            <video
              key={current.id}
              src={mediaUrl(current.id)}
              controls
              autoPlay
              className="player__video"
              aria-label={`Playing ${current.original_name}`}
            />
          )}
        </div>
      )}
      {!media.data && media.error && (
        <StateMessage
          kind="error"
          title="Gallery unavailable"
          detail={media.error}
          action={{ label: 'Retry', onClick: media.refresh }}
        />
      )}
      {!media.data && !media.error && <StateMessage kind="loading" title="Loading recordings…" compact />}
      {media.data && items.length === 0 && (
        <StateMessage kind="empty" title="No recordings yet" detail="Record something and upload it." compact />
      )}
      {items.length > 0 && (
        <ul className="gallery__list" data-testid="gallery-list">
          {items.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className={`media-item${playing === m.id ? ' is-active' : ''}`}
                aria-pressed={playing === m.id}
                onClick={() => setPlaying(m.id)}
                data-testid="gallery-item"
              >
                <span className="media-item__icon" aria-hidden="true">
                  <Icon name={isAudio(m) ? 'mic' : 'camera'} size={18} />
                </span>
                <span className="media-item__name">{m.original_name || m.filename}</span>
                <span className="media-item__meta muted small">
                  {formatBytes(m.size)} · {formatRelative(m.created_at)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
