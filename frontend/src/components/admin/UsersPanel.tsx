import { useState } from 'react';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { useToast } from '../../context/toast/ToastContext.tsx';
import { useResource } from '../../hooks/useResource.ts';
import { listUsers } from '../../services/authApi.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';
import { UserRow } from './UserRow.tsx';

/** Accounts: who may sign in and with which role. Disabling one ends its sessions at once. */
export function UsersPanel({ onChanged }: { onChanged: () => void }) {
  const { user: me } = useAuth();
  const { notify } = useToast();
  const users = useResource(listUsers);
  const [error, setError] = useState<string | null>(null);
  const changed = () => {
    setError(null);
    users.refresh();
    onChanged();
  };

  return (
    <Panel
      title="Users"
      subtitle="Accounts and their roles"
      testId="users"
      actions={
        <button type="button" className="btn btn--ghost btn--sm" onClick={users.refresh}>
          Refresh
        </button>
      }
    >
      <CreateUserForm
        onCreated={(name) => {
          notify(`Account ${name} created`, 'success');
          changed();
        }}
      />
      {error && (
        <p className="text-error small" role="alert">
          {error}
        </p>
      )}
      {!users.data && users.error && (
        <StateMessage kind="error" compact title="Users unavailable" detail={users.error} />
      )}
      {!users.data && !users.error && <StateMessage kind="loading" compact title="Loading users…" />}
      {users.data && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="sr-only">Accounts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((u) => (
                <UserRow key={u.id} user={u} isSelf={u.id === me?.id} onChanged={changed} onError={setError} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
