import type { AssistantTurn } from '../../context/chat/chatModel.ts';
import { Icon } from '../common/Icon.tsx';
import { ApprovalCard } from './ApprovalCard.tsx';
import { CopyButton } from './CopyButton.tsx';
import { HighlightedHit } from './citations.ts';
import { Markdown } from './Markdown.tsx';
import { MessageTime } from './MessageTime.tsx';
import { useCitations } from './useCitations.ts';

const STAGE_TEXT: Record<string, string> = {
  sending: 'Sending…',
  planning: 'Planning…',
  answering: 'Writing the answer…',
};

const cursor = <span className="cursor" aria-hidden="true" />;

/** The whole of what the twin said in a turn, as copied: the request, then the answer after the decision. */
const spokenText = (turn: AssistantTurn) => [turn.text, turn.followUp].filter((t) => t.trim()).join('\n\n');

/**
 * One answer of the twin: its text in Markdown, the approval cards of the turn with their results, the answer after
 * a decision; under it the time, Copy, Regenerate (on the last answer) and which planner wrote it.
 */
export function AssistantMessage({ turn, onRegenerate }: { turn: AssistantTurn; onRegenerate?: () => void }) {
  const showCursor = turn.streaming;
  const waiting = turn.streaming && !turn.text && !turn.followUp;
  const { cite, highlighted } = useCitations(turn);
  const done = !turn.streaming;
  return (
    <article
      className={`msg msg--assistant${turn.error ? ' msg--error' : ''}`}
      data-testid="assistant-message"
      data-status={turn.status ?? (turn.streaming ? 'streaming' : 'idle')}
      aria-busy={turn.streaming || undefined}
    >
      {waiting && (
        <p className="msg__stage">
          <span className="typing" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          {STAGE_TEXT[turn.stage ?? ''] ??
            (turn.stage ? `${turn.stage[0]!.toUpperCase()}${turn.stage.slice(1)}…` : 'Thinking…')}
        </p>
      )}
      {turn.text && (
        <div className="msg__text" data-testid="answer-text">
          <Markdown text={turn.text} cite={cite} after={showCursor && !turn.afterAction ? cursor : undefined} />
        </div>
      )}
      <HighlightedHit value={highlighted}>
        {turn.actions.map((a) => (
          <ApprovalCard key={a.action.action_id} entry={a} />
        ))}
      </HighlightedHit>
      {turn.followUp && (
        <div className="msg__text msg__text--answer" data-testid="final-answer">
          <Markdown text={turn.followUp} cite={cite} after={showCursor ? cursor : undefined} />
        </div>
      )}
      {turn.error && (
        <p className="msg__error" role="alert">
          {turn.error}
        </p>
      )}
      {done && (
        <footer className="msg__footer">
          {turn.actionsTaken.length > 0 && (
            <ul className="actions-taken" aria-label="Actions taken" data-testid="actions-taken">
              {turn.actionsTaken.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed once the turn is done
                <li key={i} className="chip chip--static">
                  {a}
                </li>
              ))}
            </ul>
          )}
          <div className="msg__tools">
            <MessageTime at={turn.at} />
            {spokenText(turn) && <CopyButton label="Copy answer" testId="copy-answer" text={() => spokenText(turn)} />}
            {onRegenerate && (
              <button type="button" className="msg__tool" onClick={onRegenerate} data-testid="regenerate">
                <Icon name="retry" size={14} /> Regenerate
              </button>
            )}
            {turn.provider && (
              <span className="muted small">
                {turn.provider === 'mock' ? 'mock planner' : 'LLM planner'}
                {turn.fallback ? ' (fallback)' : ''}
              </span>
            )}
          </div>
        </footer>
      )}
    </article>
  );
}
