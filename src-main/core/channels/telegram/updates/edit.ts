import type { Message } from 'grammy/types';
import type { Turn } from '../bot-say';
import { onMessage } from './message';
import { externalIdOf, msOf, textOf, type PreparedUpdate } from './normalize';

/** The requester edited a message: the stored text follows, the old one is kept for the officer. */
export function onEdit(base: Omit<Turn, 'chatId' | 'at'>, msg: Message, p: PreparedUpdate): void {
  if (msg.chat.type !== 'private' || !msg.from) return;
  const outcome = base.inbound.edit({ channel: 'telegram', externalId: externalIdOf(msg), text: textOf(msg), editedAt: msOf(msg.edit_date ?? msg.date) });
  // The original never reached us (sent before the bot ran): keep the edited text as the message.
  if (outcome === 'unknown') onMessage(base, msg, p);
}
