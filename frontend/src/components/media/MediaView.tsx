import { useAuth } from '../../context/auth/AuthContext.tsx';
import { useResource } from '../../hooks/useResource.ts';
import { listMedia } from '../../services/mediaApi.ts';
import { Gallery } from './Gallery.tsx';
import { Recorder } from './Recorder.tsx';
import { TranscriptPanel } from './TranscriptPanel.tsx';

export function MediaView() {
  const media = useResource(listMedia, 30_000);
  const { can } = useAuth();
  // Uploading is ingestion and summarizing goes through the chat planner: roles without them only watch.
  const canUpload = can('ingest');
  const canSummarize = can('chat');
  return (
    <div className="media">
      {(canUpload || canSummarize) && (
        <div className="media__left">
          {canUpload && <Recorder onUploaded={media.refresh} />}
          {canSummarize && <TranscriptPanel />}
        </div>
      )}
      <Gallery media={media} canDelete={canUpload} />
    </div>
  );
}
