import { useAuth } from '../../context/auth/AuthContext.tsx';
import type { View } from '../../hooks/useHashRoute.ts';
import { AgentsNavBadge } from '../agents/AgentsNavBadge.tsx';
import { Icon, type IconName } from '../common/Icon.tsx';
import { ChatNavBadge } from './ChatNavBadge.tsx';

const ITEMS: { view: View; label: string; icon: IconName }[] = [
  { view: 'chat', label: 'Chat', icon: 'chat' },
  { view: 'hub', label: 'Intelligence Hub', icon: 'hub' },
  { view: 'atlas', label: 'Knowledge Atlas', icon: 'atlas' },
  { view: 'agents', label: 'Agents', icon: 'agents' },
  { view: 'network', label: 'Network', icon: 'network' },
  { view: 'telemetry', label: 'Telemetry', icon: 'pulse' },
  { view: 'media', label: 'Media', icon: 'media' },
  { view: 'settings', label: 'Settings', icon: 'settings' },
  { view: 'admin', label: 'Admin', icon: 'shield' },
];

interface Props {
  view: View;
  onNavigate: (v: View) => void;
  /** Chat actions waiting for approval, counted by the shell (which sits inside the chat's provider). */
  chatPending?: number;
}

export function NavRail({ view, onNavigate, chatPending = 0 }: Props) {
  const { accountsOn, can } = useAuth();
  // Users, keys and the audit exist only with accounts, and only admins manage them.
  const items = ITEMS.filter((item) => item.view !== 'admin' || (accountsOn && can('admin')));
  return (
    <nav className="nav" aria-label="Main">
      <div className="nav__brand">
        <span className="nav__logo" aria-hidden="true" />
        <span className="nav__name">
          PAGI <span className="muted">Twin</span>
        </span>
      </div>
      <ul className="nav__list">
        {items.map((item) => (
          <li key={item.view}>
            <a
              href={`#/${item.view}`}
              className={`nav__item${view === item.view ? ' is-active' : ''}`}
              aria-current={view === item.view ? 'page' : undefined}
              title={item.label}
              onClick={(e) => {
                e.preventDefault();
                onNavigate(item.view);
              }}
            >
              <Icon name={item.icon} />
              {/* Narrow screens hide the label from sight only: it stays the link's accessible name. */}
              <span className="nav__label">{item.label}</span>
              {item.view === 'chat' && <ChatNavBadge pending={chatPending} />}
              {item.view === 'agents' && <AgentsNavBadge />}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
