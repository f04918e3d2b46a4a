import type { ActionResult } from '@pagi/contracts';
import { useState } from 'react';
import { MemoryHits } from '../chat/MemoryHits.tsx';

/** How much of an observation shows before "Show all". */
export const OUTPUT_LINES = 8;
export const OUTPUT_CHARS = 600;
export const HITS_SHOWN = 3;

/** The first lines of an output, or null when it is short enough to show whole. */
export function capOutput(text: string): string | null {
  const lines = text.split('\n');
  if (lines.length <= OUTPUT_LINES && text.length <= OUTPUT_CHARS) return null;
  return lines.slice(0, OUTPUT_LINES).join('\n').slice(0, OUTPUT_CHARS);
}

/** What an action gave back (a tool's output, or memory hits), capped until the person asks for all of it. */
export function StepResult({ result, anchor }: { result: ActionResult; anchor: string }) {
  const [all, setAll] = useState(false);
  if (result.kind === 'execute_tool') {
    const ok = result.exit_code === 0 && !result.timed_out;
    const capped = all ? null : capOutput(result.output);
    return (
      <div className="result step-result" data-testid="step-result">
        <div className="result__meta">
          <span className={`pill ${ok ? 'pill--ok' : 'pill--error'}`}>exit {result.exit_code}</span>
          {result.timed_out && <span className="pill pill--error">timed out</span>}
          {result.truncated && <span className="pill pill--warn">output truncated</span>}
          <span className="muted small">{Math.round(result.duration_ms)} ms</span>
        </div>
        <pre className="result__output" data-testid="step-output">
          {capped ?? (result.output || '(no output)')}
          {capped !== null && '\n…'}
        </pre>
        {result.stderr && <pre className="result__output result__output--stderr">{result.stderr}</pre>}
        {(capped !== null || all) && (
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => setAll(!all)}>
            {all ? 'Show less' : `Show all (${result.output.split('\n').length} lines)`}
          </button>
        )}
      </div>
    );
  }
  const hits = all ? result.results : result.results.slice(0, HITS_SHOWN);
  return (
    <div className="result step-result" data-testid="step-result">
      {result.results.length === 0 ? (
        <p className="muted">No memories matched “{result.query}”.</p>
      ) : (
        <MemoryHits hits={hits} actionId={anchor} />
      )}
      {result.results.length > HITS_SHOWN && (
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => setAll(!all)}>
          {all ? 'Show less' : `Show all ${result.results.length} memories`}
        </button>
      )}
    </div>
  );
}
