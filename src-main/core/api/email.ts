import { z } from 'zod';
import type { EmailAccountInput, EmailOriginalView } from '../../../src-preload/contract';
import { emailChannelOf } from '../channels/email/channel';
import { EMAIL_PASSWORD_SECRET, emailAccountView, writeEmailAccount, type EmailAccount, type EmailAccountSettings } from '../channels/email/config';
import { conflict, notFound, refuseInTraining } from '../errors';
import type { CoreServices } from '../services';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { empty, id } from './schemas';

const host = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'Nama host tidak valid');
const port = z.number().int().min(1).max(65535);
const tls = z.enum(['starttls', 'tls', 'none']);

const accountInput = z.strictObject({
  enabled: z.boolean(),
  imapHost: host,
  imapPort: port,
  imapTls: tls,
  smtpHost: host,
  smtpPort: port,
  smtpTls: tls,
  user: z.string().trim().min(1).max(255),
  fromAddress: z.union([z.literal(''), z.email('Alamat pengirim tidak valid').max(255)]),
  senderName: z.string().trim().max(120),
  officeAliases: z.array(z.email('Alamat alias tidak valid').max(255)).max(20).optional(),
  syncSince: z.number().int().nonnegative().nullable(),
  tlsCaPem: z
    .string()
    .max(20_000)
    .regex(/-----BEGIN CERTIFICATE-----/, 'Bukan sertifikat PEM')
    .nullable(),
  password: z.string().min(1).max(500).optional(),
});

const settingsOf = (input: EmailAccountInput): EmailAccountSettings => ({
  enabled: input.enabled,
  imapHost: input.imapHost,
  imapPort: input.imapPort,
  imapTls: input.imapTls,
  smtpHost: input.smtpHost,
  smtpPort: input.smtpPort,
  smtpTls: input.smtpTls,
  user: input.user,
  fromAddress: input.fromAddress,
  senderName: input.senderName,
  ...(input.officeAliases ? { officeAliases: [...new Set(input.officeAliases.map((a) => a.trim().toLowerCase()))] } : {}),
  syncSince: input.syncSince,
  tlsCaPem: input.tlsCaPem,
});

function original(core: CoreServices, messageId: number): EmailOriginalView {
  const row = core.db
    .prepare(
      `SELECT m.body_text, m.body_html, em.full_text, em.header_message_id, em.in_reply_to, em.refs
         FROM messages m LEFT JOIN email_messages em ON em.message_id = m.id WHERE m.id = ? AND m.channel = 'email'`,
    )
    .get(messageId) as
    | {
        body_text: string;
        body_html: string | null;
        full_text: string | null;
        header_message_id: string | null;
        in_reply_to: string | null;
        refs: string | null;
      }
    | undefined;
  if (!row) throw notFound({ code: 'email.not_found' });
  const fullText = row.full_text ?? row.body_text;
  const quotedText = row.full_text !== null && row.full_text.startsWith(row.body_text) ? row.full_text.slice(row.body_text.length).replace(/^\n+/, '') : null;
  return {
    messageId,
    fullText,
    quotedText,
    html: row.body_html,
    headerMessageId: row.header_message_id,
    inReplyTo: row.in_reply_to,
    references: row.refs ? (JSON.parse(row.refs) as string[]) : [],
    inlineImages: row.body_html === null ? [] : inlineImagesOf(core, messageId, row.body_html),
  };
}

/** Signature logos and pasted screenshots are small; a mail that inlines more is shown without the rest. */
const INLINE_BUDGET = 4 * 1024 * 1024;

function inlineImagesOf(core: CoreServices, messageId: number, html: string): EmailOriginalView['inlineImages'] {
  const parts = core.db
    .prepare(
      "SELECT content_id AS contentId, mime_type AS mimeType, size, sha256 FROM attachments WHERE message_id = ? AND content_id IS NOT NULL AND mime_type LIKE 'image/%' ORDER BY id",
    )
    .all(messageId) as { contentId: string; mimeType: string; size: number; sha256: string }[];
  const out: EmailOriginalView['inlineImages'] = [];
  let budget = INLINE_BUDGET;
  for (const part of parts) {
    if (part.size > budget || !html.includes(`cid:${part.contentId}`)) continue;
    budget -= part.size;
    out.push({ contentId: part.contentId, mimeType: part.mimeType, contentBase64: core.attachments.read(part.sha256).toString('base64') });
  }
  return out;
}

export const emailHandlers = {
  'email.getAccount': query<'email.getAccount'>({
    access: 'admin',
    input: empty,
    run: (_input, { core }) => emailAccountView(core),
  }),

  'email.saveAccount': mutation<'email.saveAccount'>({
    access: 'admin',
    input: accountInput,
    run: (input, { core }) => {
      refuseInTraining(core);
      if (input.password === undefined && !core.secrets.has(EMAIL_PASSWORD_SECRET)) throw conflict({ code: 'email.password_missing' });
      writeEmailAccount(core, settingsOf(input), input.password);
      // After the transaction commits: the channel reads the settings afresh.
      setImmediate(() => void emailChannelOf(core)?.reload());
      return emailAccountView(core)!;
    },
    // Never the password: only that one was (or was not) given.
    audit: (input) => ({
      entityType: 'email_account',
      entityId: input.user,
      detail: { ...settingsOf(input), tlsCaPem: input.tlsCaPem ? '(set)' : null, passwordChanged: input.password !== undefined },
    }),
  }),

  'email.testConnection': query<'email.testConnection'>({
    access: 'admin',
    input: accountInput,
    run: async (input, { core }) => {
      refuseInTraining(core);
      const password = input.password ?? core.secrets.get(EMAIL_PASSWORD_SECRET);
      if (password === null) throw conflict({ code: 'email.password_missing' });
      const account: EmailAccount = { ...settingsOf(input), password };
      const { checkConnections } = await import('../channels/email/connection');
      return checkConnections(account);
    },
  }),

  'email.status': query<'email.status'>({
    access: 'officer',
    input: empty,
    // Whatever runs the channel answers: the connector, or the note that another console runs it.
    run: (_input, { core }) => core.channels.get('email')?.status() ?? null,
  }),

  'email.reconnect': query<'email.reconnect'>({
    access: 'officer',
    input: empty,
    run: (_input, { core }) => {
      emailChannelOf(core)?.reconnect();
      return emailChannelOf(core)?.status() ?? null;
    },
  }),

  'email.original': query<'email.original'>({
    access: 'officer',
    input: z.strictObject({ messageId: id }),
    run: (input, { core }) => original(core, input.messageId),
  }),
} satisfies HandlerMap;
