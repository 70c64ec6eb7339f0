import type { ConversationDetail, PushEvents, Result } from '../../src-preload/contract';

export interface DesktopNotice {
  title: string;
  body: string;
  conversationId: number;
}

export interface NewConversationNotifierOptions {
  isWindowFocused(): boolean;
  /**
   * Reads a conversation with the window's own session: when nobody is logged in the call is
   * refused, so no requester's name appears on the desktop of a console nobody has opened.
   */
  lookup(conversationId: number): Promise<Result<ConversationDetail>>;
  show(notice: DesktopNotice): void;
}

/** More than this many new conversations in one event become one summary notice. */
const MAX_SINGLE_NOTICES = 3;

/**
 * Desktop notices for `inbox.changed` events that bring conversations still `new` and unread while
 * the window is not focused; each conversation is announced once per run.
 */
export function createNewConversationNotifier(options: NewConversationNotifierOptions) {
  const announced = new Set<number>();
  // Events are handled one after another, so a burst cannot announce a conversation twice.
  let queue: Promise<unknown> = Promise.resolve();

  const handle = async (payload: PushEvents['inbox.changed']): Promise<DesktopNotice[]> => {
    if (options.isWindowFocused()) return [];
    const fresh: ConversationDetail[] = [];
    for (const id of new Set(payload.conversationIds)) {
      if (announced.has(id)) continue;
      const result = await options.lookup(id);
      if (result.ok && result.value.status === 'new' && result.value.unreadCount > 0) fresh.push(result.value);
    }
    if (fresh.length === 0 || options.isWindowFocused()) return [];
    for (const conversation of fresh) announced.add(conversation.id);

    const notices: DesktopNotice[] =
      fresh.length > MAX_SINGLE_NOTICES
        ? [{ title: `${fresh.length} konsultasi baru`, body: 'Buka PST Console untuk membacanya.', conversationId: fresh[0]!.id }]
        : fresh.map((c) => ({
            title: `Konsultasi baru ${c.ticket}`,
            body: [c.requesterName ?? 'Pengguna layanan', c.lastMessagePreview]
              .filter((part) => part !== '')
              .join(': ')
              .slice(0, 200),
            conversationId: c.id,
          }));
    for (const notice of notices) options.show(notice);
    return notices;
  };

  return (payload: PushEvents['inbox.changed']): Promise<DesktopNotice[]> => {
    const next = queue.then(() => handle(payload));
    queue = next.catch(() => undefined);
    return next;
  };
}
