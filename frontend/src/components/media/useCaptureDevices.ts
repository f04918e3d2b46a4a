import { useEffect, useState } from 'react';

export interface CaptureDevices {
  /** Known once the browser has listed its devices; until then every source is offered. */
  known: boolean;
  microphone: boolean;
  camera: boolean;
  screen: boolean;
}

const UNKNOWN: CaptureDevices = { known: false, microphone: true, camera: true, screen: true };

async function listDevices(): Promise<CaptureDevices> {
  const md = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
  if (!md?.enumerateDevices) return { known: true, microphone: false, camera: false, screen: false };
  const devices = await md.enumerateDevices();
  const camera = devices.some((d) => d.kind === 'videoinput');
  return {
    known: true,
    microphone: devices.some((d) => d.kind === 'audioinput'),
    // The camera records with sound, but a camera alone still records picture.
    camera,
    screen: typeof md.getDisplayMedia === 'function',
  };
}

/** Which capture sources this browser has, kept current as devices are plugged in or out. */
export function useCaptureDevices(): CaptureDevices {
  const [devices, setDevices] = useState<CaptureDevices>(UNKNOWN);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      listDevices().then(
        (d) => live && setDevices(d),
        () => live && setDevices(UNKNOWN),
      );
    void refresh();
    const md = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
    md?.addEventListener?.('devicechange', refresh);
    return () => {
      live = false;
      md?.removeEventListener?.('devicechange', refresh);
    };
  }, []);
  return devices;
}
