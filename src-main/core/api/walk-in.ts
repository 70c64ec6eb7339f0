import { z } from 'zod';
import { notFound } from '../errors';
import { messageQueries } from '../store/queries/messages';
import { conversationQueries } from '../workflow/conversation-queries';
import { noteReplySent } from '../workflow/similar';
import { createWalkIn, recordAnswer } from '../workflow/walk-in';
import type { HandlerMap } from './define';
import { mutation } from './define';
import { draftQueries } from './drafts';
import { id, text } from './schemas';

/** At the desk, by phone, or on the office's WhatsApp. */
const via = z.enum(['langsung', 'telepon', 'whatsapp']);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const walkInHandlers = {
  'conversations.createWalkIn': mutation<'conversations.createWalkIn'>({
    access: 'officer',
    input: z
      .strictObject({
        via,
        requesterId: id.optional(),
        requester: z
          .strictObject({
            name: optionalText(200),
            institution: optionalText(200),
            occupation: optionalText(100),
            email: optionalText(254),
            whatsapp: optionalText(30),
          })
          .optional(),
        need: text(5000),
        answer: z.strictObject({ text: text(20_000), summary: text(2000), topic: text(100) }).optional(),
      })
      // Someone known, or at least a name for someone new: a consultation is always someone's.
      .refine((v) => v.requesterId !== undefined || (v.requester?.name ?? '').trim() !== '', { path: ['requester', 'name'], message: 'Nama wajib diisi' }),
    run: (input, { core, officer }) => {
      const conversationId = createWalkIn(core, input, { officerId: officer!.id, name: officer!.displayName });
      const detail = conversationQueries(core.db).detail(conversationId, core.now());
      if (!detail) throw notFound({ code: 'conversations.not_found' });
      return detail;
    },
    audit: (input, out) => ({ entityType: 'conversation', entityId: out.id, detail: { via: input.via, answered: input.answer !== undefined } }),
  }),

  'messages.recordAnswer': mutation<'messages.recordAnswer'>({
    access: 'officer',
    input: z.strictObject({ conversationId: id, text: text(20_000), via }),
    run: (input, { core, officer }) => {
      const messageId = recordAnswer(core, input.conversationId, input.text, input.via, { officerId: officer!.id, name: officer!.displayName });
      // Like a sent reply: this officer's draft is done.
      draftQueries(core.db).clear(officer!.id, input.conversationId);
      noteReplySent(core.db, input.conversationId, messageId, input.text);
      return messageQueries(core.db).byId(messageId)!;
    },
    audit: (input, out) => ({ entityType: 'message', entityId: out.id, detail: { conversationId: input.conversationId, via: input.via } }),
  }),
} satisfies HandlerMap;
