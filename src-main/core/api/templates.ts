import { z } from 'zod';
import type { TemplateView } from '../../../src-preload/contract';
import { conflict, forbidden, notFound } from '../errors';
import type { Db } from '../store/db';
import { placeholdersFor } from '../workflow/automatic';
import { loadConversation } from '../workflow/conversation';
import { renderTemplate, TEMPLATE_COLUMNS } from '../workflow/templates';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { empty, id, text } from './schemas';

const shortcut = z
  .string()
  .trim()
  .regex(/^\/?[a-z0-9_-]{1,30}$/i, 'Pintasan: huruf, angka, _ atau -, maks. 30')
  .nullable();
const language = z.enum(['id', 'en']);

const byId = (db: Db, templateId: number): TemplateView => {
  const row = db.prepare(`SELECT ${TEMPLATE_COLUMNS} FROM templates WHERE id = ?`).get(templateId) as TemplateView | undefined;
  if (!row) throw notFound({ code: 'templates.not_found' });
  return row;
};

/** A name or shortcut already taken gives a conflict with a readable message, not a SQL error. */
function assertFree(db: Db, name: string | undefined, short: string | null | undefined, exceptId = 0): void {
  if (name !== undefined && db.prepare('SELECT 1 FROM templates WHERE name = ? AND id <> ?').get(name, exceptId))
    throw conflict({ code: 'templates.name_taken', params: { name } });
  if (short && db.prepare('SELECT 1 FROM templates WHERE shortcut = ? AND id <> ?').get(short, exceptId))
    throw conflict({ code: 'templates.shortcut_taken', params: { shortcut: short } });
}

/**
 * Quick replies (balasan cepat) and the system templates. Officers read and render; supervisors
 * edit quick replies; the system templates (what the console sends by itself) are the admin's.
 */
export const templateHandlers = {
  'templates.list': query<'templates.list'>({
    access: 'officer',
    input: empty,
    run: (_input, { core }) => core.db.prepare(`SELECT ${TEMPLATE_COLUMNS} FROM templates ORDER BY system_key IS NOT NULL, name`).all() as TemplateView[],
  }),

  'templates.create': mutation<'templates.create'>({
    access: 'supervisor',
    input: z.strictObject({ name: text(120), shortcut: shortcut.optional(), body: text(20_000), language: language.optional() }),
    run: (input, { core }) => {
      assertFree(core.db, input.name, input.shortcut);
      const now = core.now();
      const templateId = Number(
        core.db
          .prepare('INSERT INTO templates (name, shortcut, body, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(input.name, input.shortcut ?? null, input.body, input.language ?? 'id', now, now).lastInsertRowid,
      );
      return byId(core.db, templateId);
    },
    audit: (_input, out) => ({ entityType: 'template', entityId: out.id, detail: { name: out.name } }),
  }),

  'templates.update': mutation<'templates.update'>({
    access: 'supervisor',
    input: z.strictObject({ id, name: text(120).optional(), shortcut: shortcut.optional(), body: text(20_000).optional(), language: language.optional() }),
    run: (input, { core, officer }) => {
      const current = byId(core.db, input.id);
      if (current.systemKey && officer!.role !== 'admin') throw forbidden({ code: 'templates.system_admin_only' });
      assertFree(core.db, input.name, input.shortcut, input.id);
      core.db
        .prepare('UPDATE templates SET name = ?, shortcut = ?, body = ?, language = ?, updated_at = ? WHERE id = ?')
        .run(
          input.name ?? current.name,
          input.shortcut === undefined ? current.shortcut : input.shortcut,
          input.body ?? current.body,
          input.language ?? current.language,
          core.now(),
          input.id,
        );
      return byId(core.db, input.id);
    },
    audit: (input) => ({ entityType: 'template', entityId: input.id, detail: { fields: Object.keys(input).filter((k) => k !== 'id') } }),
  }),

  'templates.delete': mutation<'templates.delete'>({
    access: 'supervisor',
    input: z.strictObject({ id }),
    run: (input, { core }) => {
      if (byId(core.db, input.id).systemKey) throw conflict({ code: 'templates.system_undeletable' });
      core.db.prepare('DELETE FROM templates WHERE id = ?').run(input.id);
      return null;
    },
    audit: (input) => ({ entityType: 'template', entityId: input.id }),
  }),

  'templates.render': query<'templates.render'>({
    access: 'officer',
    input: z.strictObject({ id, conversationId: id }),
    run: (input, { core, officer }) => {
      const template = byId(core.db, input.id);
      loadConversation(core.db, input.conversationId);
      return { text: renderTemplate(template.body, placeholdersFor(core, input.conversationId, officer!.displayName)) };
    },
  }),
} satisfies HandlerMap;
