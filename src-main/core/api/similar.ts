import { z } from 'zod';
import { fillInsOf } from '../../../src-common/fill-ins';
import { similarAsDraft, suggestSimilar } from '../workflow/similar';
import type { HandlerMap } from './define';
import { mutation } from './define';
import { id } from './schemas';

/**
 * Earlier answers of the office for a consultation's need. Both calls write: what was shown and
 * what was taken are counted, so the report can say how many answers reused earlier work.
 */
export const similarHandlers = {
  'similar.suggest': mutation<'similar.suggest'>({
    access: 'officer',
    input: z.strictObject({ conversationId: id }),
    run: (input, { core, officer }) => suggestSimilar(core, input.conversationId, officer!.id),
    audit: (input, out) => ({ entityType: 'conversation', entityId: input.conversationId, detail: { similarShown: out.map((s) => s.conversationId) } }),
  }),

  'similar.useAsDraft': mutation<'similar.useAsDraft'>({
    access: 'officer',
    input: z.strictObject({ conversationId: id, sourceConversationId: id }),
    run: (input, { core, officer }) => {
      const draft = similarAsDraft(core, input.conversationId, input.sourceConversationId, officer!);
      return { ...draft, fillIns: fillInsOf(draft.text) };
    },
    audit: (input) => ({ entityType: 'conversation', entityId: input.conversationId, detail: { similarUsed: input.sourceConversationId } }),
  }),
} satisfies HandlerMap;
