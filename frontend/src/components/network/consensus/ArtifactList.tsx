import type { ArtifactVersion, ProposalKind } from '@pagi/contracts';
import { formatDateTime } from '../../../lib/format.ts';
import { StateMessage } from '../../common/StateMessage.tsx';
import { shortId } from './labels.ts';

interface Props {
  artifacts: ArtifactVersion[];
  /** Opens the propose form on this artifact, its content prefilled. */
  onEdit: (kind: ProposalKind, target: string) => void;
  /** Opens the propose form to go back to an earlier version of this artifact. */
  onRollback: (kind: ProposalKind, target: string, version: number) => void;
}

/** What the fleet changed on this node: each artifact's current version, with a way to change it or go back. */
export function ArtifactList({ artifacts, onEdit, onRollback }: Props) {
  if (artifacts.length === 0)
    return (
      <StateMessage
        kind="empty"
        compact
        title="No artifact changed by the fleet yet"
        detail="Accepted proposals are listed here with their version."
      />
    );
  const sorted = [...artifacts].sort((a, b) => a.kind.localeCompare(b.kind) || a.target.localeCompare(b.target));
  return (
    <ul className="artifact-list">
      {sorted.map((a) => {
        const name = `${a.kind} ${a.target}`;
        return (
          <li key={`${a.kind}/${a.target}`} className="artifact" data-testid={`artifact-${a.kind}-${a.target}`}>
            <div className="artifact__name">
              <code>{a.kind}</code> <strong>{a.target}</strong> <span className="artifact__version">v{a.version}</span>
            </div>
            <div className="muted small">
              applied {formatDateTime(new Date(a.applied_at_ms).toISOString())} by proposal {shortId(a.proposal_id)}
            </div>
            <div className="artifact__actions">
              <button
                type="button"
                className="btn btn--ghost btn--sm"
                aria-label={`Propose a change to ${name}`}
                onClick={() => onEdit(a.kind, a.target)}
              >
                Propose a change
              </button>
              {a.version > 1 && (
                <button
                  type="button"
                  className="btn btn--ghost btn--sm"
                  aria-label={`Propose rollback to v${a.version - 1} of ${name}`}
                  data-testid="propose-rollback"
                  onClick={() => onRollback(a.kind, a.target, a.version - 1)}
                >
                  Propose rollback to v{a.version - 1}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
