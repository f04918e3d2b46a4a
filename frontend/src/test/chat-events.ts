// Driving the chat reducer in tests: events for one session, folded from the initial state.
import type { ServerFrame } from '@pagi/contracts';
import {
  type AssistantTurn,
  type ChatEvent,
  type ChatState,
  chatReducer,
  initialChatState,
} from '../context/chat/chatModel.ts';

export const S = 'session-a';
export const run = (events: ChatEvent[], from: ChatState = initialChatState) => events.reduce(chatReducer, from);
export const frame = (f: ServerFrame): ChatEvent => ({ type: 'frame', frame: f });
export const send = (text: string, id = '1'): ChatEvent => ({ type: 'send', sessionId: S, text, id, at: 0 });
export const turns = (s: ChatState) => (s.bySession[S] ?? []).filter((e): e is AssistantTurn => e.kind === 'assistant');
