import type { View } from '../../hooks/useHashRoute.ts';
import { Icon, type IconName } from '../common/Icon.tsx';

const ITEMS: { view: View; label: string; icon: IconName }[] = [
  { view: 'chat', label: 'Chat', icon: 'chat' },
  { view: 'hub', label: 'Intelligence Hub', icon: 'hub' },
  { view: 'atlas', label: 'Knowledge Atlas', icon: 'atlas' },
  { view: 'telemetry', label: 'Telemetry', icon: 'pulse' },
  { view: 'media', label: 'Media', icon: 'media' },
  { view: 'settings', label: 'Settings', icon: 'settings' },
];

export function NavRail({ view, onNavigate }: { view: View; onNavigate: (v: View) => void }) {
  return (
    <nav className="nav" aria-label="Main">
      <div className="nav__brand">
        <span className="nav__logo" aria-hidden="true" />
        <span className="nav__name">
          PAGI <span className="muted">Twin</span>
        </span>
      </div>
      <ul className="nav__list">
        {ITEMS.map((item) => (
          <li key={item.view}>
            <a
              href={`#/${item.view}`}
              className={`nav__item${view === item.view ? ' is-active' : ''}`}
              aria-current={view === item.view ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onNavigate(item.view);
              }}
            >
              <Icon name={item.icon} />
              <span>{item.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
