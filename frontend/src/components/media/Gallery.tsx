import type { MediaItem } from '@pagi/contracts';
import { useState } from 'react';
import type { Resource } from '../../hooks/useResource.ts';
import { mediaUrl } from '../../services/mediaApi.ts';
import { Icon } from '../common/Icon.tsx';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { GalleryItem } from './GalleryItem.tsx';

const isAudio = (m: MediaItem) => m.content_type.startsWith('audio');

interface Props {
  media: Resource<{ items: MediaItem[] }>;
  /** The role may delete its recordings (the same permission as recording them). */
  canDelete: boolean;
}

export function Gallery({ media, canDelete }: Props) {
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
            <GalleryItem
              key={m.id}
              item={m}
              playing={playing === m.id}
              onPlay={() => setPlaying(m.id)}
              onDeleted={
                canDelete
                  ? (id) => {
                      if (playing === id) setPlaying(null);
                      media.refresh();
                    }
                  : undefined
              }
            />
          ))}
        </ul>
      )}
    </Panel>
  );
}
