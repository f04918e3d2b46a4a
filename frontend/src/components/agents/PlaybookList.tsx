import type { PlaybookList as Playbooks } from '@pagi/contracts';
import { StateMessage } from '../common/StateMessage.tsx';
import { FileErrors } from './FileErrors.tsx';

interface Props {
  list: Playbooks;
  selected: string | null;
  onSelect: (name: string) => void;
}

/** The saved playbooks (name, version, description, parameters, steps), and files that did not load. */
export function PlaybookList({ list, selected, onSelect }: Props) {
  return (
    <div data-testid="playbook-list">
      <FileErrors errors={list.errors} label="Playbook files that did not load" />
      {list.playbooks.length === 0 ? (
        <StateMessage
          kind="empty"
          compact
          title="No playbooks yet"
          detail="Save a completed run as a playbook from the Runs tab to run it again."
        />
      ) : (
        <ul className="agents__rows">
          {list.playbooks.map((p) => (
            <li key={p.name} data-testid={`playbook-${p.name}`}>
              <button
                type="button"
                className={`run-row${p.name === selected ? ' is-selected' : ''}`}
                aria-current={p.name === selected ? 'true' : undefined}
                onClick={() => onSelect(p.name)}
              >
                <span className="run-row__head">
                  <strong>{p.name}</strong>
                  <span className="muted small">v{p.version}</span>
                  <span className="muted small">
                    {p.steps.length} step{p.steps.length === 1 ? '' : 's'}
                    {p.params.length > 0 && ` · ${p.params.map((x) => x.name).join(', ')}`}
                  </span>
                </span>
                <span className="run-row__goal">{p.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
