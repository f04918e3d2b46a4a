import { lazy, Suspense } from 'react';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { useHashRoute, type View } from '../../hooks/useHashRoute.ts';
import { AdminView } from '../admin/AdminView.tsx';
import { AgentApprovalNotice } from '../agents/AgentApprovalNotice.tsx';
import { AgentRunsProvider } from '../agents/AgentRunsContext.tsx';
import { AgentsView } from '../agents/AgentsView.tsx';
import { AuthOffBanner } from '../auth/AuthOffBanner.tsx';
import { ChatView } from '../chat/ChatView.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { HubView } from '../hub/HubView.tsx';
import { MediaView } from '../media/MediaView.tsx';
import { NetworkView } from '../network/NetworkView.tsx';
import { SettingsView } from '../settings/SettingsView.tsx';
import { TelemetryView } from '../telemetry/TelemetryView.tsx';
import { ApprovalNotice } from './ApprovalNotice.tsx';
import { NavRail } from './NavRail.tsx';
import { TopBar } from './TopBar.tsx';
import { usePendingChatActions } from './usePendingChatActions.ts';

// The 3D atlas pulls in three.js: load it when first opened.
const AtlasView = lazy(() => import('../atlas/AtlasView.tsx').then((m) => ({ default: m.AtlasView })));

const TITLES: Record<View, string> = {
  chat: 'Chat',
  hub: 'Intelligence Hub',
  atlas: 'Knowledge Atlas',
  agents: 'Agents',
  network: 'Network',
  telemetry: 'Telemetry',
  media: 'Media',
  settings: 'Settings & status',
  admin: 'Administration',
};

export function Shell() {
  const [view, setView] = useHashRoute();
  const { accountsOn, can } = useAuth();
  const adminAllowed = accountsOn && can('admin');
  const chatPending = usePendingChatActions();
  return (
    <AgentRunsProvider>
      <AgentApprovalNotice active={view === 'agents'} />
      <div className="app">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <NavRail view={view} onNavigate={setView} chatPending={chatPending.total} />
        <div className="app__body">
          <TopBar title={TITLES[view]} onOpenSettings={() => setView('settings')} />
          <AuthOffBanner />
          <ApprovalNotice view={view} onNavigate={setView} chatPending={chatPending} />
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the view scrolls here; a keyboard must reach it */}
          <main id="main" className={`app__main view-${view}`} tabIndex={0} aria-label={TITLES[view]}>
            {view === 'chat' && <ChatView />}
            {view === 'hub' && <HubView />}
            {view === 'atlas' && (
              <Suspense fallback={<StateMessage kind="loading" title="Loading the atlas…" />}>
                <AtlasView />
              </Suspense>
            )}
            {view === 'agents' && <AgentsView />}
            {view === 'network' && <NetworkView />}
            {view === 'telemetry' && <TelemetryView />}
            {view === 'media' && <MediaView />}
            {view === 'settings' && <SettingsView />}
            {view === 'admin' &&
              (adminAllowed ? (
                <AdminView />
              ) : (
                <StateMessage
                  kind="error"
                  title="Administration is for admins"
                  detail={accountsOn ? 'Your role cannot manage accounts.' : 'Accounts are off (AUTH_MODE=off).'}
                />
              ))}
          </main>
        </div>
      </div>
    </AgentRunsProvider>
  );
}
