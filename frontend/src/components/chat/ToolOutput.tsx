import { useState } from 'react';
import { CopyButton } from './CopyButton.tsx';

/** Lines shown before "Show all": enough for most commands, short enough to keep the conversation readable. */
export const SHOWN_LINES = 20;
const SHOWN_CHARS = 4000;

/** The first part of `text`: at most SHOWN_LINES lines and SHOWN_CHARS characters. */
function head(text: string): string {
  const lines = text.split('\n');
  const cut = lines.length > SHOWN_LINES ? lines.slice(0, SHOWN_LINES).join('\n') : text;
  return cut.length > SHOWN_CHARS ? cut.slice(0, SHOWN_CHARS) : cut;
}

/**
 * A tool's output (or its error output): long output is shown capped with a "Show all" toggle; Copy always takes
 * the whole of it.
 */
export function ToolOutput({ text, stderr = false }: { text: string; stderr?: boolean }) {
  const [all, setAll] = useState(false);
  const capped = head(text);
  const long = capped.length < text.length;
  const hidden = text.split('\n').length - capped.split('\n').length;
  return (
    <div className={`tool-output${stderr ? ' tool-output--stderr' : ''}`}>
      <div className="tool-output__head">
        <span className="muted small">{stderr ? 'error output' : 'output'}</span>
        {text && (
          <CopyButton label={stderr ? 'Copy error output' : 'Copy output'} testId="copy-output" text={() => text} />
        )}
      </div>
      <pre
        className={`result__output${stderr ? ' result__output--stderr' : ''}`}
        data-testid={stderr ? 'tool-stderr' : 'tool-output'}
        data-capped={long && !all ? 'true' : undefined}
      >
        {(all ? text : capped) || '(no output)'}
      </pre>
      {long && (
        <button
          type="button"
          className="btn btn--ghost btn--sm tool-output__toggle"
          aria-expanded={all}
          onClick={() => setAll(!all)}
          data-testid="show-all-output"
        >
          {all ? 'Show less' : hidden > 0 ? `Show all (${hidden} more lines)` : 'Show all'}
        </button>
      )}
    </div>
  );
}
