import { simpleParser } from 'mailparser';
import type { MailPeers } from '../peers/mail';
import type { ImapFlow } from 'imapflow';
import { resolveMailbox, withImap } from '../peers/mail/imap-util';
import type { BotApiEmulator, TestUser } from '../peers/telegram';
import { MARKER_PATTERN } from './protocol';

/** One message that left the console, as its peer holds it. */
export interface Delivered {
  /** Our Message-ID (email) or `${chatId}:${message_id}` (Telegram). */
  id: string;
  /** email: the recipient; telegram: the chat id. */
  to: string;
  text: string;
  markers: string[];
}

export interface PeerFacts {
  /** Message-IDs of every mail in the office INBOX, read over IMAP. */
  inboxIds: string[];
  /** Message-IDs in the office's Sent folder: the console's own copy of each mail it sent. */
  sentFolderIds: string[];
  /** Every mail the SMTP peer accepted (answered 250). */
  mailOut: Delivered[];
  /** Every message the bot sent, per the emulator. */
  telegramOut: Delivered[];
}

async function messageIds(client: ImapFlow, mailbox: string): Promise<string[]> {
  const ids: string[] = [];
  const lock = await client.getMailboxLock(mailbox);
  try {
    if (client.mailbox && client.mailbox.exists > 0) {
      for await (const message of client.fetch('1:*', { envelope: true })) ids.push(message.envelope?.messageId ?? '(none)');
    }
  } finally {
    lock.release();
  }
  return ids;
}

const markersIn = (text: string) => text.match(MARKER_PATTERN) ?? [];

export async function readPeers(mail: MailPeers, office: string, telegram: BotApiEmulator, users: readonly TestUser[]): Promise<PeerFacts> {
  const [inboxIds, sentFolderIds] = await withImap(mail.imapConfig(office), async (client) => [
    await messageIds(client, 'INBOX'),
    await messageIds(client, await resolveMailbox(client, '\\Sent')),
  ]);
  const mailOut: Delivered[] = [];
  for (const received of mail.smtp.received) {
    // Decoded, not raw: quoted-printable may break a marker across a soft line break.
    const parsed = await simpleParser(received.raw);
    const text = parsed.text ?? '';
    mailOut.push({ id: received.messageId ?? '(none)', to: received.envelope.rcptTo.join(','), text, markers: markersIn(text) });
  }
  const telegramOut: Delivered[] = [];
  for (const user of users) {
    for (const record of telegram.sentTo(user.id)) {
      // The emulator keeps the latest text; the core edits only after a button press, which this
      // harness never makes, so the text here is the text sent.
      const text = record.text ?? record.caption ?? '';
      telegramOut.push({ id: `${user.id}:${record.messageId}`, to: String(user.id), text, markers: markersIn(text) });
    }
  }
  return { inboxIds, sentFolderIds, mailOut, telegramOut };
}
