import { useAuth } from '../../context/auth/AuthContext.tsx';

/** AUTH_MODE=off: nobody signs in and every request acts as the local admin, which the person should know. */
export function AuthOffBanner() {
  const { me } = useAuth();
  if (me?.auth_mode !== 'off') return null;
  return (
    <div className="banner banner--warn auth-off" role="status" data-testid="auth-off-banner">
      Accounts are off (AUTH_MODE=off): there is no sign-in and everyone who reaches this address acts as the local
      admin. Only run it this way on a machine of your own.
    </div>
  );
}
