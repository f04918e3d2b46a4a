import type { ReactNode } from 'react';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { SetupScreen } from './SetupScreen.tsx';

/** First run → create the admin; signed out → the login page; signed in (or accounts off) → the app. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { me, user, loading, loadError, reload } = useAuth();
  if (!me) {
    return (
      <AuthFrame title="PAGI Twin">
        {loadError && !loading ? (
          <StateMessage
            kind="error"
            title="Cannot reach the gateway"
            detail={loadError}
            action={{ label: 'Try again', onClick: reload }}
          />
        ) : (
          <StateMessage kind="loading" title="Loading…" />
        )}
      </AuthFrame>
    );
  }
  if (user) return children;
  return me.setup_required ? <SetupScreen /> : <LoginScreen />;
}
