import { useEffect, useState } from 'react';

export const VIEWS = ['chat', 'hub', 'atlas', 'agents', 'network', 'telemetry', 'media', 'settings', 'admin'] as const;
export type View = (typeof VIEWS)[number];

/** The view a hash names by its first segment (`#/chat/<session>` is the chat view); anything else opens the chat. */
function current(): View {
  const v = window.location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (VIEWS as readonly string[]).includes(v) ? (v as View) : 'chat';
}

/** The active view lives in the URL hash (#/atlas), so views can be linked and reloaded. */
export function useHashRoute(): [View, (v: View) => void] {
  const [view, setView] = useState<View>(current);
  useEffect(() => {
    const onHash = () => setView(current());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [view, (v) => (window.location.hash = `/${v}`)];
}
