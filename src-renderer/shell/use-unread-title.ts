import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { usePstEvent } from '../api/use-event';

/** Keeps "(3) PST Console" in the window title; returns the number of unread conversations. */
export function useUnreadTitle(appName: string): number {
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(async () => {
    const result = await api.call('inbox.unreadCount', {});
    if (result.ok) setUnread(result.value.conversations);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  usePstEvent('inbox.changed', () => void refresh());

  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${appName}` : appName;
  }, [unread, appName]);
  useEffect(() => () => void (document.title = appName), [appName]);
  return unread;
}
