import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationDetail, MessageView } from '../../src-preload/contract';
import { api } from '../api/client';
import { usePstEvent } from '../api/use-event';
import { useReconnected } from '../api/host-link';

/** The newest messages shown on open; older ones page in on request. Small enough to open fast. */
export const MESSAGE_PAGE = 30;

export interface ConversationData {
  detail: ConversationDetail | null;
  /** Oldest first, as a timeline reads. */
  messages: MessageView[];
  error: string | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder(): Promise<void>;
  reload(): Promise<void>;
  /** An action answered with the new detail: show it without another round trip. */
  setDetail(detail: ConversationDetail): void;
}

const byId = (a: MessageView, b: MessageView) => a.id - b.id;

/** One conversation: its detail and the newest page of messages, older pages on demand, live. */
export function useConversation(id: number | null): ConversationData {
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const current = useRef(id);
  current.current = id;
  // Opening reads the conversation; a reload right after (its own inbox.changed) must not ask again.
  const lastMarkRead = useRef(0);
  const markRead = useCallback(() => {
    if (id === null || Date.now() - lastMarkRead.current < 2000) return;
    lastMarkRead.current = Date.now();
    void api.call('conversations.markRead', { id });
  }, [id]);

  const reload = useCallback(async () => {
    if (id === null) return;
    const [d, m] = await Promise.all([api.call('conversations.get', { id }), api.call('messages.list', { conversationId: id, limit: MESSAGE_PAGE })]);
    if (current.current !== id) return;
    if (!d.ok) return setError(d.error.message);
    if (!m.ok) return setError(m.error.message);
    setError(null);
    setDetail(d.value);
    // A message that arrives in the conversation on screen is read as it appears.
    if (d.value.unreadCount > 0 && document.visibilityState === 'visible') markRead();
    // The newest page replaces what it covers; older pages already shown stay.
    setMessages((old) => {
      const fresh = new Map(m.value.map((x) => [x.id, x]));
      const newestOldest = m.value.length ? Math.min(...m.value.map((x) => x.id)) : Infinity;
      const kept = old.filter((x) => x.id < newestOldest && !fresh.has(x.id));
      // An unchanged message keeps its object, so its (memoized) bubble is not rendered again.
      const before = new Map(old.map((x) => [x.id, x]));
      const merged = m.value.map((x) => {
        const previous = before.get(x.id);
        return previous && JSON.stringify(previous) === JSON.stringify(x) ? previous : x;
      });
      return [...kept, ...merged].sort(byId);
    });
    setHasOlder((had) => had || m.value.length === MESSAGE_PAGE);
  }, [id, markRead]);

  useEffect(() => {
    setDetail(null);
    setMessages([]);
    setError(null);
    setHasOlder(false);
    if (id === null) return;
    lastMarkRead.current = 0;
    void reload();
    markRead();
  }, [id, reload, markRead]);

  const loadOlder = useCallback(async () => {
    if (id === null || messages.length === 0) return;
    setLoadingOlder(true);
    const oldest = messages[0]!.id;
    const result = await api.call('messages.list', { conversationId: id, beforeId: oldest, limit: MESSAGE_PAGE });
    setLoadingOlder(false);
    if (current.current !== id) return;
    if (!result.ok) return setError(result.error.message);
    setMessages((old) => [...result.value.filter((x) => !old.some((o) => o.id === x.id)), ...old].sort(byId));
    setHasOlder(result.value.length === MESSAGE_PAGE);
  }, [id, messages]);

  usePstEvent('message.changed', (event) => {
    if (event.conversationId === id) void reload();
  });
  // Events sent while the host was unreachable never arrived.
  useReconnected(() => {
    if (id !== null) void reload();
  });
  usePstEvent('inbox.changed', (event) => {
    // Status changes and ratings also add activity lines to the timeline: reload both.
    if (id !== null && event.conversationIds.includes(id)) void reload();
  });

  return { detail, messages, error, hasOlder, loadingOlder, loadOlder, reload, setDetail };
}
