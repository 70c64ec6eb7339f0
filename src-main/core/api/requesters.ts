import { z } from 'zod';
import type {
  Channel,
  ConversationSummary,
  IdentityHintView,
  OfficerView,
  RequesterIdentityView,
  RequesterSearchHit,
  RequesterView,
} from '../../../src-preload/contract';
import { conflict, notFound } from '../errors';
import type { Actor } from '../workflow/conversation';
import { updateRequirements } from '../workflow/transitions';
import type { CoreServices } from '../services';
import type { Db } from '../store/db';
import { withWorkflow, WORKFLOW_COLUMNS, type WorkflowRawColumns } from '../workflow/view';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { INDIVIDUAL_LABEL } from '../../../src-common/intake-answers';
import { INSTITUTION_SQL } from '../workflow/requirements';
import { id } from './schemas';

interface RequesterRow {
  id: number;
  name: string | null;
  institution: string | null;
  occupation: string | null;
  email: string | null;
  whatsapp: string | null;
  telegram_user_id: string | null;
  telegram_username: string | null;
  unreachable: number;
  individual: number;
  merged_into: number | null;
}

const FIELDS = ['name', 'institution', 'occupation', 'email', 'whatsapp', 'telegram_user_id', 'telegram_username'] as const;

function load(db: Db, requesterId: number): RequesterRow {
  const row = db.prepare('SELECT * FROM requesters WHERE id = ?').get(requesterId) as RequesterRow | undefined;
  if (!row) throw notFound({ code: 'requesters.not_found' });
  return row;
}

const toView = (r: RequesterRow): RequesterView => ({
  id: r.id,
  name: r.name,
  institution: r.individual === 1 ? INDIVIDUAL_LABEL : r.institution,
  occupation: r.occupation,
  email: r.email,
  whatsapp: r.whatsapp,
  telegramUsername: r.telegram_username,
  unreachable: r.unreachable === 1,
});

function conversationsOf(core: CoreServices, requesterId: number): ConversationSummary[] {
  const rows = core.db
    .prepare(
      `SELECT c.id, c.ticket, c.channel, c.status, c.subject, c.requester_id AS requesterId, r.name AS requesterName, ${INSTITUTION_SQL} AS institution,
              c.last_message_preview AS lastMessagePreview, c.last_message_at AS lastMessageAt, c.unread_count AS unreadCount,
              c.assignee_id AS assigneeId, o.display_name AS assigneeName, c.sla_due_at AS slaDueAt, c.created_at AS createdAt, ${WORKFLOW_COLUMNS}
         FROM conversations c JOIN requesters r ON r.id = c.requester_id LEFT JOIN officers o ON o.id = c.assignee_id
        WHERE c.requester_id = ? AND c.automated = 0 ORDER BY c.created_at DESC LIMIT 200`,
    )
    .all(requesterId) as WorkflowRawColumns[];
  return withWorkflow(core.db, rows, core.now()) as unknown as ConversationSummary[];
}

/** Text for a LIKE pattern, its own wildcards (and the escape character) taken literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A phone number as typed (0812-3456…, +62 812…, 812 3456) as digits of the stored form
 * (+628123456…), or null when the query is not a number of at least 4 digits.
 */
function phoneDigits(query: string): string | null {
  if (!/^[\d\s+().-]+$/.test(query)) return null;
  const digits = query.replace(/\D/g, '');
  if (digits.length < 4) return null;
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}

/** More matches than this (a common part of names) are narrowed to the newest records before ranking. */
const SEARCH_CANDIDATES = 500;

/**
 * The merge picker's search over every requester, not just what the inbox has loaded. LIKE is
 * case-insensitive for ASCII, which is how names, institutions and addresses are written here.
 * Names with a word starting with the query come first, then the most recently active. The
 * candidates are read newest record first and capped, so a common query stops early instead of
 * ranking the whole table; the officer narrows it by typing more.
 */
function searchRequesters(db: Db, input: { query: string; limit: number; exceptId: number | null }): RequesterSearchHit[] {
  const text = escapeLike(input.query);
  const rows = db
    .prepare(
      `WITH candidates AS (
         SELECT r.id FROM requesters r
          WHERE r.merged_into IS NULL AND r.id IS NOT :exceptId
            AND (r.name LIKE :anywhere ESCAPE '\\' OR r.institution LIKE :anywhere ESCAPE '\\' OR r.email LIKE :anywhere ESCAPE '\\'
                 OR r.telegram_username LIKE :username ESCAPE '\\'
                 OR (:digits IS NOT NULL AND r.whatsapp LIKE '%' || :digits || '%')
                 OR r.id IN (SELECT ci.requester_id FROM channel_identities ci
                              WHERE ci.source_id LIKE :anywhere ESCAPE '\\' OR ci.display_name LIKE :anywhere ESCAPE '\\'))
          ORDER BY r.id DESC LIMIT ${SEARCH_CANDIDATES})
       SELECT r.*, (SELECT max(c.last_message_at) FROM conversations c WHERE c.requester_id = r.id AND c.automated = 0) AS active_at
         FROM candidates JOIN requesters r ON r.id = candidates.id
        ORDER BY (r.name LIKE :start ESCAPE '\\' OR r.name LIKE :wordStart ESCAPE '\\') DESC, active_at DESC NULLS LAST, r.id DESC
        LIMIT :limit`,
    )
    .all({
      exceptId: input.exceptId,
      anywhere: `%${text}%`,
      username: `%${escapeLike(input.query.replace(/^@/, ''))}%`,
      digits: phoneDigits(input.query),
      start: `${text}%`,
      wordStart: `% ${text}%`,
      limit: input.limit,
    }) as RequesterRow[];
  const latest = db.prepare(
    `SELECT id, ticket, channel, last_message_at AS lastMessageAt, (SELECT count(*) FROM conversations WHERE requester_id = :id AND automated = 0) AS n
       FROM conversations WHERE requester_id = :id AND automated = 0 ORDER BY last_message_at DESC, id DESC LIMIT 1`,
  );
  return rows.map((r) => {
    const last = latest.get({ id: r.id }) as { id: number; ticket: string; channel: Channel; lastMessageAt: number; n: number } | undefined;
    return {
      ...toView(r),
      conversations: last?.n ?? 0,
      latestConversationId: last?.id ?? null,
      latestTicket: last?.ticket ?? null,
      latestChannel: last?.channel ?? null,
      latestMessageAt: last?.lastMessageAt ?? null,
    };
  });
}

interface HintRow {
  id: number;
  requester_id: number;
  message_id: number | null;
  conversation_id: number | null;
  field: IdentityHintView['field'];
  value: string;
  source: IdentityHintView['source'];
  state: 'pending' | 'applied' | 'confirmed' | 'dismissed';
  created_at: number;
}

const HINT_SELECT = `SELECT h.id, h.requester_id, h.message_id, m.conversation_id, h.field, h.value, h.source, h.state, h.created_at
                       FROM requester_hints h LEFT JOIN messages m ON m.id = h.message_id`;

const hintView = (h: HintRow): IdentityHintView => ({
  id: h.id,
  field: h.field,
  value: h.value,
  source: h.source,
  messageId: h.message_id,
  conversationId: h.conversation_id,
  createdAt: h.created_at,
});

/** The value a hint's field holds now: the requester's, or the need of the hint's consultation. */
function currentValue(db: Db, h: HintRow, requester: RequesterRow): string | null {
  if (h.field !== 'need') return requester[h.field];
  if (h.conversation_id === null) return null;
  return (db.prepare('SELECT need FROM conversations WHERE id = ?').get(h.conversation_id) as { need: string | null } | undefined)?.need ?? null;
}

/** Whether `part`'s words appear, in order and together, among `whole`'s (letters only, any case). */
function containsWords(whole: string | null, part: string): boolean {
  if (whole === null) return false;
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const inWhole = ` ${words(whole).join(' ')} `;
  const wanted = words(part);
  return wanted.length > 0 && inWhole.includes(` ${wanted.join(' ')} `);
}

function identityOf(db: Db, requesterId: number): RequesterIdentityView {
  const requester = load(db, requesterId);
  const rows = db.prepare(`${HINT_SELECT} WHERE h.requester_id = ? AND h.state IN ('pending', 'applied') ORDER BY h.id`).all(requesterId) as HintRow[];
  const known = new Set(
    (db.prepare("SELECT source_id FROM channel_identities WHERE requester_id = ? AND channel = 'email'").pluck().all(requesterId) as string[]).map((a) =>
      a.toLowerCase(),
    ),
  );
  const same = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
  // "Ayu" or "Ayu Lestari" says nothing new about "Ni Kadek Ayu Lestari", nor "Pendidikan Ganesha"
  // about "Universitas Pendidikan Ganesha": a name or institution the record already holds in full.
  const saysNothingNew = (h: HintRow) => (h.field === 'name' || h.field === 'institution') && containsWords(requester[h.field], h.value);
  return {
    requesterId,
    // A "dari email" mark lasts while the field still holds that value: an officer's edit ends it.
    fromEmail: rows.filter((h) => h.state === 'applied' && same(currentValue(db, h, requester), h.value)).map(hintView),
    // A suggestion the record already agrees with is no longer news.
    suggestions: rows
      .filter(
        (h) =>
          h.state === 'pending' &&
          !same(currentValue(db, h, requester), h.value) &&
          !saysNothingNew(h) &&
          !(h.source === 'address' && known.has(h.value.toLowerCase())),
      )
      .map(hintView),
  };
}

function openHints(db: Db, requesterId: number, hintIds: readonly number[]): HintRow[] {
  const rows = db
    .prepare(`${HINT_SELECT} WHERE h.requester_id = ? AND h.state IN ('pending', 'applied') AND h.id IN (SELECT value FROM json_each(?)) ORDER BY h.id`)
    .all(requesterId, JSON.stringify(hintIds)) as HintRow[];
  if (rows.length !== new Set(hintIds).size) throw notFound({ code: 'requesters.hint_not_found' });
  return rows;
}

/** One of the requester's addresses from now on: mail from it needs no ticket to find them. */
function addEmailAddress(core: CoreServices, requesterId: number, address: string): void {
  const db = core.db;
  const owner = db.prepare("SELECT requester_id FROM channel_identities WHERE channel = 'email' AND source_id = ?").get(address) as
    { requester_id: number } | undefined;
  if (owner && owner.requester_id !== requesterId) throw conflict({ code: 'requesters.address_taken', params: { address } });
  if (!owner)
    db.prepare("INSERT INTO channel_identities (requester_id, channel, source_id, created_at) VALUES (?, 'email', ?, ?)").run(requesterId, address, core.now());
  db.prepare('UPDATE requesters SET email = ?, updated_at = ? WHERE id = ? AND email IS NULL').run(address, core.now(), requesterId);
  db.prepare(
    "UPDATE requester_hints SET state = 'confirmed', decided_at = ? WHERE requester_id = ? AND field = 'email' AND value = ? AND state IN ('pending', 'applied')",
  ).run(core.now(), requesterId, address);
}

const actorOf = (officer: OfficerView | null): Actor & { officerId: number } => ({ officerId: officer!.id, name: officer!.displayName });

/**
 * Applies or confirms hints in order. A value goes through the workflow's requirements update
 * (validation, timeline line, requirements check) against the consultation it was read in, or the
 * requester's latest. Other open hints of a field that got a value are set aside.
 */
function confirmHints(core: CoreServices, requesterId: number, hintIds: readonly number[], officer: OfficerView | null): void {
  const db = core.db;
  const decide = db.prepare('UPDATE requester_hints SET state = ?, decided_at = ?, decided_by = ? WHERE id = ?');
  const supersede = db.prepare(
    "UPDATE requester_hints SET state = 'dismissed', decided_at = ?, decided_by = ? WHERE requester_id = ? AND field = ? AND id <> ? AND state IN ('pending', 'applied')",
  );
  const decided = new Set<number>();
  for (const h of openHints(db, requesterId, hintIds)) {
    if (decided.has(h.id)) continue;
    if (h.source === 'address') addEmailAddress(core, requesterId, h.value);
    else if (h.state === 'pending') {
      const conversationId =
        h.conversation_id ??
        (db
          .prepare('SELECT id FROM conversations WHERE requester_id = ? AND automated = 0 ORDER BY created_at DESC, id DESC LIMIT 1')
          .pluck()
          .get(requesterId) as number | undefined);
      if (conversationId === undefined) throw notFound({ code: 'requesters.hint_not_found' });
      const change = h.field === 'need' ? { need: h.value } : { requester: { [h.field]: h.value } };
      updateRequirements(core, conversationId, change, actorOf(officer));
      if (h.field !== 'need') {
        const others = db
          .prepare("SELECT id FROM requester_hints WHERE requester_id = ? AND field = ? AND id <> ? AND state IN ('pending', 'applied')")
          .pluck();
        for (const other of others.all(requesterId, h.field, h.id) as number[]) decided.add(other);
        supersede.run(core.now(), officer?.id ?? null, requesterId, h.field, h.id);
      }
    }
    decide.run('confirmed', core.now(), officer?.id ?? null, h.id);
  }
}

/** Set aside; a "dari email" value the officer rejects leaves its field when nobody changed it since. */
function dismissHints(core: CoreServices, requesterId: number, hintIds: readonly number[], officer: OfficerView | null): void {
  const db = core.db;
  const requester = load(db, requesterId);
  for (const h of openHints(db, requesterId, hintIds)) {
    if (h.state === 'applied' && currentValue(db, h, requester) === h.value) {
      if (h.field === 'need') db.prepare('UPDATE conversations SET need = NULL, updated_at = ? WHERE id = ?').run(core.now(), h.conversation_id);
      else db.prepare(`UPDATE requesters SET ${h.field} = NULL, updated_at = ? WHERE id = ?`).run(core.now(), requesterId);
    }
    db.prepare("UPDATE requester_hints SET state = 'dismissed', decided_at = ?, decided_by = ? WHERE id = ?").run(core.now(), officer?.id ?? null, h.id);
  }
}

const hintIds = z.array(id).min(1).max(50);

const conversationIdsOf = (db: Db, requesterId: number): number[] =>
  db.prepare('SELECT id FROM conversations WHERE requester_id = ? AND automated = 0').pluck().all(requesterId) as number[];

export const requesterHandlers = {
  /** Bounded (≤ 50) and at least 2 characters: a picker, not an export. */
  'requesters.search': query<'requesters.search'>({
    access: 'officer',
    input: z.strictObject({
      query: z.string().trim().min(2, 'Ketik minimal 2 karakter').max(100),
      limit: z.number().int().min(1).max(50).optional(),
      exceptId: id.optional(),
    }),
    run: (input, { core }) => searchRequesters(core.db, { query: input.query, limit: input.limit ?? 20, exceptId: input.exceptId ?? null }),
  }),

  'requesters.get': query<'requesters.get'>({
    access: 'officer',
    input: z.strictObject({ id }),
    run: (input, { core }) => toView(load(core.db, input.id)),
  }),

  /** Every consultation of one person, on every channel, newest first. */
  'requesters.conversations': query<'requesters.conversations'>({
    access: 'officer',
    input: z.strictObject({ requesterId: id }),
    run: (input, { core }) => {
      load(core.db, input.requesterId);
      return conversationsOf(core, input.requesterId);
    },
  }),

  /**
   * One person who wrote on two channels (or from two addresses) becomes one requester: the other's
   * channel identities, consultations and complaints move over, empty fields are filled from it,
   * and it stays behind only as a pointer (merged_into) for the record.
   */
  'requesters.merge': mutation<'requesters.merge'>({
    access: 'officer',
    input: z.strictObject({ keepId: id, mergeId: id }),
    run: (input, { core }) => {
      if (input.keepId === input.mergeId) throw conflict({ code: 'requesters.merge_self' });
      const keep = load(core.db, input.keepId);
      const merge = load(core.db, input.mergeId);
      if (keep.merged_into !== null || merge.merged_into !== null) throw conflict({ code: 'requesters.already_merged' });
      const db = core.db;
      const fills = FIELDS.filter((f) => keep[f] === null && merge[f] !== null && !(f === 'institution' && keep.individual === 1));
      if (fills.length > 0) {
        db.prepare(`UPDATE requesters SET ${fills.map((f) => `${f} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
          ...fills.map((f) => merge[f]),
          core.now(),
          keep.id,
        );
      }
      // One who said they ask for themself ("-", "perorangan") stays so, and passes it on to an empty record.
      if (keep.institution === null && keep.individual === 0 && merge.individual === 1)
        db.prepare('UPDATE requesters SET individual = 1, updated_at = ? WHERE id = ?').run(core.now(), keep.id);
      db.prepare('UPDATE channel_identities SET requester_id = ? WHERE requester_id = ?').run(keep.id, merge.id);
      const moved = db.prepare('UPDATE conversations SET requester_id = ?, updated_at = ? WHERE requester_id = ?').run(keep.id, core.now(), merge.id).changes;
      db.prepare('UPDATE complaints SET requester_id = ? WHERE requester_id = ?').run(keep.id, merge.id);
      // Hints move along; one the kept record already holds stays as the kept record has it.
      db.prepare('UPDATE OR IGNORE requester_hints SET requester_id = ? WHERE requester_id = ?').run(keep.id, merge.id);
      db.prepare('DELETE FROM requester_hints WHERE requester_id = ?').run(merge.id);
      db.prepare('UPDATE requesters SET merged_into = ?, updated_at = ? WHERE id = ?').run(keep.id, core.now(), merge.id);
      const ids = (db.prepare('SELECT id FROM conversations WHERE requester_id = ?').all(keep.id) as { id: number }[]).map((r) => r.id);
      core.events.emit('inbox.changed', { conversationIds: ids });
      return { requester: toView(load(db, keep.id)), movedConversations: moved };
    },
    audit: (input, out) => ({ entityType: 'requester', entityId: input.keepId, detail: { merged: input.mergeId, movedConversations: out.movedConversations } }),
  }),

  'requesters.identity': query<'requesters.identity'>({
    access: 'officer',
    input: z.strictObject({ requesterId: id }),
    run: (input, { core }) => identityOf(core.db, input.requesterId),
  }),

  'requesters.confirmFromEmail': mutation<'requesters.confirmFromEmail'>({
    access: 'officer',
    input: z.strictObject({ requesterId: id, hintIds }),
    run: (input, { core, officer }) => {
      load(core.db, input.requesterId);
      confirmHints(core, input.requesterId, input.hintIds, officer);
      core.events.emit('inbox.changed', { conversationIds: conversationIdsOf(core.db, input.requesterId) });
      return identityOf(core.db, input.requesterId);
    },
    audit: (input) => ({ entityType: 'requester', entityId: input.requesterId, detail: { confirmed: input.hintIds } }),
  }),

  'requesters.dismissSuggestions': mutation<'requesters.dismissSuggestions'>({
    access: 'officer',
    input: z.strictObject({ requesterId: id, hintIds }),
    run: (input, { core, officer }) => {
      dismissHints(core, input.requesterId, input.hintIds, officer);
      core.events.emit('inbox.changed', { conversationIds: conversationIdsOf(core.db, input.requesterId) });
      return identityOf(core.db, input.requesterId);
    },
    audit: (input) => ({ entityType: 'requester', entityId: input.requesterId, detail: { dismissed: input.hintIds } }),
  }),

  'requesters.addEmailAddress': mutation<'requesters.addEmailAddress'>({
    access: 'officer',
    input: z.strictObject({
      requesterId: id,
      address: z
        .email()
        .max(254)
        .transform((a) => a.trim().toLowerCase()),
    }),
    run: (input, { core }) => {
      load(core.db, input.requesterId);
      addEmailAddress(core, input.requesterId, input.address);
      return identityOf(core.db, input.requesterId);
    },
    audit: (input) => ({ entityType: 'requester', entityId: input.requesterId, detail: { address: input.address } }),
  }),

  /** The bytes of one attachment, for preview and saving (at most 20 MB by the channels' limits). */
  'attachments.get': query<'attachments.get'>({
    access: 'officer',
    input: z.strictObject({ id }),
    run: (input, { core }) => {
      const row = core.db.prepare('SELECT file_name AS fileName, mime_type AS mimeType, size, sha256 FROM attachments WHERE id = ?').get(input.id) as
        { fileName: string; mimeType: string; size: number; sha256: string } | undefined;
      if (!row) throw notFound({ code: 'attachments.not_found' });
      return {
        id: input.id,
        fileName: row.fileName,
        mimeType: row.mimeType,
        size: row.size,
        contentBase64: core.attachments.read(row.sha256).toString('base64'),
      };
    },
  }),
} satisfies HandlerMap;
