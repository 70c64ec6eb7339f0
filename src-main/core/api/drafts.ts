import { z } from 'zod';
import type { DraftMode, DraftView } from '../../../src-preload/contract';
import { notFound } from '../errors';
import type { Db } from '../store/db';
import type { HandlerMap } from './define';
import { query, scratchWrite } from './define';
import { id } from './schemas';

/** As long as the longest message an officer may send (messages.send). */
export const MAX_DRAFT_CHARS = 20_000;

interface DraftRow {
  body: string;
  mode: DraftMode;
  updated_at: number;
}

const toView = (row: DraftRow): DraftView => ({ body: row.body, mode: row.mode, updatedAt: row.updated_at });

/** One officer's drafts; every statement is keyed by (officer, conversation), so no officer sees another's. */
export function draftQueries(db: Db) {
  return {
    get(officerId: number, conversationId: number): DraftView | null {
      const row = db.prepare('SELECT body, mode, updated_at FROM drafts WHERE officer_id = ? AND conversation_id = ?').get(officerId, conversationId) as
        DraftRow | undefined;
      return row ? toView(row) : null;
    },
    put(officerId: number, conversationId: number, body: string, mode: DraftMode, at: number): DraftView {
      db.prepare(
        `INSERT INTO drafts (officer_id, conversation_id, body, mode, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (officer_id, conversation_id) DO UPDATE SET body = excluded.body, mode = excluded.mode, updated_at = excluded.updated_at`,
      ).run(officerId, conversationId, body, mode, at);
      return { body, mode, updatedAt: at };
    },
    /** After a send or a note: the text left the composer, so the draft is done. */
    clear(officerId: number, conversationId: number): void {
      db.prepare('DELETE FROM drafts WHERE officer_id = ? AND conversation_id = ?').run(officerId, conversationId);
    },
  };
}

function requireConversation(db: Db, conversationId: number): void {
  if (!db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(conversationId)) throw notFound({ code: 'conversations.not_found' });
}

export const draftHandlers = {
  'drafts.get': query<'drafts.get'>({
    access: 'officer',
    input: z.strictObject({ conversationId: id }),
    run: (input, { core, officer }) => {
      requireConversation(core.db, input.conversationId);
      return draftQueries(core.db).get(officer!.id, input.conversationId);
    },
  }),

  /** Not audited (a scratch write): the renderer saves while the officer types. */
  'drafts.save': scratchWrite<'drafts.save'>({
    access: 'officer',
    input: z.strictObject({
      conversationId: id,
      // Kept as typed (no trim): the officer's line breaks and spaces come back exactly.
      body: z.string().max(MAX_DRAFT_CHARS, `Draf paling panjang ${MAX_DRAFT_CHARS.toLocaleString('id-ID')} karakter`),
      mode: z.enum(['reply', 'note']).optional(),
    }),
    run: (input, { core, officer }) => {
      requireConversation(core.db, input.conversationId);
      const drafts = draftQueries(core.db);
      if (input.body.trim() === '') {
        drafts.clear(officer.id, input.conversationId);
        return null;
      }
      return drafts.put(officer.id, input.conversationId, input.body, input.mode ?? 'reply', core.now());
    },
  }),
} satisfies HandlerMap;
