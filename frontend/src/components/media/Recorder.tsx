import { useEffect, useRef, useState } from 'react';
import { useToast } from '../../context/toast/ToastContext.tsx';
import { type RecordSource, useRecorder } from '../../hooks/useRecorder.ts';
import { formatBytes, formatDuration } from '../../lib/format.ts';
import { errorText } from '../../services/http.ts';
import { uploadMedia } from '../../services/mediaApi.ts';
import { Icon, type IconName } from '../common/Icon.tsx';
import { Panel } from '../common/Panel.tsx';
import { useCaptureDevices } from './useCaptureDevices.ts';

const SOURCES: { source: RecordSource; label: string; icon: IconName }[] = [
  { source: 'microphone', label: 'Microphone', icon: 'mic' },
  { source: 'camera', label: 'Camera', icon: 'camera' },
  { source: 'screen', label: 'Screen', icon: 'screen' },
];

function extensionOf(mime: string): string {
  if (mime.includes('ogg')) return 'ogg';
  if (mime.includes('mp4')) return 'mp4';
  return 'webm';
}

/** "No microphone or camera was found on this device." and the like. */
function missingText(labels: string[]): string {
  const screen = labels.includes('screen');
  const devices = labels.filter((l) => l !== 'screen');
  const parts: string[] = [];
  if (devices.length) parts.push(`No ${devices.join(' or ')} was found on this device.`);
  if (screen) parts.push('This browser cannot share the screen.');
  return parts.join(' ');
}

export function Recorder({ onUploaded }: { onUploaded: () => void }) {
  const rec = useRecorder();
  const devices = useCaptureDevices();
  const missing = SOURCES.filter((s) => !devices[s.source]).map((s) => s.label.toLowerCase());
  const { notify } = useToast();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (video.current) video.current.srcObject = rec.preview;
  }, [rec.preview]);

  const upload = async () => {
    if (!rec.recording) return;
    setUploading(true);
    setUploadError(null);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const name = `${rec.recording.source}-${stamp}.${extensionOf(rec.recording.mimeType)}`;
    try {
      await uploadMedia(rec.recording.blob, name);
      notify(`Uploaded ${name}`, 'success');
      rec.discard();
      onUploaded();
    } catch (err) {
      setUploadError(errorText(err));
    } finally {
      setUploading(false);
    }
  };

  const busy = rec.state !== 'idle';
  return (
    <Panel title="Record" subtitle="Microphone, camera or screen — recorded in the browser, stored by the twin">
      <fieldset className="rec-buttons">
        <legend className="sr-only">Recording source</legend>
        {SOURCES.map((s) => (
          <button
            key={s.source}
            type="button"
            className={`btn ${rec.source === s.source && busy ? 'btn--recording' : 'btn--ghost'}`}
            disabled={busy || !devices[s.source]}
            aria-describedby={devices[s.source] ? undefined : 'rec-missing'}
            onClick={() => void rec.start(s.source)}
          >
            <Icon name={s.icon} size={16} /> {s.label}
          </button>
        ))}
        <button type="button" className="btn btn--danger" disabled={rec.state !== 'recording'} onClick={rec.stop}>
          <Icon name="stop" size={16} /> Stop
        </button>
      </fieldset>
      <div className="rec-stage" data-testid="recorder-stage">
        {rec.state === 'recording' && (
          <p className="rec-live" role="status" data-testid="recording-indicator">
            <span className="rec-dot" aria-hidden="true" /> Recording {rec.source} · {formatDuration(rec.elapsedMs)}
          </p>
        )}
        {rec.preview && (
          <video ref={video} className="rec-preview" autoPlay muted playsInline aria-label="Live preview" />
        )}
        {!rec.preview && rec.recording && (
          <div className="rec-result" data-testid="recording-ready">
            {rec.recording.mimeType.startsWith('audio') ? (
              // biome-ignore lint/a11y/useMediaCaption: a fresh recording has no caption track
              <audio src={rec.recording.url} controls aria-label="Recorded audio" />
            ) : (
              // biome-ignore lint/a11y/useMediaCaption: a fresh recording has no caption track
              <video src={rec.recording.url} controls className="rec-preview" aria-label="Recorded video" />
            )}
            <p className="muted small">
              {formatDuration(rec.recording.durationMs)} · {formatBytes(rec.recording.blob.size)} ·{' '}
              {rec.recording.mimeType}
            </p>
            <div className="row">
              <button type="button" className="btn btn--primary" disabled={uploading} onClick={() => void upload()}>
                <Icon name="upload" size={16} /> {uploading ? 'Uploading…' : 'Upload'}
              </button>
              <button type="button" className="btn btn--ghost" disabled={uploading} onClick={rec.discard}>
                Discard
              </button>
            </div>
          </div>
        )}
        {missing.length > 0 && (
          <p className="muted small" id="rec-missing" data-testid="rec-missing">
            {missingText(missing)}
          </p>
        )}
        {!busy && !rec.recording && missing.length < SOURCES.length && (
          <p className="muted small">Choose a source to start recording.</p>
        )}
        {(rec.error || uploadError) && (
          <p className="text-error small" role="alert">
            {rec.error ?? `Upload failed: ${uploadError}`}
          </p>
        )}
      </div>
    </Panel>
  );
}
