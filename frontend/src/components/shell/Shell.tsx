import { lazy, Suspense } from 'react';
import { useHashRoute, type View } from '../../hooks/useHashRoute.ts';
import { ChatView } from '../chat/ChatView.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { HubView } from '../hub/HubView.tsx';
import { MediaView } from '../media/MediaView.tsx';
import { SettingsView } from '../settings/SettingsView.tsx';
import { TelemetryView } from '../telemetry/TelemetryView.tsx';
import { NavRail } from './NavRail.tsx';
import { TopBar } from './TopBar.tsx';

// The 3D atlas pulls in three.js: load it when first opened.
const AtlasView = lazy(() => import('../atlas/AtlasView.tsx').then((m) => ({ default: m.AtlasView })));

const TITLES: Record<View, string> = {
  chat: 'Chat',
  hub: 'Intelligence Hub',
  atlas: 'Knowledge Atlas',
  telemetry: 'Telemetry',
  media: 'Media',
  settings: 'Settings & status',
};

export function Shell() {
  const [view, setView] = useHashRoute();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NavRail view={view} onNavigate={setView} />
      <div className="app__body">
        <TopBar title={TITLES[view]} onOpenSettings={() => setView('settings')} />
        <main id="main" className={`app__main view-${view}`} tabIndex={-1}>
          {view === 'chat' && <ChatView />}
          {view === 'hub' && <HubView />}
          {view === 'atlas' && (
            <Suspense fallback={<StateMessage kind="loading" title="Loading the atlas…" />}>
              <AtlasView />
            </Suspense>
          )}
          {view === 'telemetry' && <TelemetryView />}
          {view === 'media' && <MediaView />}
          {view === 'settings' && <SettingsView />}
        </main>
      </div>
    </div>
  );
}
