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

function openConversation(core: CoreServices, conversationId: number): ConversationDetail {
  const conversation = conversationQueries(core.db).detail(conversationId);
  if (!conversation) throw notFound({ code: 'conversations.not_found' });
  return conversation;
}

const view = (core: CoreServices, messageId: number): MessageView => messageQueries(core.db).byId(messageId)!;

export const messageHandlers = {
  'messages.send': mutation<'messages.send'>({
    access: 'officer',
    input: z.strictObject({ conversationId: id, text: z.string().trim().min(1).max(20_000), attachments: z.array(attachment).max(10).optional() }),
    run: (input, { core, officer }) => {
      const conversation = openConversation(core, input.conversationId);
      if (conversation.channel === 'manual') throw conflict({ code: 'messages.manual_no_channel' });
      // WhatsApp replies leave from the office phone (click-to-chat) and are recorded, never queued.
      if (conversation.channel === 'whatsapp') throw conflict({ code: 'messages.whatsapp_no_channel' });
      const signature = officerQueries(core.db).byId(officer!.id)?.signature.trim() ?? '';
      // Email carries the officer's signature; chat messages stay short.
      const text = conversation.channel === 'email' && signature ? `${input.text}\n\n-- \n${signature}` : input.text;
      const attachments = (input.attachments ?? []).map((a) => {
        const blob = core.attachments.put(Buffer.from(a.contentBase64, 'base64'));
        return { sha256: blob.sha256, fileName: safeFileName(a.fileName), mimeType: a.mimeType };
      });
      const messageId = enqueueOutgoing(core, {
        conversationId: conversation.id,
        channel: conversation.channel,
        officerId: officer!.id,
        payload: { kind: 'reply', text, attachments },
      });
      // In the same transaction: the reply is on its way, so this officer's draft is done.
      draftQueries(core.db).clear(officer!.id, conversation.id);
      core.kickOutbox();
      core.events.emit('message.changed', { conversationId: conversation.id, messageId });
      core.events.emit('inbox.changed', { conversationIds: [conversation.id] });
      return view(core, messageId);
    },
    audit: (input, out) => ({
      entityType: 'message',
      entityId: out.id,
      detail: { conversationId: input.conversationId, attachments: input.attachments?.length ?? 0 },
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
