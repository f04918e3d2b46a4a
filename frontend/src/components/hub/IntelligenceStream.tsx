import type { ActivityEvent } from '@pagi/contracts';
import { AnimatePresence, motion } from 'framer-motion';
import { useActivity } from '../../hooks/useActivity.ts';
import { formatTime } from '../../lib/format.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';

const KIND_LABEL: Record<ActivityEvent['kind'], string> = {
  turn: 'Turn',
  approval: 'Approved',
  denial: 'Denied',
  tool_run: 'Tool run',
  memory_query: 'Memory',
  ingestion: 'Ingestion',
  system: 'System',
};

/** Live feed of what the twin does: turns, approvals, ingestions, tool runs. */
export function IntelligenceStream() {
  const { events, error, loading, state } = useActivity();
  return (
    <Panel
      title="Intelligence Stream"
      subtitle={
        state === 'reconnecting' ? 'Reconnecting to the live feed…' : 'Turns, approvals, ingestions and tool runs, live'
      }
      testId="intelligence-stream"
    >
      {events.length === 0 && error && (
        <StateMessage kind="error" title="Activity unavailable" detail={error} compact />
      )}
      {events.length === 0 && !error && loading && <StateMessage kind="loading" title="Loading activity…" compact />}
      {events.length === 0 && !error && !loading && (
        <StateMessage
          kind="empty"
          title="No activity yet"
          detail="Chats, approvals and ingestions show up here as they happen."
          compact
        />
      )}
      {events.length > 0 && (
        <ol className="stream" aria-live="polite">
          <AnimatePresence initial={false}>
            {events.slice(0, 40).map((e) => (
              <motion.li
                key={e.id}
                className={`stream__item kind--${e.kind}`}
                initial={{ opacity: 0, y: -6 }}
                animate={{ opacity: 1, y: 0 }}
                transition={{ duration: 0.2 }}
              >
                <time className="stream__time" dateTime={e.ts}>
                  {formatTime(e.ts)}
                </time>
                <span className="stream__kind">{KIND_LABEL[e.kind]}</span>
                <span className="stream__summary">{e.summary}</span>
              </motion.li>
            ))}
          </AnimatePresence>
        </ol>
      )}
    </Panel>
  );
}
