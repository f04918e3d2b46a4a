import { useCallback, useEffect, useRef, useState } from 'react';
import { CaptureUnavailableError, captureErrorText } from '../components/media/captureErrors.ts';

export type RecordSource = 'microphone' | 'camera' | 'screen';

export interface Recording {
  blob: Blob;
  url: string;
  source: RecordSource;
  mimeType: string;
  durationMs: number;
}

const CANDIDATES: Record<'audio' | 'video', string[]> = {
  audio: ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg'],
  video: ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm'],
};

function pickMime(kind: 'audio' | 'video'): string | undefined {
  if (typeof MediaRecorder === 'undefined') return undefined;
  return CANDIDATES[kind].find((m) => MediaRecorder.isTypeSupported(m));
}

async function streamFor(source: RecordSource): Promise<MediaStream> {
  const md = navigator.mediaDevices;
  if (!md) throw new CaptureUnavailableError('InsecureContextError');
  if (typeof MediaRecorder === 'undefined') throw new CaptureUnavailableError('NoRecorderError');
  if (source === 'microphone') return md.getUserMedia({ audio: true });
  if (source === 'screen') return md.getDisplayMedia({ video: true, audio: false });
  const video = { width: 640, height: 480 };
  try {
    return await md.getUserMedia({ audio: true, video });
  } catch (err) {
    // A camera without a microphone still records picture.
    if ((err as Error).name === 'NotFoundError') return md.getUserMedia({ video });
    throw err;
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** MediaRecorder around microphone, camera or screen capture, with a live preview stream and elapsed time. */
export function useRecorder() {
  const [state, setState] = useState<'idle' | 'starting' | 'recording'>('idle');
  const [source, setSource] = useState<RecordSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [preview, setPreview] = useState<MediaStream | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const startedAt = useRef(0);

  const start = useCallback(async (src: RecordSource) => {
    setError(null);
    setState('starting');
    setSource(src);
    try {
      const stream = await streamFor(src);
      const kind = src === 'microphone' ? 'audio' : 'video';
      const mimeType = pickMime(kind);
      const rec = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
      const chunks: Blob[] = [];
      rec.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
      rec.onstop = () => {
        stopTracks(stream);
        setPreview(null);
        const type = rec.mimeType || mimeType || `${kind}/webm`;
        const blob = new Blob(chunks, { type });
        setRecording((prev) => {
          if (prev) URL.revokeObjectURL(prev.url);
          return {
            blob,
            url: URL.createObjectURL(blob),
            source: src,
            mimeType: type,
            durationMs: Date.now() - startedAt.current,
          };
        });
        setState('idle');
      };
      // Screen sharing can be ended from the browser's own bar.
      stream.getVideoTracks()[0]?.addEventListener('ended', () => rec.state !== 'inactive' && rec.stop());
      recorder.current = rec;
      startedAt.current = Date.now();
      setElapsedMs(0);
      setPreview(kind === 'video' ? stream : null);
      rec.start(500);
      setState('recording');
    } catch (err) {
      setError(captureErrorText(err, src));
      setState('idle');
      setSource(null);
    }
  }, []);

  const stop = useCallback(() => {
    if (recorder.current && recorder.current.state !== 'inactive') recorder.current.stop();
  }, []);

  const discard = useCallback(() => {
    setRecording((prev) => {
      if (prev) URL.revokeObjectURL(prev.url);
      return null;
    });
  }, []);

  useEffect(() => {
    if (state !== 'recording') return;
    const t = setInterval(() => setElapsedMs(Date.now() - startedAt.current), 250);
    return () => clearInterval(t);
  }, [state]);

  useEffect(() => () => (recorder.current?.state === 'recording' ? recorder.current.stop() : undefined), []);

  return { state, source, error, elapsedMs, recording, preview, start, stop, discard };
}
