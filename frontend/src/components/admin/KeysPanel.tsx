import type { CreatedKey } from '@pagi/contracts';
import { useState } from 'react';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { useResource } from '../../hooks/useResource.ts';
import { listKeys } from '../../services/authApi.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { CreateKeyForm } from './CreateKeyForm.tsx';
import { KeyRow } from './KeyRow.tsx';
import { NewKeyNotice } from './NewKeyNotice.tsx';

/** API keys for scripts: `mine` lists the person's own, `all` (admins) every account's. */
export function KeysPanel({ scope }: { scope: 'mine' | 'all' }) {
  const { user } = useAuth();
  const keys = useResource(listKeys);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!user) return null;
  // An admin's list holds every account's keys; "mine" keeps their own.
  const shown = (keys.data?.keys ?? []).filter((k) => scope === 'all' || k.user_id === user.id);
  const changed = () => {
    setError(null);
    keys.refresh();
  };

  return (
    <Panel
      title={scope === 'all' ? 'API keys' : 'My API keys'}
      subtitle="For scripts and tools: a key acts with its role, never more than its account"
      testId={scope === 'all' ? 'all-keys' : 'my-keys'}
      actions={
        <button type="button" className="btn btn--ghost btn--sm" onClick={keys.refresh}>
          Refresh
        </button>
      }
    >
      <CreateKeyForm
        ownRole={user.role}
        onCreated={(key) => {
          setCreated(key);
          changed();
        }}
      />
      {created && <NewKeyNotice created={created} onDone={() => setCreated(null)} />}
      {error && (
        <p className="text-error small" role="alert">
          {error}
        </p>
      )}
      {!keys.data && keys.error && <StateMessage kind="error" compact title="Keys unavailable" detail={keys.error} />}
      {!keys.data && !keys.error && <StateMessage kind="loading" compact title="Loading keys…" />}
      {keys.data && shown.length === 0 && <StateMessage kind="empty" compact title="No API keys yet" />}
      {shown.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="sr-only">{scope === 'all' ? 'API keys of every account' : 'Your API keys'}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                {scope === 'all' && <th scope="col">Owner</th>}
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((k) => (
                <KeyRow key={k.id} apiKey={k} showOwner={scope === 'all'} onChanged={changed} onError={setError} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
