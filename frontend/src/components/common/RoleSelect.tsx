import type { Role } from '@pagi/contracts';
import { useId } from 'react';
import { isRole, ROLES } from '../../lib/roles.ts';

interface Props {
  label: string;
  value: Role;
  onChange: (role: Role) => void;
  /** The roles offered (default all). */
  options?: readonly Role[];
  disabled?: boolean;
  /** Label only for screen readers (in a table row, where the column says it). */
  hideLabel?: boolean;
}

export function RoleSelect({ label, value, onChange, options = ROLES, disabled, hideLabel }: Props) {
  const id = useId();
  return (
    <div className={hideLabel ? undefined : 'field'}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          if (isRole(e.target.value)) onChange(e.target.value);
        }}
      >
        {options.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </div>
  );
}
