import type { SessionSummary } from '@pagi/contracts';
import {
  createContext,
  type ReactNode,
  type RefObject,
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
import { deleteSession, listSessions, renameSession } from '../../services/sessionsApi.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { type ChatEntry, chatReducer, initialChatState } from './chatModel.ts';
import { type ConversationItem, conversationItems } from './conversationItems.ts';
import { userId as browserUserId, newSessionId } from './identity.ts';
import { useSessionRoute } from './sessionRoute.ts';

export type { ConversationItem } from './conversationItems.ts';

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
  /** Renames one of the person's conversations (throws the server's refusal). */
  renameConversation: (sessionId: string, title: string) => Promise<void>;
  /** Deletes a conversation with its turns and actions (throws the server's refusal). */
  deleteConversation: (sessionId: string) => Promise<void>;
  dismissNotice: () => void;
  /** The composer's text area, so focus can return there (after a decision on a card, for instance). */
  composerRef: RefObject<HTMLTextAreaElement | null>;
  focusComposer: () => void;
}

const ChatContext = createContext<ChatContextValue | null>(null);

export function ChatProvider({ children }: { children: ReactNode }) {
  const { accountsOn, user, can } = useAuth();
  const canChat = can('chat');
  // With accounts the gateway chats as the signed-in person (`me`); without, the browser names its own user.
  const socketUser = accountsOn ? 'me' : browserUserId;
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const [connection, setConnection] = useState<SocketState>('connecting');
  const [sessionId, openSession] = useSessionRoute();
  const [known, setKnown] = useState<SessionSummary[]>([]);
  const [conversationsError, setConversationsError] = useState<string | null>(null);
  const socket = useRef<ChatSocket | null>(null);
  const composerRef = useRef<HTMLTextAreaElement | null>(null);
  const seq = useRef(0);

  const refreshConversations = useCallback(async () => {
    try {
      const { sessions } = await listSessions(config.twinId);
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
        dispatch({ type: 'frame', frame, at: Date.now() });
        if (frame.type === 'response' && frame.done) void refreshConversations();
      },
      onState: (next) => {
        setConnection(next);
        // A refused upgrade looks like any dropped socket: ask whether the session ended.
        if (next === 'offline' && accountsOn) void verifySession();
      },
    });
    socket.current = s;
    void refreshConversations();
    return () => s.close();
  }, [refreshConversations, canChat, socketUser, accountsOn]);

  // The conversation shown is followed on this socket and redrawn from its record: when it opens (a reload or a
  // link), when another is chosen, and after a reconnect (catching up on turns that finished meanwhile).
  useEffect(() => {
    if (connection === 'open') socket.current?.send({ type: 'resume', session_id: sessionId });
  }, [connection, sessionId]);

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

  const newConversation = useCallback(() => openSession(newSessionId()), [openSession]);
  const dismissNotice = useCallback(() => dispatch({ type: 'dismiss_notice' }), []);
  const focusComposer = useCallback(() => composerRef.current?.focus(), []);

  const renameConversation = useCallback(async (id: string, title: string) => {
    const renamed = await renameSession(id, title);
    setKnown((list) => list.map((s) => (s.session_id === id ? { ...s, title: renamed.title } : s)));
  }, []);

  const deleteConversation = useCallback(
    async (id: string) => {
      await deleteSession(id);
      setKnown((list) => list.filter((s) => s.session_id !== id));
      dispatch({ type: 'forget_session', sessionId: id });
      if (id === sessionId) openSession(newSessionId());
    },
    [sessionId, openSession],
  );

  const conversations = useMemo(
    () => conversationItems(known, state.bySession, sessionId),
    [known, state.bySession, sessionId],
  );
  const entries = state.bySession[sessionId] ?? [];

  const value: ChatContextValue = {
    connection,
    canChat,
    userId: accountsOn && user ? user.id : browserUserId,
    sessionId,
    entries,
    answering: entries.some((e) => e.kind === 'assistant' && e.streaming),
    stop,
    conversations,
    conversationsError,
    notice: state.notice,
    send,
    decide,
    selectSession: openSession,
    newConversation,
    renameConversation,
    deleteConversation,
    dismissNotice,
    composerRef,
    focusComposer,
  };
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}

export function useChat(): ChatContextValue {
  const ctx = useContext(ChatContext);
  if (!ctx) throw new Error('useChat must be used inside ChatProvider');
  return ctx;
}
