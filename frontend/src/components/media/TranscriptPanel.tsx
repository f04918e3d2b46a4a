import type { SummarizeResponse } from '@pagi/contracts';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { errorText } from '../../services/http.ts';
import { summarizeTranscript } from '../../services/platformApi.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';

type Summary = z.infer<typeof SummarizeResponse>;
const MAX_LEN = 200_000;

export function TranscriptPanel() {
  const [text, setText] = useState('');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setSummary(await summarizeTranscript(text));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title="Transcript" subtitle="Paste a meeting transcript to extract decisions and follow-up tasks">
      <form className="transcript" onSubmit={submit}>
        <label htmlFor="transcript-text" className="sr-only">
          Transcript text
        </label>
        <textarea
          id="transcript-text"
          rows={6}
          maxLength={MAX_LEN}
          value={text}
          placeholder="Alice: We decided to ship on Friday. Bob: I will update the runbook…"
          onChange={(e) => setText(e.target.value)}
        />
        <div className="row">
          <button type="submit" className="btn btn--primary" disabled={busy || !text.trim()}>
            {busy ? 'Summarizing…' : 'Summarize'}
          </button>
          <span className="muted small">{text.length.toLocaleString()} characters</span>
        </div>
      </form>
      {error && <StateMessage kind="error" compact title="Summary failed" detail={error} />}
      {summary && (
        <div className="summary" data-testid="transcript-summary">
          <p>{summary.summary}</p>
          <div className="summary__cols">
            <section>
              <h3 className="section-title">Decisions</h3>
              {summary.key_decisions.length ? (
                <ul data-testid="summary-decisions">
                  {summary.key_decisions.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">None found.</p>
              )}
            </section>
            <section>
              <h3 className="section-title">Follow-up tasks</h3>
              {summary.follow_up_tasks.length ? (
                <ul data-testid="summary-tasks">
                  {summary.follow_up_tasks.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">None found.</p>
              )}
            </section>
          </div>
          <p className="muted small">Method: {summary.method === 'llm' ? 'LLM' : 'extractive (offline)'}</p>
        </div>
      )}
    </Panel>
  );
}
