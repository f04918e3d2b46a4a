import { type FormEvent, useState } from 'react';
import { gatewayPath } from '../../config.ts';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { ApiError, errorText } from '../../services/http.ts';
import { TextField } from '../common/TextField.tsx';
import { AuthFrame } from './AuthFrame.tsx';

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

function failureText(err: unknown): string {
  if (err instanceof ApiError && err.code === 'unauthenticated') return 'Wrong name or password.';
  // The gateway says how long to wait.
  if (err instanceof ApiError && err.code === 'rate_limited') return sentence(err.message);
  return `Sign-in failed: ${errorText(err)}`;
}

export function LoginScreen() {
  const { me, notice, signIn } = useAuth();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || !password) {
      setFailure('Enter your name and password.');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await signIn(name.trim(), password);
    } catch (err) {
      setFailure(failureText(err));
      setBusy(false);
    }
  };

  return (
    <AuthFrame title="Sign in">
      {notice && !failure && (
        <p className="banner banner--warn" role="status">
          {notice}
        </p>
      )}
      <form className="auth__form" onSubmit={submit} noValidate>
        <TextField label="Name" value={name} onChange={setName} autoComplete="username" />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
        />
        {failure && (
          <p className="text-error" role="alert" data-testid="login-error">
            {failure}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {me?.oidc && (
        // A plain navigation: the gateway sends the browser to the provider and back.
        <a className="btn btn--ghost auth__sso" href={gatewayPath('/api/auth/oidc/login')}>
          Sign in with single sign-on
        </a>
      )}
    </AuthFrame>
  );
}
