import { useChat } from '../../context/chat/ChatContext.tsx';
import { useIngestion } from '../../context/ingestion/IngestionContext.tsx';
import { UserMenu } from './UserMenu.tsx';

const CONNECTION_TEXT = { open: 'Connected', connecting: 'Connecting…', offline: 'Offline — reconnecting' } as const;

export function TopBar({ title, onOpenSettings }: { title: string; onOpenSettings: () => void }) {
  const { connection, canChat } = useChat();
  const { isActive, totals } = useIngestion();
  return (
    <header className="topbar">
      <h1 className="topbar__title">{title}</h1>
      <div className="topbar__status">
        {isActive && (
          <span className="pill pill--info" title="Files are being ingested">
            <span className="spinner spinner--sm" aria-hidden="true" /> Ingesting {totals.active}
          </span>
        )}
        {canChat ? (
          <button
            type="button"
            className={`pill pill--button conn conn--${connection}`}
            onClick={onOpenSettings}
            data-testid="connection-state"
            data-state={connection}
            aria-label={`Gateway connection: ${CONNECTION_TEXT[connection]}. Open settings.`}
          >
            <span className="dot" aria-hidden="true" />
            <span className="conn__text">{CONNECTION_TEXT[connection]}</span>
          </button>
        ) : (
          <span className="pill" data-testid="read-only">
            Read only
          </span>
        )}
        <UserMenu />
      </div>
    </header>
  );
}
