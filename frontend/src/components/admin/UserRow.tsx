import type { Role, UpdateUserRequest, User } from '@pagi/contracts';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { updateUser } from '../../services/authApi.ts';
import { errorText } from '../../services/http.ts';
import { RoleSelect } from '../common/RoleSelect.tsx';

interface Props {
  user: User;
  isSelf: boolean;
  onChanged: () => void;
  onError: (message: string) => void;
}

export function UserRow({ user, isSelf, onChanged, onError }: Props) {
  const [busy, setBusy] = useState(false);

  const change = async (patch: UpdateUserRequest) => {
    setBusy(true);
    try {
      await updateUser(user.id, patch);
      onChanged();
    } catch (err) {
      // e.g. the last admin cannot lose the role: the gateway says so.
      onError(`${user.name} was not changed: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr data-testid="user-row" data-name={user.name} data-disabled={user.disabled}>
      <td>
        {user.name}
        {isSelf && <span className="muted small"> (you)</span>}
        {user.oidc && <span className="muted small"> · single sign-on</span>}
      </td>
      <td>
        <RoleSelect
          label={`Role of ${user.name}`}
          hideLabel
          value={user.role}
          disabled={busy}
          onChange={(role: Role) => void change({ role })}
        />
      </td>
      <td>
        <span className={`status status--${user.disabled ? 'revoked' : 'active'}`}>
          {user.disabled ? 'disabled' : 'active'}
        </span>
      </td>
      <td>{formatDateTime(user.last_login_at, 'never')}</td>
      <td className="data-table__actions">
        <button
          type="button"
          className={`btn btn--sm ${user.disabled ? 'btn--ghost' : 'btn--danger'}`}
          // Disabling oneself would end this very session: another admin does that.
          disabled={busy || isSelf}
          title={isSelf ? 'You cannot disable your own account' : undefined}
          aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}
          onClick={() => void change({ disabled: !user.disabled })}
        >
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
      </td>
    </tr>
  );
}
