import type { AssistantTurn } from '../../context/chat/chatModel.ts';
import { ApprovalCard } from './ApprovalCard.tsx';
import { HighlightedHit } from './citations.ts';
import { RichText } from './RichText.tsx';
import { useCitations } from './useCitations.ts';

const STAGE_TEXT: Record<string, string> = {
  sending: 'Sending…',
  planning: 'Planning…',
  answering: 'Writing the answer…',
};

export function AssistantMessage({ turn }: { turn: AssistantTurn }) {
  const showCursor = turn.streaming;
  const waiting = turn.streaming && !turn.text && !turn.followUp;
  const { cite, highlighted } = useCitations(turn);
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
        <div className="msg__text">
          <RichText text={turn.text} cite={cite} />
          {showCursor && !turn.afterAction && <span className="cursor" aria-hidden="true" />}
        </div>
      )}
      <HighlightedHit value={highlighted}>
        {turn.actions.map((a) => (
          <ApprovalCard key={a.action.action_id} entry={a} />
        ))}
      </HighlightedHit>
      {turn.followUp && (
        <div className="msg__text msg__text--answer" data-testid="final-answer">
          <RichText text={turn.followUp} cite={cite} />
          {showCursor && <span className="cursor" aria-hidden="true" />}
        </div>
      )}
      {turn.error && (
        <p className="msg__error" role="alert">
          {turn.error}
        </p>
      )}
      {(turn.actionsTaken.length > 0 || turn.provider) && !turn.streaming && (
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
          {turn.provider && (
            <span className="muted small">
              {turn.provider === 'mock' ? 'mock planner' : 'LLM planner'}
              {turn.fallback ? ' (fallback)' : ''}
            </span>
          )}
        </footer>
      )}
    </article>
  );
}
