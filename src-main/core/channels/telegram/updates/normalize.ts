import type { Message, Update } from 'grammy/types';
import type { InboundAttachment, InboundMessage, PendingAttachment } from '../../../inbound/types';
import type { TelegramFileRef } from '../media';

/** An update with its files already downloaded (outside the transaction). */
export interface PreparedUpdate {
  update: Update;
  attachments: InboundAttachment[];
  tooBig: TelegramFileRef | null;
  /** The file could not be fetched now: the message is stored without it and the file fetched later. */
  pending?: PendingAttachment[];
}

export const CLOSED = new Set(['resolved', 'rated']);
const COMMANDS = new Set(['start', 'status', 'batal', 'bantuan', 'ubah', 'help']);

export const externalIdOf = (msg: Message): string => `${msg.chat.id}:${msg.message_id}`;
/** Bot API dates are Unix seconds (some test servers send milliseconds: accept both). */
export const msOf = (date: number): number => (date > 100_000_000_000 ? date : date * 1000);

/** A Telegram message as the one inbound shape; 'explicit' threading with no hints starts a new conversation. */
export function inboundOf(msg: Message, text: string, files: Pick<PreparedUpdate, 'attachments' | 'pending'>, explicit = false): InboundMessage {
  const from = msg.from!;
  const attachments: InboundAttachment[] = files.attachments;
  return {
    channel: 'telegram',
    externalId: externalIdOf(msg),
    sourceId: String(from.id),
    displayName: [from.first_name, from.last_name].filter(Boolean).join(' '),
    receivedAt: msOf(msg.date),
    text,
    attachments,
    ...(files.pending?.length ? { pendingAttachments: files.pending } : {}),
    meta: {
      chatId: msg.chat.id,
      messageId: msg.message_id,
      ...(msg.caption !== undefined ? { caption: true } : {}),
      ...(msg.reply_to_message ? { replyToMessageId: msg.reply_to_message.message_id } : {}),
    },
    requester: { telegramUserId: String(from.id), ...(from.username ? { telegramUsername: from.username } : {}) },
    thread: { mode: explicit ? 'explicit' : 'identity' },
  };
}

export function textOf(msg: Message): string {
  if (msg.text !== undefined) return msg.text;
  if (msg.caption !== undefined) return msg.caption;
  if (msg.contact) return `Kontak: ${[msg.contact.first_name, msg.contact.last_name].filter(Boolean).join(' ')} ${msg.contact.phone_number}`;
  return '';
}

/** The bot command a message starts with (/help is /bantuan; one the bot does not know is 'unknown'), or null. */
export function parseCommand(msg: Message): string | null {
  const entity = msg.entities?.[0];
  if (!msg.text || !entity || entity.type !== 'bot_command' || entity.offset !== 0) return null;
  const name = msg.text.slice(1, entity.length).split('@')[0]!.toLowerCase();
  if (!COMMANDS.has(name)) return 'unknown';
  return name === 'help' ? 'bantuan' : name;
}
