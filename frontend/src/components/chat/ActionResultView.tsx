import type { ActionResult } from '@pagi/contracts';
import { MemoryHits } from './MemoryHits.tsx';
import { ToolOutput } from './ToolOutput.tsx';

/**
 * The result of an approved action, shown in place under its card. `actionId` anchors the hits a citation points
 * at; `namespace` is where the search ran (its source documents are read from there).
 */
export function ActionResultView({
  result,
  actionId,
  namespace,
}: {
  result: ActionResult;
  actionId: string;
  namespace?: string;
}) {
  if (result.kind === 'execute_tool') {
    const ok = result.exit_code === 0 && !result.timed_out;
    return (
      <div className="result" data-testid="tool-result">
        <div className="result__meta">
          <span className={`pill ${ok ? 'pill--ok' : 'pill--error'}`}>exit {result.exit_code}</span>
          {result.timed_out && <span className="pill pill--error">timed out</span>}
          {result.truncated && (
            <span
              className="pill pill--warn"
              title="The run printed more than the size limit; only its beginning was kept"
            >
              output cut at the size limit
            </span>
          )}
          <span className="muted small">
            {Math.round(result.duration_ms)} ms · {result.sandbox}
          </span>
        </div>
        <ToolOutput text={result.output} />
        {result.stderr && <ToolOutput text={result.stderr} stderr />}
      </div>
    );
  }
  return (
    <div className="result" data-testid="memory-result">
      {result.results.length === 0 ? (
        <p className="muted">No memories matched “{result.query}”.</p>
      ) : (
        <MemoryHits hits={result.results} actionId={actionId} namespace={namespace} />
      )}
    </div>
  );
}
