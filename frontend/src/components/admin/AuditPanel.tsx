import type { AuthAuditEntry } from '@pagi/contracts';
import { useResource } from '../../hooks/useResource.ts';
import { formatDateTime } from '../../lib/format.ts';
import { listAudit } from '../../services/authApi.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';

const EVENT_TEXT: Record<string, string> = {
  setup: 'Admin account created',
  admin_key_seeded: 'Admin key seeded',
  login: 'Signed in',
  login_failed: 'Sign-in failed',
  login_throttled: 'Sign-in throttled',
  logout: 'Signed out',
  logout_everywhere: 'Signed out everywhere',
  user_created: 'Account created',
  user_updated: 'Account changed',
  role_changed: 'Role changed',
  key_created: 'API key created',
  key_revoked: 'API key revoked',
};

function detailText(detail: AuthAuditEntry['detail']): string {
  return Object.entries(detail)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

const LIMIT = 100;

/** Who signed in, failed to, or changed an account or key: the newest first. */
export function AuditPanel({ reloadKey }: { reloadKey: number }) {
  const audit = useResource((signal) => listAudit(LIMIT, signal), 30_000, reloadKey);
  const entries = audit.data?.entries ?? [];
  return (
    <Panel
      title="Auth audit"
      subtitle={`The last ${LIMIT} account events`}
      testId="auth-audit"
      actions={
        <button type="button" className="btn btn--ghost btn--sm" onClick={audit.refresh}>
          Refresh
        </button>
      }
    >
      {!audit.data && audit.error && (
        <StateMessage kind="error" compact title="Audit unavailable" detail={audit.error} />
      )}
      {!audit.data && !audit.error && <StateMessage kind="loading" compact title="Loading the audit…" />}
      {audit.data && entries.length === 0 && <StateMessage kind="empty" compact title="No account events yet" />}
      {entries.length > 0 && (
        <div className="table-scroll">
          <table className="data-table data-table--dense">
            <caption className="sr-only">Recent account events</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Event</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="audit-entry" data-event={e.event}>
                  <td>{formatDateTime(e.ts)}</td>
                  <td>{e.actor}</td>
                  <td>{EVENT_TEXT[e.event] ?? e.event}</td>
                  <td className="data-table__detail">{detailText(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
