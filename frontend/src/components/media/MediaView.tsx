import { useResource } from '../../hooks/useResource.ts';
import { listMedia } from '../../services/mediaApi.ts';
import { Gallery } from './Gallery.tsx';
import { Recorder } from './Recorder.tsx';
import { TranscriptPanel } from './TranscriptPanel.tsx';

export function MediaView() {
  const media = useResource(listMedia, 30_000);
  return (
    <div className="media">
      <div className="media__left">
        <Recorder onUploaded={media.refresh} />
        <TranscriptPanel />
      </div>
      <Gallery media={media} />
    </div>
  );
}
