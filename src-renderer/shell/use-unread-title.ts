import { useEffect } from 'react';
import { useCall } from '../api/use-call';

/** Keeps "(3) PST Console" in the window title; returns the number of unread conversations. */
export function useUnreadTitle(appName: string): number {
  // A failed count keeps the last one: the title bar has no room for an error, and the inbox shows its own.
  const { data } = useCall('inbox.unreadCount', {}, { refreshOn: ['inbox.changed'] });
  const unread = data?.conversations ?? 0;

  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${appName}` : appName;
  }, [unread, appName]);
  useEffect(() => () => void (document.title = appName), [appName]);
  return unread;
}
