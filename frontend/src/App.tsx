import { AuthGate } from './components/auth/AuthGate.tsx';
import { Shell } from './components/shell/Shell.tsx';
import { AuthProvider } from './context/auth/AuthContext.tsx';
import { ChatProvider } from './context/chat/ChatContext.tsx';
import { IngestionProvider } from './context/ingestion/IngestionContext.tsx';
import { ToastProvider } from './context/toast/ToastContext.tsx';

// The signed-in app mounts only behind the gate, so a sign-out closes its socket and streams and a sign-in starts
// them afresh for the new person.
export function App() {
  return (
    <ToastProvider>
      <AuthProvider>
        <AuthGate>
          <IngestionProvider>
            <ChatProvider>
              <Shell />
            </ChatProvider>
          </IngestionProvider>
        </AuthGate>
      </AuthProvider>
    </ToastProvider>
  );
}
