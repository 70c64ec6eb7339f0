import type { ChatMemberUpdated } from 'grammy/types';
import type { Turn } from '../bot-say';
import { latestConversation, requesterOfUser } from '../store';
import { msOf } from './normalize';

/** The requester blocked or unblocked the bot: replies cannot reach them, and the officer is told in the timeline. */
export function onMembership(base: Omit<Turn, 'chatId' | 'at'>, update: ChatMemberUpdated): void {
  if (update.chat.type !== 'private') return;
  const db = base.core.db;
  const requesterId = requesterOfUser(db, String(update.from.id));
  if (requesterId === null) return;
  const blocked = update.new_chat_member.status === 'kicked';
  const changed = base.inbound.setReachable(requesterId, !blocked);
  const latest = latestConversation(db, requesterId);
  if (!changed || !latest) return;
  const text = blocked
    ? 'Pengguna layanan memblokir bot Telegram; pesan tidak dapat dikirim kepadanya'
    : 'Pengguna layanan membuka blokir bot Telegram; pesan dapat dikirim lagi';
  base.inbound.activity({
    channel: 'telegram',
    conversationId: latest.id,
    externalId: null,
    text,
    meta: { event: blocked ? 'telegram_blocked' : 'telegram_unblocked' },
    at: msOf(update.date),
  });
}
