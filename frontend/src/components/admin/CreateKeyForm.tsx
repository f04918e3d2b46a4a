import { type CreatedKey, CreateKeyRequest, type Role } from '@pagi/contracts';
import { type FormEvent, useState } from 'react';
import { rolesUpTo } from '../../lib/roles.ts';
import { createKey } from '../../services/authApi.ts';
import { errorText } from '../../services/http.ts';
import { RoleSelect } from '../common/RoleSelect.tsx';
import { TextField } from '../common/TextField.tsx';

/** The end of the chosen day, local time: a key "expiring on the 3rd" still works on the 3rd. */
function endOfDay(date: string): string | undefined {
  if (!date) return undefined;
  const d = new Date(`${date}T23:59:59`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function CreateKeyForm({ ownRole, onCreated }: { ownRole: Role; onCreated: (key: CreatedKey) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(ownRole);
  const [expires, setExpires] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = CreateKeyRequest.safeParse({ name, role, expires_at: endOfDay(expires) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`${issue?.path[0] === 'name' ? 'Key name' : 'Key'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(await createKey(parsed.data));
      setName('');
      setExpires('');
    } catch (err) {
      setError(`The key was not created: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Create an API key">
      <TextField label="Key name" value={name} onChange={setName} maxLength={64} placeholder="backup script" />
      <RoleSelect label="Key role" value={role} onChange={setRole} options={rolesUpTo(ownRole)} />
      <TextField label="Expires on (optional)" type="date" value={expires} onChange={setExpires} />
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create key'}
      </button>
      {error && (
        <p className="text-error small inline-form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
