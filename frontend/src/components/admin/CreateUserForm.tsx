import { CreateUserRequest, type Role } from '@pagi/contracts';
import { type FormEvent, useState } from 'react';
import { ROLE_TEXT } from '../../lib/roles.ts';
import { createUser } from '../../services/authApi.ts';
import { errorText } from '../../services/http.ts';
import { RoleSelect } from '../common/RoleSelect.tsx';
import { TextField } from '../common/TextField.tsx';

const FIELD_TEXT: Record<string, string> = { name: 'Name', password: 'Password', role: 'Role' };

export function CreateUserForm({ onCreated }: { onCreated: (name: string) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = CreateUserRequest.safeParse({ name, password, role });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`${FIELD_TEXT[String(issue?.path[0])] ?? 'Account'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const user = await createUser(parsed.data);
      setName('');
      setPassword('');
      onCreated(user.name);
    } catch (err) {
      setError(`The account was not created: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Create an account">
      <TextField label="New account name" value={name} onChange={setName} autoComplete="off" />
      <TextField
        label="Initial password"
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
      />
      <RoleSelect label="Role" value={role} onChange={setRole} />
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create account'}
      </button>
      <p className="muted small inline-form__hint">{ROLE_TEXT[role]}</p>
      {error && (
        <p className="text-error small inline-form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
