import type { ActionResult } from '@pagi/contracts';
import type { CSSProperties } from 'react';
import { domainColor } from '../../lib/domains.ts';
import { DomainBadge } from '../common/DomainBadge.tsx';

/** The result of an approved action, shown in place under its card. */
export function ActionResultView({ result }: { result: ActionResult }) {
  if (result.kind === 'execute_tool') {
    const ok = result.exit_code === 0 && !result.timed_out;
    return (
      <div className="result" data-testid="tool-result">
        <div className="result__meta">
          <span className={`pill ${ok ? 'pill--ok' : 'pill--error'}`}>exit {result.exit_code}</span>
          {result.timed_out && <span className="pill pill--error">timed out</span>}
          {result.truncated && <span className="pill pill--warn">output truncated</span>}
          <span className="muted small">
            {Math.round(result.duration_ms)} ms · {result.sandbox}
          </span>
        </div>
        <pre className="result__output" data-testid="tool-output">
          {result.output || '(no output)'}
        </pre>
        {result.stderr && <pre className="result__output result__output--stderr">{result.stderr}</pre>}
      </div>
    );
  }
  return (
    <div className="result" data-testid="memory-result">
      {result.results.length === 0 ? (
        <p className="muted">No memories matched “{result.query}”.</p>
      ) : (
        <ol className="hits">
          {result.results.map((hit) => (
            <li key={hit.id} className="hit" style={{ '--domain': domainColor(hit.domain) } as CSSProperties}>
              <div className="hit__head">
                <DomainBadge domain={hit.domain} />
                <span className="hit__score" title="Relevance score">
                  score {hit.score.toFixed(3)}
                </span>
                <span className="hit__source muted small" title={hit.source_file}>
                  {hit.title || hit.source_file || hit.id}
                  {hit.chunk_index != null ? ` · chunk ${hit.chunk_index}` : ''}
                </span>
              </div>
              <p className="hit__content">{hit.content}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
