import type { ReactNode } from 'react';
import { Icon } from './Icon.tsx';

interface Props {
  kind: 'loading' | 'empty' | 'error';
  title: string;
  detail?: ReactNode;
  action?: { label: string; onClick: () => void };
  compact?: boolean;
}

/** The one way every view shows "loading", "nothing here yet" and "something failed". */
export function StateMessage({ kind, title, detail, action, compact }: Props) {
  return (
    <div
      className={`state state--${kind}${compact ? ' state--compact' : ''}`}
      role={kind === 'error' ? 'alert' : 'status'}
      aria-busy={kind === 'loading' || undefined}
    >
      {kind === 'loading' && <span className="spinner" aria-hidden="true" />}
      {kind === 'error' && <Icon name="warn" size={20} />}
      <div className="state__text">
        <strong>{title}</strong>
        {detail && <span className="muted">{detail}</span>}
      </div>
      {action && (
        <button type="button" className="btn btn--ghost btn--sm" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
