import type { AgentTemplateList } from '@pagi/contracts';
import { StateMessage } from '../common/StateMessage.tsx';
import { FileErrors } from './FileErrors.tsx';

interface Props {
  list: AgentTemplateList;
  onUse: (template: string) => void;
}

/** The templates this twin knows (from config/agents/ and the fleet), and the files that did not load, with why. */
export function TemplateList({ list, onUse }: Props) {
  return (
    <div className="template-list" data-testid="template-list">
      <FileErrors errors={list.errors} label="Template files that did not load" testId="template-errors" />
      {list.templates.length === 0 ? (
        <StateMessage
          kind="empty"
          compact
          title="No templates"
          detail="A template is a YAML file in config/agents/ (or one the fleet agreed on)."
        />
      ) : (
        <ul className="agents__cards">
          {list.templates.map((t) => (
            <li key={t.name} className="agents__card" data-testid={`template-${t.name}`}>
              <div className="agents__card-head">
                <strong>{t.name}</strong>
                <span className={`pill ${t.origin === 'fleet' ? 'pill--info' : ''}`} title={t.file}>
                  {t.origin === 'fleet' ? 'from the fleet' : 'config'}
                </span>
                <span className="muted small">at most {t.max_steps} steps</span>
              </div>
              <p>{t.description}</p>
              <div className="agents__chips">
                <span className="sr-only">Tools:</span>
                {t.tools.length === 0 ? (
                  <span className="muted small">no tools: memory searches only</span>
                ) : (
                  t.tools.map((tool) => (
                    <code key={tool} className="chip chip--static">
                      {tool}
                    </code>
                  ))
                )}
              </div>
              <p className="muted small">
                Memory: {t.memory_domains.join(', ')} · file <code>{t.file}</code>
              </p>
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => onUse(t.name)}>
                Start a run with {t.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
