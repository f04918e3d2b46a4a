import { type MeResponse, type Permission, roleAllows } from '@pagi/contracts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { getMe, login, logout, logoutEverywhere, setupAdmin } from '../../services/authApi.ts';
import { onSessionEnded, setCsrfToken } from '../../services/authSession.ts';
import { errorText } from '../../services/http.ts';

export type SignedInUser = NonNullable<MeResponse['user']>;

interface AuthContextValue {
  /** What the gateway said at the last /api/auth/me (null while loading or when it could not be reached). */
  me: MeResponse | null;
  loading: boolean;
  loadError: string | null;
  /** Why the person is at the login page again, when it was not their own doing. */
  notice: string | null;
  user: SignedInUser | null;
  /** Accounts are on (AUTH_MODE=on): sign-in, users and keys exist. */
  accountsOn: boolean;
  can: (permission: Permission) => boolean;
  reload: () => void;
  signIn: (name: string, password: string) => Promise<void>;
  setUp: (name: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

const signedOut = (me: MeResponse): MeResponse => ({ ...me, user: null, via: null, csrf_token: null });

/**
 * Who is using the app, from /api/auth/me at start and every sign-in or out. The CSRF token goes to the http
 * layer as soon as it is known (before the signed-in views mount and make their first calls). `initial` skips the
 * first load (tests and callers that already know the answer).
 */
export function AuthProvider({ children, initial }: { children: ReactNode; initial?: MeResponse }) {
  const [me, setMeState] = useState<MeResponse | null>(() => {
    if (initial) setCsrfToken(initial.csrf_token);
    return initial ?? null;
  });
  const [loading, setLoading] = useState(!initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  const meRef = useRef(me);
  const setMe = useCallback((next: MeResponse) => {
    setCsrfToken(next.csrf_token);
    meRef.current = next;
    setMeState(next);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the reload trigger
  useEffect(() => {
    if (initial && tick === 0) return;
    const ctrl = new AbortController();
    setLoading(true);
    getMe(ctrl.signal)
      .then((answer) => {
        setMe(answer);
        setLoadError(null);
      })
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setLoadError(errorText(err));
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
    return () => ctrl.abort();
  }, [tick, setMe]);

  // Any 401 outside the sign-in forms: the session ended elsewhere (signed out everywhere, disabled, expired).
  useEffect(
    () =>
      onSessionEnded(() => {
        const current = meRef.current;
        if (!current?.user || current.auth_mode !== 'on') return;
        setMe(signedOut(current));
        setNotice('Your session has ended. Sign in again.');
      }),
    [setMe],
  );

  const signIn = useCallback(
    async (name: string, password: string) => {
      setMe(await login(name, password));
      setNotice(null);
    },
    [setMe],
  );
  const setUp = useCallback(
    async (name: string, password: string) => {
      setMe(await setupAdmin(name, password));
      setNotice(null);
    },
    [setMe],
  );
  const end = useCallback(
    async (call: () => Promise<unknown>) => {
      // Signed out locally whatever the gateway answers: the person asked to leave.
      await call().catch(() => undefined);
      if (meRef.current) setMe(signedOut(meRef.current));
    },
    [setMe],
  );
  const signOut = useCallback(() => end(logout), [end]);
  const signOutEverywhere = useCallback(() => end(logoutEverywhere), [end]);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  const value = useMemo<AuthContextValue>(() => {
    const user = me?.user ?? null;
    return {
      me,
      loading,
      loadError,
      notice,
      user,
      accountsOn: me?.auth_mode === 'on',
      can: (permission) => (user ? roleAllows(user.role, permission) : false),
      reload,
      signIn,
      setUp,
      signOut,
      signOutEverywhere,
    };
  }, [me, loading, loadError, notice, reload, signIn, setUp, signOut, signOutEverywhere]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside AuthProvider');
  return ctx;
}
