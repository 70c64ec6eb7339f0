import { useRef } from 'react';
import { api } from '../api/client';
import { usePstEvent } from '../api/use-event';
import { translate, useLanguage } from '../i18n';

const supported = (): boolean => typeof Notification !== 'undefined';

/**
 * A desktop notification for each new incoming message while the console is hidden (another
 * window in front, minimized). Permission is asked only when the officer clicks (NotificationButton).
 */
export function useMessageNotifications(): void {
  const notified = useRef(new Set<number>());
  usePstEvent('message.changed', (event) => {
    if (!supported() || Notification.permission !== 'granted' || !document.hidden) return;
    if (notified.current.has(event.messageId)) return;
    void (async () => {
      const [messages, conversation] = await Promise.all([
        api.call('messages.list', { conversationId: event.conversationId, limit: 1 }),
        api.call('conversations.get', { id: event.conversationId }),
      ]);
      const newest = messages.ok ? messages.value[0] : undefined;
      if (!newest || newest.id !== event.messageId || newest.direction !== 'incoming' || !conversation.ok) return;
      notified.current.add(newest.id);
      const language = useLanguage.getState().language;
      const who = conversation.value.requester.name ?? translate(language, 'common.unknownName');
      const isNew = conversation.value.status === 'new';
      const title = translate(language, isNew ? 'notify.newConversation' : 'notify.newMessage', { name: who });
      const note = new Notification(title, { body: newest.text.slice(0, 200), tag: `conversation-${event.conversationId}` });
      note.onclick = () => window.focus();
    })();
  });
}

export const notificationsSupported = supported;
