import { z } from 'zod';
import { normalizeWhatsapp } from '../../../src-common/whatsapp';
import type { ConversationDetail, IkmReport, OfficerView } from '../../../src-preload/contract';
import { computeIkm } from '../domain/ikm';
import { conflict, forbidden, notFound } from '../errors';
import type { CoreServices } from '../services';
import { conversationQueries } from '../workflow/conversation-queries';
import { loadConversation, type Actor } from '../workflow/conversation';
import { ratingRequestOf, recordRating, surveyAnswersBetween } from '../workflow/ratings';
import { readWorkflowSettings, writeWorkflowSettings } from '../workflow/settings';
import * as flow from '../workflow/transitions';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { empty, id, text } from './schemas';

const actorOf = (officer: OfficerView | null): Actor & { officerId: number } => ({ officerId: officer!.id, name: officer!.displayName });
const detail = (core: CoreServices, conversationId: number): ConversationDetail => {
  const found = conversationQueries(core.db).detail(conversationId, core.now());
  if (!found) throw notFound({ code: 'conversations.not_found' });
  return found;
};
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const reason = text(500);
const audited = (input: { id: number }, _out: unknown, detailOf?: unknown) => ({ entityType: 'conversation', entityId: input.id, detail: detailOf ?? input });

export const workflowHandlers = {
  'conversations.claim': mutation<'conversations.claim'>({
    access: 'officer',
    input: z.strictObject({ id, takeOver: z.boolean().optional() }),
    run: (input, { core, officer }) => {
      flow.claim(core, input.id, actorOf(officer), input.takeOver === true);
      return detail(core, input.id);
    },
    audit: (input) => audited(input, null),
  }),

  'conversations.assign': mutation<'conversations.assign'>({
    access: 'officer',
    input: z.strictObject({ id, officerId: id.nullable() }),
    run: (input, { core, officer }) => {
      const row = loadConversation(core.db, input.id);
      // An officer takes or lets go of their own work; giving work to others is a supervisor's call.
      const own = input.officerId === officer!.id || (input.officerId === null && row.assignee_id === officer!.id);
      if (!own && officer!.role === 'officer') throw forbidden({ code: 'conversations.assign_supervisor_only' });
      flow.assign(core, row, input.officerId, actorOf(officer));
      if (input.officerId !== null) flow.checkRequirements(core, row, actorOf(officer));
      return detail(core, input.id);
    },
    audit: (input) => audited(input, null),
  }),

  'conversations.updateRequirements': mutation<'conversations.updateRequirements'>({
    access: 'officer',
    input: z.strictObject({
      id,
      requester: z
        .strictObject({
          name: optionalText(200),
          institution: optionalText(200),
          occupation: optionalText(100),
          email: optionalText(254),
          whatsapp: optionalText(30),
        })
        .optional(),
      need: optionalText(5000),
    }),
    run: (input, { core, officer }) => {
      flow.updateRequirements(
        core,
        input.id,
        { ...(input.requester ? { requester: input.requester } : {}), ...(input.need !== undefined ? { need: input.need } : {}) },
        actorOf(officer),
      );
      return detail(core, input.id);
    },
    audit: (input) => audited(input, null),
  }),

  'conversations.setRequirementsComplete': mutation<'conversations.setRequirementsComplete'>({
    access: 'officer',
    input: z.strictObject({ id, complete: z.boolean(), reason }),
    run: (input, { core, officer }) => {
      flow.setRequirementsComplete(core, input.id, input.complete, input.reason, actorOf(officer));
      return detail(core, input.id);
    },
    audit: (input) => audited(input, null),
  }),

  'conversations.waitForRequester': mutation<'conversations.waitForRequester'>({
    access: 'officer',
    input: z.strictObject({ id, reason: text(500).optional() }),
    run: (input, { core, officer }) => {
      flow.waitForRequester(core, input.id, input.reason, actorOf(officer));
      return detail(core, input.id);
    },
    audit: (input) => audited(input, null),
  }),

  'conversations.resume': mutation<'conversations.resume'>({
    access: 'officer',
    input: z.strictObject({ id }),
    run: (input, { core, officer }) => {
      flow.resume(core, input.id, actorOf(officer));
      return detail(core, input.id);
    },
    audit: (input) => audited(input, null),
  }),

  'conversations.resolve': mutation<'conversations.resolve'>({
    access: 'officer',
    input: z.strictObject({ id, summary: text(5000), topic: text(100) }),
    run: (input, { core, officer }) => {
      flow.resolve(core, input.id, { summary: input.summary, topic: input.topic }, actorOf(officer));
      return detail(core, input.id);
    },
    audit: (input) => audited(input, null, { topic: input.topic }),
  }),

  'conversations.reopen': mutation<'conversations.reopen'>({
    access: 'officer',
    input: z.strictObject({ id, reason }),
    run: (input, { core, officer }) => {
      flow.reopen(core, input.id, input.reason, actorOf(officer));
      return detail(core, input.id);
    },
    audit: (input) => audited(input, null),
  }),

  'ratings.record': mutation<'ratings.record'>({
    access: 'officer',
    input: z.strictObject({
      conversationId: id,
      score: z.number().int().min(1).max(5).nullable(),
      feedback: z.string().trim().max(5000).optional(),
      skm: z.array(z.number().int().min(1).max(4).nullable()).length(9).optional(),
      via: z.enum(['telepon', 'langsung', 'whatsapp']),
    }),
    run: (input, { core, officer }) => {
      const conversation = loadConversation(core.db, input.conversationId);
      if (conversation.status !== 'resolved' && conversation.status !== 'rated') throw conflict({ code: 'ratings.only_resolved' });
      // The request of this closure exists since resolve; one rating per closure, never overwritten.
      const request = ratingRequestOf(core.db, conversation.id, conversation.reopened_count);
      const taken = request && core.db.prepare('SELECT score FROM ratings WHERE rating_request_id = ? AND score IS NOT NULL').get(request.id);
      if (taken) throw conflict({ code: 'ratings.already_rated' });
      const feedback = input.feedback?.trim() || null;
      const { rating } = recordRating(core, {
        conversationId: conversation.id,
        score: input.score,
        feedback,
        ...(input.skm ? { skm: input.skm } : {}),
        source: input.via === 'whatsapp' ? 'whatsapp' : 'manual',
        enteredBy: officer!.id,
      });
      if (!rating) throw conflict({ code: 'ratings.not_requested' });
      return rating;
    },
    audit: (input, out) => ({ entityType: 'rating', entityId: out.id, detail: { conversationId: input.conversationId, score: input.score, via: input.via } }),
  }),

  'ikm.compute': query<'ikm.compute'>({
    access: 'supervisor',
    input: z.strictObject({ from: z.number().int(), to: z.number().int() }).refine((v) => v.to > v.from, 'Akhir periode harus setelah awal'),
    run: (input, { core }): IkmReport => {
      const result = computeIkm(surveyAnswersBetween(core.db, input.from, input.to));
      const scores = core.db
        .prepare('SELECT count(*) AS count, count(score) AS withScore, avg(score) AS averageScore FROM ratings WHERE created_at >= ? AND created_at < ?')
        .get(input.from, input.to) as IkmReport['ratings'];
      return {
        from: input.from,
        to: input.to,
        respondents: result.respondents,
        unsur: result.unsur.map((u) => ({ code: u.code, name: u.name, respondents: u.respondents, nrr: u.nrr })),
        ikm: result.ikm,
        converted: result.convertedRounded,
        grade: result.category?.grade ?? null,
        label: result.category?.label ?? null,
        ratings: scores,
      };
    },
  }),

  'workflow.getSettings': query<'workflow.getSettings'>({
    access: 'officer',
    input: empty,
    run: (_input, { core }) => readWorkflowSettings(core.db),
  }),

  'workflow.updateSettings': mutation<'workflow.updateSettings'>({
    access: 'admin',
    input: z.strictObject({
      slaWorkingDays: z.number().int().min(1).max(30).optional(),
      surveyEnabled: z.boolean().optional(),
      surveyQuestions: z.array(text(400)).length(9).optional(),
      topics: z
        .array(text(100))
        .min(1)
        .max(50)
        .refine((t) => new Set(t).size === t.length, 'Topik tidak boleh ganda')
        .optional(),
      whatsappOfficeName: z.string().trim().max(100).optional(),
      whatsappOfficeNumber: z
        .string()
        .trim()
        .max(30)
        .refine((v) => v === '' || normalizeWhatsapp(v) !== null, 'Nomor WhatsApp tidak dikenali')
        .transform((v) => (v === '' ? '' : normalizeWhatsapp(v)!))
        .optional(),
    }),
    run: (input, { core }) => writeWorkflowSettings(core.db, input, core.now()),
    audit: (input) => ({ entityType: 'settings', entityId: 'workflow', detail: input }),
  }),
} satisfies HandlerMap;
