import type { SessionSummary } from '@pagi/contracts';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { chatSocketUrl, config } from '../../config.ts';
import { verifySession } from '../../services/authApi.ts';
import { type ChatSocket, openChatSocket, type SocketState } from '../../services/chatSocket.ts';
import { getSessions } from '../../services/platformApi.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { type ChatEntry, chatReducer, initialChatState } from './chatModel.ts';
import { userId as browserUserId, newSessionId } from './identity.ts';

export interface ConversationItem {
  sessionId: string;
  title: string;
  turns: number;
  lastActivity: string | null;
}

interface ChatContextValue {
  connection: SocketState;
  /** The role may chat; without it no socket is opened and the composer and decisions are hidden. */
  canChat: boolean;
  userId: string;
  sessionId: string;
  entries: ChatEntry[];
  conversations: ConversationItem[];
  conversationsError: string | null;
  notice: string | null;
  send: (text: string) => boolean;
  /** An answer is being written in this conversation (Stop is offered). */
  answering: boolean;
  /** Stops the answer being written: the twin cancels the model's request. */
  stop: () => void;
  decide: (actionId: string, decision: 'approve' | 'deny') => void;
  selectSession: (sessionId: string) => void;
  newConversation: () => void;
  dismissNotice: () => void;
}

const ChatContext = createContext<ChatContextValue | null>(null);

function titleOf(entries: ChatEntry[] | undefined): string | null {
  const first = entries?.find((e) => e.kind === 'user');
  return first ? first.text.slice(0, 60) : null;
}

export function ChatProvider({ children }: { children: ReactNode }) {
  const { accountsOn, user, can } = useAuth();
  const canChat = can('chat');
  // With accounts the gateway chats as the signed-in person (`me`); without, the browser names its own user.
  const socketUser = accountsOn ? 'me' : browserUserId;
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const [connection, setConnection] = useState<SocketState>('connecting');
  const [sessionId, setSessionId] = useState(() => newSessionId());
  const [known, setKnown] = useState<SessionSummary[]>([]);
  const [conversationsError, setConversationsError] = useState<string | null>(null);
  const socket = useRef<ChatSocket | null>(null);
  const sessionRef = useRef(sessionId);
  sessionRef.current = sessionId;
  const seq = useRef(0);

  const refreshConversations = useCallback(async () => {
    try {
      const { sessions } = await getSessions(config.twinId);
      setKnown(sessions);
      setConversationsError(null);
    } catch (err) {
      setConversationsError((err as Error).message);
    }
  }, []);

  useEffect(() => {
    if (!canChat) return;
    const s = openChatSocket(chatSocketUrl(socketUser), {
      onFrame: (frame) => {
        dispatch({ type: 'frame', frame });
        if (frame.type === 'response' && frame.done) void refreshConversations();
      },
      onState: (next) => {
        setConnection(next);
        // A refused upgrade looks like any dropped socket: ask whether the session ended.
        if (next === 'offline' && accountsOn) void verifySession();
      },
      // Catch up on turns that finished while the socket was down.
      onOpen: (reconnected) => {
        if (reconnected) s.send({ type: 'resume', session_id: sessionRef.current });
      },
    });
    socket.current = s;
    void refreshConversations();
    return () => s.close();
  }, [refreshConversations, canChat, socketUser, accountsOn]);

  const send = useCallback(
    (text: string) => {
      const message = text.trim();
      if (!message || !socket.current) return false;
      const ok = socket.current.send({ type: 'chat', message, session_id: sessionId, twin_id: config.twinId });
      if (ok) {
        seq.current += 1;
        dispatch({ type: 'send', sessionId, text: message, id: `${Date.now()}-${seq.current}`, at: Date.now() });
      }
      return ok;
    },
    [sessionId],
  );

  const stop = useCallback(() => {
    socket.current?.send({ type: 'stop', session_id: sessionId });
  }, [sessionId]);

  const decide = useCallback(
    (actionId: string, decision: 'approve' | 'deny') => {
      dispatch({ type: 'decide', actionId, decision });
      const ok = socket.current?.send({ type: 'approval', action_id: actionId, decision, session_id: sessionId });
      if (!ok)
        dispatch({ type: 'decision_failed', actionId, message: 'Offline — the decision was not sent. Try again.' });
    },
    [sessionId],
  );

  const selectSession = useCallback(
    (id: string) => {
      setSessionId(id);
      if (!state.bySession[id]?.length) socket.current?.send({ type: 'resume', session_id: id });
    },
    [state.bySession],
  );

  const newConversation = useCallback(() => setSessionId(newSessionId()), []);
  const dismissNotice = useCallback(() => dispatch({ type: 'dismiss_notice' }), []);

  const conversations = useMemo<ConversationItem[]>(() => {
    const items = new Map<string, ConversationItem>();
    for (const s of known) {
      items.set(s.session_id, {
        sessionId: s.session_id,
        title: s.title || titleOf(state.bySession[s.session_id]) || 'Conversation',
        turns: s.turns,
        lastActivity: s.last_activity_at,
      });
    }
    for (const [sid, entries] of Object.entries(state.bySession)) {
      if (items.has(sid) || entries.length === 0) continue;
      items.set(sid, {
        sessionId: sid,
        title: titleOf(entries) ?? 'Conversation',
        turns: entries.filter((e) => e.kind === 'user').length,
        lastActivity: null,
      });
    }
    if (!items.has(sessionId))
      items.set(sessionId, { sessionId, title: 'New conversation', turns: 0, lastActivity: null });
    return [...items.values()].sort((a, b) => (b.lastActivity ?? '9').localeCompare(a.lastActivity ?? '9'));
  }, [known, state.bySession, sessionId]);

  const value: ChatContextValue = {
    connection,
    canChat,
    userId: accountsOn && user ? user.id : browserUserId,
    sessionId,
    entries: state.bySession[sessionId] ?? [],
    answering: (state.bySession[sessionId] ?? []).some((e) => e.kind === 'assistant' && e.streaming),
    stop,
    conversations,
    conversationsError,
    notice: state.notice,
    send,
    decide,
    selectSession,
    newConversation,
    dismissNotice,
  };
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}

export function useChat(): ChatContextValue {
  const ctx = useContext(ChatContext);
  if (!ctx) throw new Error('useChat must be used inside ChatProvider');
  return ctx;
}
