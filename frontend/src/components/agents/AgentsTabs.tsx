const TABS = [
  { id: 'runs', label: 'Runs' },
  { id: 'templates', label: 'Templates' },
  { id: 'playbooks', label: 'Playbooks' },
  { id: 'schedules', label: 'Schedules' },
] as const;

export type AgentsTab = (typeof TABS)[number]['id'];

interface Props {
  tab: AgentsTab;
  onTab: (tab: AgentsTab) => void;
  /** Agent actions waiting for approval, shown on the Runs tab. */
  pending: number;
}

/** The Agents view's sections; arrow keys move between them. */
export function AgentsTabs({ tab, onTab, pending }: Props) {
  const move = (delta: number) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + delta + TABS.length) % TABS.length]!;
    onTab(next.id);
    document.getElementById(`agents-tab-${next.id}`)?.focus();
  };
  return (
    <div
      className="agents__tabs"
      role="tablist"
      aria-label="Agents"
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight') move(1);
        if (e.key === 'ArrowLeft') move(-1);
      }}
    >
      {TABS.map((t) => (
        <button
          key={t.id}
          id={`agents-tab-${t.id}`}
          type="button"
          role="tab"
          aria-selected={tab === t.id}
          tabIndex={tab === t.id ? 0 : -1}
          className={`agents__tab${tab === t.id ? ' is-active' : ''}`}
          data-testid={`agents-tab-${t.id}`}
          onClick={() => onTab(t.id)}
        >
          {t.label}
          {t.id === 'runs' && pending > 0 && (
            <span className="agents__count">
              {pending}
              <span className="sr-only"> waiting for approval</span>
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
