import { z } from 'zod';
import { importChatExport, PHONE_TIME_ZONES, readChatExport, type ExportFiles } from '../channels/whatsapp/import';
import { notFound } from '../errors';
import { conversationQueries } from '../workflow/conversation-queries';
import { loadConversation } from '../workflow/conversation';
import { assign, checkRequirements } from '../workflow/transitions';
import type { HandlerMap } from './define';
import { mutation } from './define';
import { id } from './schemas';

/** A chat export with its media: a phone's zip of a long consultation stays well below this. */
const MAX_EXPORT_BYTES = 25 * 1024 * 1024;
const base64 = z
  .string()
  .min(1)
  .max(Math.ceil(MAX_EXPORT_BYTES / 3) * 4 + 4, 'Berkas lebih dari 25 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Bukan base64');

export const whatsappHandlers = {
  /** The zip is unpacked in prepare (async, outside the transaction); the messages go in with the audit row. */
  'whatsapp.importChat': mutation<'whatsapp.importChat', ExportFiles>({
    access: 'officer',
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(255),
      contentBase64: base64,
      conversationId: id.optional(),
      requesterNumber: z.string().trim().max(30).optional(),
      timeZone: z.enum(PHONE_TIME_ZONES).optional(),
    }),
    prepare: (input) => readChatExport(Buffer.from(input.contentBase64, 'base64')),
    run: (input, { core, officer }, files) => {
      const result = importChatExport(core, files, {
        ...(input.conversationId !== undefined ? { conversationId: input.conversationId } : {}),
        ...(input.requesterNumber ? { requesterNumber: input.requesterNumber } : {}),
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      });
      // Like a walk-in: the officer who puts a new consultation on the record handles it.
      const actor = { officerId: officer!.id, name: officer!.displayName };
      const row = loadConversation(core.db, result.conversationId);
      if (row.assignee_id === null) assign(core, row, officer!.id, actor);
      // Requirements the chat completed were complete when the requester wrote them, not when imported:
      // the SLA clock starts then (at the latest, their last new message).
      checkRequirements(core, loadConversation(core.db, result.conversationId), actor, result.lastIncomingAt ?? undefined);
      const conversation = conversationQueries(core.db).detail(result.conversationId, core.now());
      if (!conversation) throw notFound({ code: 'conversations.not_found' });
      return {
        conversation,
        added: result.added,
        alreadyThere: result.alreadyThere,
        missingFiles: result.missingFiles,
        requesterNumber: result.requesterNumber,
      };
    },
    audit: (input, out) => ({
      entityType: 'conversation',
      entityId: out.conversation.id,
      detail: { fileName: input.fileName, added: out.added, alreadyThere: out.alreadyThere, chosen: input.conversationId !== undefined },
    }),
  }),
} satisfies HandlerMap;
