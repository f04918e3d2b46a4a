import type { RecordSource } from '../../hooks/useRecorder.ts';

const DEVICE: Record<RecordSource, string> = { microphone: 'microphone', camera: 'camera', screen: 'screen' };

/**
 * What went wrong starting a capture, in words a person can act on. The browser's own error names and messages
 * (NotFoundError, "Requested device not found", …) never reach the page.
 */
export function captureErrorText(err: unknown, source: RecordSource): string {
  const name = (err as { name?: string } | null)?.name ?? '';
  const device = DEVICE[source];
  if (source === 'screen') {
    if (name === 'NotAllowedError' || name === 'AbortError')
      return 'Screen sharing was cancelled or not allowed. Choose Screen again and pick what to share.';
    if (name === 'NotSupportedError' || name === 'TypeError') return 'This browser cannot share the screen here.';
  }
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return `Permission to use the ${device} was denied. Allow it in the browser's site settings, then try again.`;
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return `No ${device} was found. Connect one, then try again.`;
    case 'NotReadableError':
    case 'TrackStartError':
      return `The ${device} could not be started: another application may be using it.`;
    case 'OverconstrainedError':
      return `The ${device} cannot record at the size asked for.`;
    case 'AbortError':
      return `Starting the ${device} was interrupted. Try again.`;
    case 'SecurityError':
    case 'InsecureContextError':
      return 'Recording needs a secure page (https, or this machine as localhost).';
    case 'NotSupportedError':
    case 'NoRecorderError':
      return 'This browser cannot record here.';
    default:
      return `Recording from the ${device} could not start. Try again, or choose another source.`;
  }
}

/** An error without a browser behind it: the page is not allowed to capture at all. */
export class CaptureUnavailableError extends Error {
  constructor(name: 'InsecureContextError' | 'NoRecorderError') {
    super(name);
    this.name = name;
  }
}
