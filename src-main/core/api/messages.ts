import { recordOfficialLinks } from '../bpsdata/links';
import { z } from 'zod';
import { safeFileName } from '../domain/file-name';
import type { ConversationDetail, MessageView } from '../../../src-preload/contract';
import { conflict, notFound } from '../errors';
import { telegramChannelOf } from '../channels/telegram';
import { retryDownloadNow } from '../inbound/downloads';
import { enqueueOutgoing } from '../outbox/outbox';
import { requeueFailed } from '../outbox/worker';
import type { CoreServices } from '../services';
import { conversationQueries } from '../workflow/conversation-queries';
import { takeUpByReply } from '../workflow/transitions';
import { walkInReplyChannels, type WalkInReplyChannel } from '../workflow/walk-in-reply';
import { noteReplySent } from '../workflow/similar';
import { messageQueries } from '../store/queries/messages';
import { officerQueries } from '../store/queries/officers';
import type { HandlerMap } from './define';
import { mutation } from './define';
import { draftQueries } from './drafts';
import { id } from './schemas';

/** Telegram bots may send files up to 50 MB, but requesters download at most 20 MB: the lower bound wins. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const BASE64_MAX = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

const attachment = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  mimeType: z
    .string()
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'MIME type tidak valid')
    .max(100),
  contentBase64: z
    .string()
    .max(BASE64_MAX, 'Berkas lebih dari 20 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Bukan base64'),
});

/**
 * The channel a reply goes through: the consultation's own, or for a walk-in or phone one the
 * requester's email (a new mail thread carrying the ticket tag, so their answer finds its way
 * back) or linked Telegram chat, as the officer chose.
 */
const WALK_IN_MAIL_SUBJECT = 'Jawaban konsultasi statistik PST BPS Kabupaten Buleleng';

function replyRoute(
  core: CoreServices,
  conversation: ConversationDetail,
  via: WalkInReplyChannel | undefined,
): { channel: 'email' | 'telegram'; to?: string; subject?: string } {
  // WhatsApp is answered from the office phone and recorded (messages.recordAnswer), never sent from here.
  if (conversation.channel === 'whatsapp') throw conflict({ code: 'messages.whatsapp_no_channel' });
  if (conversation.channel !== 'manual') {
    if (via && via !== conversation.channel) throw conflict({ code: 'messages.via_other_channel' });
    return { channel: conversation.channel };
  }
  if (!via) throw conflict({ code: 'messages.manual_no_channel' });
  const route = walkInReplyChannels(core.db, conversation.id);
  if (!route.channels.includes(via)) throw conflict({ code: via === 'email' ? 'messages.walk_in_no_email' : 'messages.walk_in_no_telegram' });
  // The consultation's own subject is the console's label ("Konsultasi telepon"), no mail to answer.
  return via === 'email' ? { channel: 'email', to: route.email!, subject: WALK_IN_MAIL_SUBJECT } : { channel: 'telegram' };
}

function openConversation(core: CoreServices, conversationId: number): ConversationDetail {
  const conversation = conversationQueries(core.db).detail(conversationId);
  if (!conversation) throw notFound({ code: 'conversations.not_found' });
  return conversation;
}

const view = (core: CoreServices, messageId: number): MessageView => messageQueries(core.db).byId(messageId)!;

export const messageHandlers = {
  'messages.send': mutation<'messages.send'>({
    access: 'officer',
    input: z.strictObject({
      conversationId: id,
      text: z.string().trim().min(1).max(20_000),
      attachments: z.array(attachment).max(10).optional(),
      seenUpToMessageId: id.optional(),
      via: z.enum(['email', 'telegram']).optional(),
    }),
    run: (input, { core, officer }) => {
      const conversation = openConversation(core, input.conversationId);
      const { channel, to, subject } = replyRoute(core, conversation, input.via);
      if (input.seenUpToMessageId !== undefined) {
        // What the requester or a colleague wrote since the officer last looked: read it before answering.
        const newer = core.db
          .prepare(
            `SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND id > ?
               AND (direction = 'incoming' OR (direction IN ('outgoing', 'note') AND author_officer_id IS NOT NULL AND author_officer_id <> ?))`,
          )
          .get(conversation.id, input.seenUpToMessageId, officer!.id) as { n: number };
        if (newer.n > 0) throw conflict({ code: 'messages.newer_since_opened', params: { n: newer.n } });
      }
      const signature = officerQueries(core.db).byId(officer!.id)?.signature.trim() ?? '';
      // Email carries the officer's signature; chat messages stay short.
      const text = channel === 'email' && signature ? `${input.text}\n\n-- \n${signature}` : input.text;
      const attachments = (input.attachments ?? []).map((a) => {
        const blob = core.attachments.put(Buffer.from(a.contentBase64, 'base64'));
        return { sha256: blob.sha256, fileName: safeFileName(a.fileName), mimeType: a.mimeType };
      });
      const messageId = enqueueOutgoing(core, {
        conversationId: conversation.id,
        channel,
        officerId: officer!.id,
        payload: { kind: 'reply', text, attachments, ...(to ? { to } : {}), ...(subject ? { subject } : {}) },
      });
      takeUpByReply(core, conversation.id, { officerId: officer!.id, name: officer!.displayName });
      recordOfficialLinks(core.db, conversation.id, messageId, input.text, core.now());
      // In the same transaction: the reply is on its way, so this officer's draft is done.
      draftQueries(core.db).clear(officer!.id, conversation.id);
      noteReplySent(core.db, conversation.id, messageId, input.text);
      core.kickOutbox();
      core.events.emit('message.changed', { conversationId: conversation.id, messageId });
      core.events.emit('inbox.changed', { conversationIds: [conversation.id] });
      return view(core, messageId);
    },
    audit: (input, out) => ({
      entityType: 'message',
      entityId: out.id,
      detail: { conversationId: input.conversationId, attachments: input.attachments?.length ?? 0, ...(input.via ? { via: input.via } : {}) },
    }),
  }),

  'messages.addNote': mutation<'messages.addNote'>({
    access: 'officer',
    input: z.strictObject({ conversationId: id, text: z.string().trim().min(1).max(20_000) }),
    run: (input, { core, officer }) => {
      openConversation(core, input.conversationId);
      const messageId = messageQueries(core.db).insertNote(input.conversationId, input.text, officer!.id, core.now());
      draftQueries(core.db).clear(officer!.id, input.conversationId);
      core.events.emit('message.changed', { conversationId: input.conversationId, messageId });
      return view(core, messageId);
    },
    audit: (input, out) => ({ entityType: 'message', entityId: out.id, detail: { conversationId: input.conversationId } }),
  }),

  'messages.retry': mutation<'messages.retry'>({
    access: 'officer',
    input: z.strictObject({ messageId: id }),
    run: (input, { core }) => {
      const message = messageQueries(core.db).byId(input.messageId);
      if (!message) throw notFound({ code: 'messages.not_found' });
      if (!requeueFailed(core, input.messageId)) throw conflict({ code: 'messages.resend_only_failed' });
      core.kickOutbox();
      core.events.emit('message.changed', { conversationId: message.conversationId, messageId: message.id });
      return view(core, input.messageId);
    },
    audit: (input) => ({ entityType: 'message', entityId: input.messageId }),
  }),

  'attachments.retryDownload': mutation<'attachments.retryDownload'>({
    access: 'officer',
    input: z.strictObject({ id }),
    run: (input, { core }) => {
      const file = retryDownloadNow(core, input.id);
      if (!file) throw notFound({ code: 'attachments.download_not_found' });
      // After the commit: the channel's file worker reads the row this transaction writes.
      if (file.channel === 'telegram') setImmediate(() => telegramChannelOf(core)?.retryFilesNow());
      core.events.emit('message.changed', { conversationId: file.conversationId, messageId: file.messageId });
      return view(core, file.messageId);
    },
    audit: (input, out) => ({ entityType: 'attachment_download', entityId: input.id, detail: { messageId: out.id } }),
  }),
} satisfies HandlerMap;
