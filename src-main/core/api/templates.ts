import { z } from 'zod';
import type { TemplateFileView, TemplateView } from '../../../src-preload/contract';
import { bytesText } from '../../../src-common/bytes';
import { fillInsOf } from '../../../src-common/fill-ins';
import { safeFileName } from '../domain/file-name';
import { conflict, forbidden, invalidInput, notFound } from '../errors';
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

/** A standard answer carries a guide or a standard table, not a dataset: few files, small ones. */
const MAX_TEMPLATE_FILES = 5;
const MAX_TEMPLATE_FILE_BYTES = 5 * 1024 * 1024;

type TemplateRow = Omit<TemplateView, 'retired' | 'files'> & { retired: number };

function filesOf(db: Db): Map<number, TemplateFileView[]> {
  const files = new Map<number, TemplateFileView[]>();
  const rows = db
    .prepare('SELECT id, template_id AS templateId, file_name AS fileName, mime_type AS mimeType, size FROM template_files ORDER BY id')
    .all() as (TemplateFileView & { templateId: number })[];
  for (const { templateId, ...file } of rows) files.set(templateId, [...(files.get(templateId) ?? []), file]);
  return files;
}

function views(db: Db, rows: TemplateRow[]): TemplateView[] {
  const files = filesOf(db);
  return rows.map((r) => ({ ...r, retired: r.retired === 1, files: files.get(r.id) ?? [] }));
}

const byId = (db: Db, templateId: number): TemplateView => {
  const row = db.prepare(`SELECT ${TEMPLATE_COLUMNS} FROM templates WHERE id = ?`).get(templateId) as TemplateRow | undefined;
  if (!row) throw notFound({ code: 'templates.not_found' });
  return views(db, [row])[0]!;
};

const base64 = z
  .string()
  .max(Math.ceil(MAX_TEMPLATE_FILE_BYTES / 3) * 4 + 4, 'Berkas lebih dari 5 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Bukan base64');

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
    run: (_input, { core }) =>
      views(
        core.db,
        core.db.prepare(`SELECT ${TEMPLATE_COLUMNS} FROM templates ORDER BY system_key IS NOT NULL, retired_at IS NOT NULL, name`).all() as TemplateRow[],
      ),
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

  'templates.render': mutation<'templates.render'>({
    access: 'officer',
    input: z.strictObject({ id, conversationId: id }),
    run: (input, { core, officer }) => {
      const template = byId(core.db, input.id);
      if (template.retired) throw conflict({ code: 'templates.retired' });
      loadConversation(core.db, input.conversationId);
      core.db.prepare('UPDATE templates SET use_count = use_count + 1, last_used_at = ? WHERE id = ?').run(core.now(), input.id);
      const text = renderTemplate(template.body, placeholdersFor(core, input.conversationId, officer!.displayName));
      const files = (
        core.db
          .prepare('SELECT file_name AS fileName, mime_type AS mimeType, size, content FROM template_files WHERE template_id = ? ORDER BY id')
          .all(input.id) as {
          fileName: string;
          mimeType: string;
          size: number;
          content: Buffer;
        }[]
      ).map(({ content, ...f }) => ({ ...f, contentBase64: content.toString('base64') }));
      return { text, fillIns: fillInsOf(text), files };
    },
    // Which answers are reused, and where: the report of reused work reads these.
    audit: (input) => ({ entityType: 'template', entityId: input.id, detail: { used: true, conversationId: input.conversationId } }),
  }),

  'templates.retire': mutation<'templates.retire'>({
    access: 'supervisor',
    input: z.strictObject({ id, retired: z.boolean() }),
    run: (input, { core }) => {
      if (byId(core.db, input.id).systemKey) throw conflict({ code: 'templates.system_not_retirable' });
      core.db.prepare('UPDATE templates SET retired_at = ?, updated_at = ? WHERE id = ?').run(input.retired ? core.now() : null, core.now(), input.id);
      return byId(core.db, input.id);
    },
    audit: (input) => ({ entityType: 'template', entityId: input.id, detail: { retired: input.retired } }),
  }),

  'templates.addFile': mutation<'templates.addFile'>({
    access: 'supervisor',
    input: z.strictObject({
      templateId: id,
      fileName: z.string().trim().min(1).max(255),
      mimeType: z
        .string()
        .regex(/^[\w.+-]+\/[\w.+-]+$/, 'MIME type tidak valid')
        .max(100),
      contentBase64: base64,
    }),
    run: (input, { core }) => {
      const template = byId(core.db, input.templateId);
      if (template.files.length >= MAX_TEMPLATE_FILES) throw conflict({ code: 'templates.too_many_files', params: { max: MAX_TEMPLATE_FILES } });
      const content = Buffer.from(input.contentBase64, 'base64');
      const fileName = safeFileName(input.fileName);
      if (content.length > MAX_TEMPLATE_FILE_BYTES)
        throw invalidInput({ code: 'templates.file_too_large', params: { name: fileName, max: bytesText(MAX_TEMPLATE_FILE_BYTES) } });
      core.db
        .prepare('INSERT INTO template_files (template_id, file_name, mime_type, size, content, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.templateId, fileName, input.mimeType, content.length, content, core.now());
      return byId(core.db, input.templateId);
    },
    audit: (input, out) => ({ entityType: 'template', entityId: input.templateId, detail: { fileAdded: out.files.at(-1)?.fileName } }),
  }),

  'templates.removeFile': mutation<'templates.removeFile'>({
    access: 'supervisor',
    input: z.strictObject({ fileId: id }),
    run: (input, { core }) => {
      const row = core.db.prepare('SELECT template_id AS templateId FROM template_files WHERE id = ?').get(input.fileId) as { templateId: number } | undefined;
      if (!row) throw notFound({ code: 'templates.file_not_found' });
      core.db.prepare('DELETE FROM template_files WHERE id = ?').run(input.fileId);
      return byId(core.db, row.templateId);
    },
    audit: (input, out) => ({ entityType: 'template', entityId: out.id, detail: { fileRemoved: input.fileId } }),
  }),
} satisfies HandlerMap;
