import { simpleParser, type ParsedMail } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { EmailAccountInput } from '../../src-preload/contract';
import { QUESTIONS as INTAKE_QUESTIONS } from '../../src-main/core/workflow/intake/texts';
import { startMailPeers, type MailAccount, type MailPeers, type ReceivedMessage } from '../peers/mail';
import { withImap } from '../peers/mail/imap-util';
import { startBotApiEmulator, type BotApiEmulator, type SentRecord, type TestUser } from '../peers/telegram';

/** The office mailbox the console syncs, a citizen who writes to it, an old correspondent, a hostile sender. */
export const OFFICE: MailAccount = { user: 'pst@example.test', password: 'rahasia-pst-123' };
export const CITIZEN: MailAccount = { user: 'pemohon@example.test', password: 'rahasia-pemohon-123' };
export const ARCHIVE: MailAccount = { user: 'arsip@example.test', password: 'rahasia-arsip-123' };
export const HOSTILE: MailAccount = { user: 'penipu@example.test', password: 'rahasia-penipu-123' };

export interface LivePeers {
  mail: MailPeers;
  telegram: BotApiEmulator;
  close(): Promise<void>;
}

/** Dovecot + the SMTP peer and the Bot API emulator, all on 127.0.0.1. */
export async function startLivePeers(): Promise<LivePeers> {
  const mail = await startMailPeers({ users: [OFFICE, CITIZEN, ARCHIVE, HOSTILE] });
  let telegram: BotApiEmulator;
  try {
    telegram = await startBotApiEmulator();
  } catch (error) {
    await mail.close();
    throw error;
  }
  return {
    mail,
    telegram,
    async close() {
      await telegram.close();
      await mail.close();
    },
  };
}

/** The office account as the console stores it; the CA is the peer's own (the form has no field for it). */
export function officeAccount(mail: MailPeers): EmailAccountInput {
  return {
    enabled: true,
    imapHost: mail.host,
    imapPort: mail.ports.imap,
    imapTls: 'starttls',
    smtpHost: mail.host,
    smtpPort: mail.ports.smtp,
    smtpTls: 'starttls',
    user: OFFICE.user,
    fromAddress: '',
    senderName: 'PST BPS Kabupaten Buleleng',
    syncSince: null,
    tlsCaPem: mail.ca,
    password: OFFICE.password,
  };
}

/** An RFC 822 message built by nodemailer's composer (as a mail client would write it). */
export function rfc822(mail: {
  from: string;
  to: string;
  subject: string;
  text?: string;
  html?: string;
  date?: Date;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
}): Promise<Buffer> {
  return new MailComposer(mail).compile().build();
}

/** The mails the SMTP peer accepted since index `from`, parsed, whose plain text contains `text`. */
export async function receivedWith(mail: MailPeers, from: number, text: string): Promise<{ message: ReceivedMessage; parsed: ParsedMail } | undefined> {
  for (const message of mail.smtp.received.slice(from)) {
    const parsed = await simpleParser(message.raw);
    if (parsed.text?.includes(text)) return { message, parsed };
  }
  return undefined;
}

/** Whether the mailbox's Sent folder holds the mail with this Message-ID. */
export function sentFolderHas(mail: MailPeers, user: string, messageId: string): Promise<boolean> {
  return withImap(mail.imapConfig(user), async (client) => {
    const sent = (await client.list()).find((m) => m.specialUse === '\\Sent');
    if (!sent) return false;
    const lock = await client.getMailboxLock(sent.path);
    try {
      const uids = await client.search({ header: { 'message-id': messageId } }, { uid: true });
      return Array.isArray(uids) && uids.length > 0;
    } finally {
      lock.release();
    }
  });
}

/** The bot's intake questions, matched at the end of what it sends. */
const QUESTIONS = INTAKE_QUESTIONS;
export type IntakeAnswers = Record<keyof typeof QUESTIONS, string>;
const INTAKE_DONE = 'Terima kasih, data Anda sudah lengkap';
const NEED_OFFERED = 'Apakah ini keperluan Anda?';

/** The inline-keyboard button of a sent message whose label is `text`: its callback data. */
export function buttonData(record: SentRecord, text: string | RegExp): string {
  const rows = (record.replyMarkup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
  const button = rows.flat().find((b) => (typeof text === 'string' ? b.text === text : text.test(b.text)));
  if (!button?.callback_data) throw new Error(`no button ${String(text)} on message ${record.messageId}: ${JSON.stringify(rows)}`);
  return button.callback_data;
}

/**
 * Plays the requester through the bot's intake: answers each question as it is asked (the
 * occupation with its button), whatever the bot already knows, until the summary arrives.
 * Returns the questions asked, in order.
 */
export async function answerIntake(bot: BotApiEmulator, user: TestUser, answers: IntakeAnswers): Promise<(keyof IntakeAnswers)[]> {
  const handled = new Set<number>();
  const asked: (keyof IntakeAnswers)[] = [];
  // A need already stated in the first message is offered back; typing the answer replaces it.
  const stepOf = (r: SentRecord) =>
    r.text?.startsWith(NEED_OFFERED) ? 'need' : (Object.keys(QUESTIONS) as (keyof IntakeAnswers)[]).find((s) => r.text?.endsWith(QUESTIONS[s]));
  for (let turn = 0; turn < 12; turn++) {
    const record = await bot.waitForSent(
      user.id,
      (r) => !handled.has(r.messageId) && (stepOf(r) !== undefined || (r.text?.startsWith(INTAKE_DONE) ?? false)),
      15_000,
    );
    handled.add(record.messageId);
    const step = stepOf(record);
    if (!step) return asked;
    asked.push(step);
    if (step === 'occupation') bot.userPressesButton(user, record.messageId, buttonData(record, answers.occupation));
    else bot.userSendsText(user, answers[step]);
  }
  throw new Error(`the intake did not end: asked ${asked.join(', ')}`);
}
