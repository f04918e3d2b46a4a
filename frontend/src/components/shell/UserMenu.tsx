import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../../context/auth/AuthContext.tsx';
import { Icon } from '../common/Icon.tsx';

/** Who is signed in, with the way out: this browser only, or every session of the account. */
export function UserMenu() {
  const { user, accountsOn, signOut, signOutEverywhere } = useAuth();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!user) return null;
  const leave = (how: () => Promise<void>) => async () => {
    setBusy(true);
    await how();
  };

  return (
    <div className="user-menu" ref={box}>
      <button
        type="button"
        className="pill pill--button user-menu__trigger"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        onClick={() => setOpen((o) => !o)}
        data-testid="user-menu"
      >
        <Icon name="user" size={14} />
        <span className="sr-only">Account: </span>
        <span className="user-menu__name">{user.name}</span>
        <span className={`role-badge role-badge--${user.role}`}>{user.role}</span>
      </button>
      {open && (
        <div id="user-menu-panel" className="user-menu__panel">
          <p className="small">
            Signed in as <strong>{user.name}</strong>
            <br />
            <span className="muted">Role: {user.role}</span>
          </p>
          {accountsOn ? (
            <>
              <button type="button" className="btn btn--ghost btn--sm" disabled={busy} onClick={leave(signOut)}>
                Sign out
              </button>
              <button
                type="button"
                className="btn btn--danger btn--sm"
                disabled={busy}
                onClick={leave(signOutEverywhere)}
                title="Ends every session of this account, on every device"
              >
                Sign out everywhere
              </button>
            </>
          ) : (
            <p className="muted small">Accounts are off: there is nothing to sign out of.</p>
          )}
        </div>
      )}
    </div>
  );
}
