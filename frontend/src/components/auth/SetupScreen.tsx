import { SetupRequest } from '@pagi/contracts';
import { type FormEvent, useState } from 'react';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { errorText } from '../../services/http.ts';
import { TextField } from '../common/TextField.tsx';
import { AuthFrame } from './AuthFrame.tsx';

type Errors = Partial<Record<'name' | 'password' | 'repeat', string>>;

function check(name: string, password: string, repeat: string): Errors {
  const errors: Errors = {};
  const parsed = SetupRequest.safeParse({ name, password });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'name' ? 'name' : 'password';
      errors[field] ??= issue.message;
    }
  }
  if (password !== repeat) errors.repeat = 'the two passwords differ';
  return errors;
}

/** First run: nobody has an account yet, so the first person makes the admin one. */
export function SetupScreen() {
  const { setUp } = useAuth();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check(name, password, repeat);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await setUp(name.trim(), password);
    } catch (err) {
      setFailure(errorText(err));
      setBusy(false);
    }
  };

  return (
    <AuthFrame
      title="Create the admin account"
      subtitle="No account exists yet. This first account administers the twin: it adds people and gives them roles."
    >
      <form className="auth__form" onSubmit={submit} noValidate>
        <TextField label="Name" value={name} onChange={setName} error={errors.name} autoComplete="username" />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          autoComplete="new-password"
        />
        <TextField
          label="Repeat password"
          type="password"
          value={repeat}
          onChange={setRepeat}
          error={errors.repeat}
          autoComplete="new-password"
        />
        <p className="muted small">At least 10 characters.</p>
        {failure && (
          <p className="text-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create admin account'}
        </button>
      </form>
    </AuthFrame>
  );
}
