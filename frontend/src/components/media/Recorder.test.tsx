// The recorder speaks plainly: the browser's device errors become sentences a person can act on, sources the
// machine lacks are offered disabled with the reason, and a recording can be downloaded or deleted from the gallery.
import type { MediaItem } from '@pagi/contracts';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../context/toast/ToastContext.tsx';
import { captureErrorText } from './captureErrors.ts';
import { Gallery } from './Gallery.tsx';
import { Recorder } from './Recorder.tsx';

const RAW = /NotFoundError|NotAllowedError|NotReadableError|OverconstrainedError|DOMException|Requested device/;

function stubDevices(kinds: MediaDeviceKind[], getUserMedia = vi.fn()) {
  vi.stubGlobal('navigator', {
    ...navigator,
    mediaDevices: {
      enumerateDevices: async () => kinds.map((kind, i) => ({ kind, deviceId: String(i), label: '', groupId: '' })),
      getUserMedia,
      getDisplayMedia: vi.fn(),
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    },
  });
  vi.stubGlobal('MediaRecorder', class {});
  return getUserMedia;
}

const renderRecorder = () =>
  render(
    <ToastProvider>
      <Recorder onUploaded={vi.fn()} />
    </ToastProvider>,
  );

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('capture errors in plain language', () => {
  it.each([
    ['NotFoundError', 'microphone', 'No microphone was found. Connect one, then try again.'],
    ['NotAllowedError', 'camera', /Permission to use the camera was denied/],
    ['NotReadableError', 'microphone', /another application may be using it/],
    ['OverconstrainedError', 'camera', /cannot record at the size/],
    ['NotAllowedError', 'screen', /Screen sharing was cancelled or not allowed/],
    ['SecurityError', 'microphone', /secure page/],
    ['SomethingNew', 'camera', /could not start/],
  ] as const)('%s from the %s', (name, source, expected) => {
    const text = captureErrorText(new DOMException('Requested device not found', name), source);
    expect(text).toMatch(expected);
    expect(text).not.toMatch(RAW);
  });
});

describe('Recorder', () => {
  it('disables the sources the machine lacks and says why', async () => {
    stubDevices([]);
    renderRecorder();
    await waitFor(() => expect(screen.getByRole('button', { name: /Microphone/ })).toHaveProperty('disabled', true));
    expect(screen.getByRole('button', { name: /Camera/ })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: /Screen/ })).toHaveProperty('disabled', false);
    expect(screen.getByTestId('rec-missing').textContent).toBe('No microphone or camera was found on this device.');
  });

  it('shows a refused permission as a sentence, not the browser error', async () => {
    const getUserMedia = stubDevices(
      ['audioinput', 'videoinput'],
      vi.fn(async () => {
        throw new DOMException('Permission denied', 'NotAllowedError');
      }),
    );
    renderRecorder();
    const mic = screen.getByRole('button', { name: /Microphone/ });
    await waitFor(() => expect(mic).toHaveProperty('disabled', false));
    await userEvent.click(mic);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      "Permission to use the microphone was denied. Allow it in the browser's site settings, then try again.",
    );
    expect(alert.textContent).not.toMatch(RAW);
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true });
    expect(screen.queryByTestId('rec-missing')).toBeNull();
  });

  it('records picture alone from a camera without a microphone', async () => {
    const getUserMedia = stubDevices(
      ['videoinput'],
      vi.fn(async (c: MediaStreamConstraints) => {
        if (c.audio) throw new DOMException('Requested device not found', 'NotFoundError');
        throw new DOMException('in use', 'NotReadableError');
      }),
    );
    renderRecorder();
    const camera = screen.getByRole('button', { name: /Camera/ });
    await waitFor(() => expect(camera).toHaveProperty('disabled', false));
    await userEvent.click(camera);
    expect((await screen.findByRole('alert')).textContent).toMatch(/camera could not be started/);
    expect(getUserMedia).toHaveBeenLastCalledWith({ video: { width: 640, height: 480 } });
  });
});

describe('Gallery', () => {
  const item: MediaItem = {
    id: '0f8b7a52-1c1e-4c89-9e61-1a2b3c4d5e6f',
    filename: '0f8b7a52-1c1e-4c89-9e61-1a2b3c4d5e6f.webm',
    original_name: 'standup.webm',
    content_type: 'audio/webm',
    size: 2048,
    created_at: '2026-01-01T00:00:00.000Z',
    owner: 'local',
  };
  const resource = (refresh = vi.fn()) => ({ data: { items: [item] }, error: null, loading: false, refresh });

  it('downloads under the uploaded name and deletes after a second click', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ deleted: true, id: item.id }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const refresh = vi.fn();
    render(
      <ToastProvider>
        <Gallery media={resource(refresh)} canDelete />
      </ToastProvider>,
    );
    const download = screen.getByRole('link', { name: 'Download standup.webm' });
    expect(download.getAttribute('href')).toMatch(new RegExp(`/api/media/${item.id}\\?download=1$`));

    await userEvent.click(screen.getByRole('button', { name: 'Delete standup.webm' }));
    expect(fetchMock).not.toHaveBeenCalled();
    await act(() => userEvent.click(screen.getByTestId('gallery-delete-confirm')));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(new RegExp(`/api/media/${item.id}$`));
    expect(init.method).toBe('DELETE');
  });

  it('offers no delete to a role that cannot record', () => {
    render(
      <ToastProvider>
        <Gallery media={resource()} canDelete={false} />
      </ToastProvider>,
    );
    expect(screen.getByRole('link', { name: 'Download standup.webm' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Delete standup.webm' })).toBeNull();
  });
});
