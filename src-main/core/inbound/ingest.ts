import type { Channel, ConversationStatus } from '../../../src-preload/contract';
import { isDiskFull } from '../errors';
import { safeFileName } from '../domain/file-name';
import type { CoreServices } from '../services';
import type { Db } from '../store/db';
import type { CursorUpdate, InboundAttachment, InboundHint, InboundMessage, IngestResult } from './types';
import { afterInbound, applyRatingAnswer, ratingAnswerFor } from './workflow';
import { previewOf } from '../domain/preview';
import { nextAsideReference, nextTicket } from '../domain/ticket';
import { requestText } from '../domain/mail-identity';

/** A requester writing again within this many days reopens the conversation; later, a new one. */
export const REOPEN_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

const CLOSED: readonly ConversationStatus[] = ['resolved', 'rated'];

interface ConversationRow {
  id: number;
  status: ConversationStatus;
  requester_id: number;
  resolved_at: number | null;
  requirements_complete_at: number | null;
}

/** Prepared once per database; ingest runs hot in first syncs and the benchmark. */
function statements(db: Db) {
  return {
    messageByExternal: db.prepare('SELECT id, conversation_id FROM messages WHERE channel = ? AND external_id = ?'),
    identity: db.prepare('SELECT id, requester_id FROM channel_identities WHERE channel = ? AND source_id = ?'),
    insertRequester: db.prepare(
      `INSERT INTO requesters (name, institution, email, whatsapp, telegram_user_id, telegram_username, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // A WhatsApp number is the requester's, whichever channel they first came by.
    requesterByWhatsapp: db.prepare('SELECT id FROM requesters WHERE whatsapp = ? AND merged_into IS NULL ORDER BY id LIMIT 1'),
    // Writes only when a hint fills an empty field (or a Telegram username changed): most messages
    // of a known requester bring nothing new, and a row write per message is measurable.
    fillRequester: db.prepare(
      // An individual ("-", "perorangan") keeps no institution: a mail signature does not make one up.
      `UPDATE requesters SET name = coalesce(name, @name),
              institution = CASE WHEN individual = 1 THEN institution ELSE coalesce(institution, @institution) END, email = coalesce(email, @email),
              whatsapp = coalesce(whatsapp, @wa), telegram_user_id = coalesce(telegram_user_id, @tgId), telegram_username = coalesce(@tgUser, telegram_username), updated_at = @now
        WHERE id = @id
          AND ((name IS NULL AND @name IS NOT NULL) OR (institution IS NULL AND individual = 0 AND @institution IS NOT NULL) OR (email IS NULL AND @email IS NOT NULL) OR (whatsapp IS NULL AND @wa IS NOT NULL)
               OR (telegram_user_id IS NULL AND @tgId IS NOT NULL) OR (@tgUser IS NOT NULL AND telegram_username IS NOT @tgUser))`,
    ),
    insertIdentity: db.prepare('INSERT INTO channel_identities (requester_id, channel, source_id, display_name, created_at) VALUES (?, ?, ?, ?, ?)'),
    conversationById: db.prepare('SELECT id, status, requester_id, resolved_at, requirements_complete_at FROM conversations WHERE id = ?'),
    conversationByTicket: db.prepare('SELECT id, status, requester_id, resolved_at, requirements_complete_at FROM conversations WHERE ticket = ?'),
    latestOfIdentity: db.prepare(
      `SELECT id, status, requester_id, resolved_at, requirements_complete_at FROM conversations
        WHERE requester_id = ? AND channel = ? AND automated = 0 ORDER BY created_at DESC, id DESC LIMIT 1`,
    ),
    // Written with its first message's preview, time and unread count: one row write, not an
    // insert and then an update of the same row (and of its inbox indexes).
    insertConversation: db.prepare(
      `INSERT INTO conversations (ticket, requester_id, channel_identity_id, channel, status, subject, automated,
                                  last_message_preview, last_message_at, last_incoming_at, unread_count, arrived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertMessage: db.prepare(
      `INSERT INTO messages (conversation_id, direction, channel, external_id, body_text, body_html, meta, created_at)
       VALUES (?, 'incoming', ?, ?, ?, ?, ?, ?)`,
    ),
    insertActivity: db.prepare(`INSERT INTO messages (conversation_id, direction, channel, body_text, meta, created_at) VALUES (?, 'activity', ?, ?, ?, ?)`),
    insertAttachment: db.prepare(
      'INSERT INTO attachments (message_id, sha256, file_name, mime_type, size, content_id, inline, damaged, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertDownload: db.prepare(
      `INSERT INTO attachment_downloads (message_id, channel, file_ref, file_name, mime_type, size, state, attempts, next_try_at, last_error, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 1, ?, ?, ?, ?)`,
    ),
    insertOffice: db.prepare(
      `INSERT INTO messages (conversation_id, direction, channel, external_id, body_text, body_html, meta, delivery, created_at)
       VALUES (?, 'outgoing', ?, ?, ?, ?, ?, 'sent', ?)`,
    ),
    firstResponse: db.prepare(
      `UPDATE conversations SET first_response_at = ?
        WHERE id = ? AND first_response_at IS NULL
          AND EXISTS (SELECT 1 FROM messages WHERE conversation_id = conversations.id AND direction = 'incoming' AND created_at <= ?)`,
    ),
    requesterRow: db.prepare('SELECT name, institution, occupation, email, whatsapp FROM requesters WHERE id = ?'),
    conversationNeed: db.prepare('SELECT need FROM conversations WHERE id = ?'),
    insertHint: db.prepare(
      `INSERT OR IGNORE INTO requester_hints (requester_id, message_id, field, value, source, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    fillField: {
      name: db.prepare('UPDATE requesters SET name = ?, updated_at = ? WHERE id = ? AND name IS NULL'),
      institution: db.prepare('UPDATE requesters SET institution = ?, updated_at = ? WHERE id = ? AND institution IS NULL'),
      occupation: db.prepare('UPDATE requesters SET occupation = ?, updated_at = ? WHERE id = ? AND occupation IS NULL'),
      email: db.prepare('UPDATE requesters SET email = ?, updated_at = ? WHERE id = ? AND email IS NULL'),
      whatsapp: db.prepare('UPDATE requesters SET whatsapp = ?, updated_at = ? WHERE id = ? AND whatsapp IS NULL'),
    },
    setNeedIfEmpty: db.prepare('UPDATE conversations SET need = ?, updated_at = ? WHERE id = ? AND need IS NULL'),
    touchConversation: db.prepare(
      `UPDATE conversations
          SET last_message_preview = CASE WHEN @at >= last_message_at THEN @preview ELSE last_message_preview END,
              last_message_at = max(last_message_at, @at),
              last_incoming_at = max(coalesce(last_incoming_at, 0), @at),
              unread_count = unread_count + 1,
              updated_at = @now
        WHERE id = @id`,
    ),
    reopen: db.prepare('UPDATE conversations SET status = ?, resolved_at = NULL, reopened_count = reopened_count + 1, updated_at = ? WHERE id = ?'),
    resume: db.prepare("UPDATE conversations SET status = 'in_progress', updated_at = ? WHERE id = ? AND status = 'waiting_requester'"),
    // Timeline lines a requester's action causes (a command, a sticker): once per external id.
    insertActivityOnce: db.prepare(
      `INSERT OR IGNORE INTO messages (conversation_id, direction, channel, external_id, body_text, meta, created_at) VALUES (?, 'activity', ?, ?, ?, ?, ?)`,
    ),
    insertMessageInto: db.prepare(
      `INSERT OR IGNORE INTO messages (conversation_id, direction, channel, external_id, body_text, body_html, meta, created_at)
       VALUES (?, 'incoming', ?, ?, ?, ?, ?, ?)`,
    ),
    touchQuietly: db.prepare('UPDATE conversations SET last_message_preview = ?, last_message_at = max(last_message_at, ?), updated_at = ? WHERE id = ?'),
    messageForEdit: db.prepare('SELECT id, conversation_id, direction, body_text, meta FROM messages WHERE channel = ? AND external_id = ?'),
    editMessage: db.prepare('UPDATE messages SET body_text = ?, edited_at = ?, meta = ? WHERE id = ?'),
    setUnreachable: db.prepare('UPDATE requesters SET unreachable = ?, updated_at = ? WHERE id = ? AND unreachable <> ?'),
    readCursor: db.prepare('SELECT value FROM channel_cursors WHERE channel = ? AND account = ? AND stream = ?'),
    writeCursor: db.prepare(
      `INSERT INTO channel_cursors (channel, account, stream, value, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(channel, account, stream) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
  };
}

type Statements = ReturnType<typeof statements>;
const cache = new WeakMap<Db, Statements>();
const stmts = (db: Db): Statements => {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
};

type StoredFile = InboundAttachment & { blob: { sha256: string; size: number } };

/** The inbox preview of a message without text: its first file, fetched or not. */
const filePreview = (m: InboundMessage, files: readonly StoredFile[]): string => {
  // Inline parts of a mail's HTML (a signature logo) are not news in a preview.
  const name = files.find((f) => !f.inline)?.fileName ?? m.pendingAttachments?.[0]?.fileName;
  return name ? `📎 ${name}` : '';
};

/** Files the channel could not fetch yet: one download row each, fetched later (inbound/downloads). */
function insertPending(s: Statements, m: InboundMessage, messageId: number, now: number): void {
  for (const p of m.pendingAttachments ?? [])
    s.insertDownload.run(messageId, m.channel, p.fileRef, safeFileName(p.fileName), p.mimeType, p.size, p.nextTryAt, p.error, now, now);
}

/** Attachment files are content-addressed: writing one twice is harmless, and so is an orphan after a crash. */
const storeFiles = (core: CoreServices, m: InboundMessage): StoredFile[] =>
  (m.attachments ?? []).map((a) => ({ ...a, fileName: safeFileName(a.fileName), blob: 'stored' in a ? a.stored : core.attachments.put(a.content) }));

/**
 * The writes a channel may make while it applies what arrived, all inside ingestUpdates()'s one
 * transaction. A connector never writes messages, requesters or cursors itself.
 */
export interface InboundBatch {
  /** A message from a requester: requester, conversation, reopen rule and the workflow's hooks. */
  message(m: InboundMessage): IngestResult;
  /**
   * A message kept in a given conversation without the reopen rule or the workflow's hooks (the
   * feedback a rating asked for, which leaves a closed conversation closed). Null if already stored.
   */
  messageInto(conversationId: number, m: InboundMessage): number | null;
  /** A timeline line a requester's action caused (a command, a sticker); once per external id. Null if already there. */
  activity(a: InboundActivity): number | null;
  /** The requester changed a message they sent: the text is replaced and the old one kept in meta.edits. */
  edit(e: InboundEdit): 'applied' | 'unchanged' | 'unknown';
  /** Whether messages can reach the requester (a Telegram user blocked or unblocked the bot). True if it changed. */
  setReachable(requesterId: number, reachable: boolean): boolean;
  /**
   * Runs one update's writes in a savepoint: if it throws, its rows and events are undone, the
   * error is logged, and the batch goes on, so one bad update never blocks the ones behind it.
   */
  isolated(label: string, work: () => void): void;
}

export interface InboundActivity {
  channel: Channel;
  conversationId: number;
  /** The channel's id of what caused it, or null for a line not tied to one message. */
  externalId: string | null;
  text: string;
  meta: Record<string, unknown>;
  at: number;
}

export interface InboundEdit {
  channel: Channel;
  externalId: string;
  text: string;
  editedAt: number;
}

type PendingEvent = { name: 'inbox'; conversationId: number } | { name: 'message'; conversationId: number; messageId: number };

/**
 * The one inbound path (DESIGN §3): everything a channel stores is written here, in ONE
 * transaction together with the channel's new cursor. A crash before commit leaves the cursor
 * where it was, so the same items are fetched again and stored then; after commit they are
 * skipped (messages are unique per channel and external id). Push events go out after the commit.
 */
export function ingestUpdates<T>(core: CoreServices, cursor: CursorUpdate | undefined, work: (batch: InboundBatch) => T): T {
  const s = stmts(core.db);
  const now = core.now();
  const events: PendingEvent[] = [];
  const batch: InboundBatch = {
    message(m) {
      return storeMessage(core, s, m, storeFiles(core, m), now, events);
    },
    messageInto(conversationId, m) {
      const inserted = s.insertMessageInto.run(
        conversationId,
        m.channel,
        m.externalId,
        m.text,
        m.html ?? null,
        m.meta ? JSON.stringify(m.meta) : null,
        m.receivedAt,
      );
      if (inserted.changes === 0) return null;
      const messageId = Number(inserted.lastInsertRowid);
      const files = storeFiles(core, m);
      insertAttachments(s, messageId, files, now);
      insertPending(s, m, messageId, now);
      s.touchQuietly.run(previewOf(m.text) || filePreview(m, files), m.receivedAt, now, conversationId);
      events.push({ name: 'message', conversationId, messageId });
      return messageId;
    },
    activity(a) {
      const result = s.insertActivityOnce.run(a.conversationId, a.channel, a.externalId, a.text, JSON.stringify(a.meta), a.at);
      if (result.changes === 0) return null;
      const messageId = Number(result.lastInsertRowid);
      events.push({ name: 'message', conversationId: a.conversationId, messageId });
      return messageId;
    },
    edit(e) {
      const row = s.messageForEdit.get(e.channel, e.externalId) as
        { id: number; conversation_id: number; direction: string; body_text: string; meta: string | null } | undefined;
      if (!row) return 'unknown';
      // Commands, stickers and locations are timeline lines: an edit of them changes nothing.
      if (row.direction !== 'incoming' || row.body_text === e.text) return 'unchanged';
      const meta = row.meta ? (JSON.parse(row.meta) as Record<string, unknown>) : {};
      const history = Array.isArray(meta.edits) ? (meta.edits as unknown[]) : [];
      history.push({ text: row.body_text, until: e.editedAt });
      s.editMessage.run(e.text, e.editedAt, JSON.stringify({ ...meta, edits: history }), row.id);
      events.push({ name: 'message', conversationId: row.conversation_id, messageId: row.id });
      return 'applied';
    },
    setReachable(requesterId, reachable) {
      const flag = reachable ? 0 : 1;
      return s.setUnreachable.run(flag, now, requesterId, flag).changes > 0;
    },
    isolated(label, run) {
      const mark = events.length;
      try {
        core.db.transaction(run)();
      } catch (error) {
        events.length = mark;
        console.error(`[ingest] ${label} could not be applied`, error);
      }
    },
  };

  const result = noticingFullDisk(core, () =>
    core.db.transaction(() => {
      const out = work(batch);
      if (cursor) s.writeCursor.run(cursor.channel, cursor.account, cursor.stream ?? '', JSON.stringify(cursor.value), now);
      return out;
    })(),
  );
  emitAfterCommit(core, events);
  return result;
}

/**
 * A batch that found no room is retried by its channel (the cursor did not move, nothing is lost);
 * the console says why at once, even when no officer is writing.
 */
function noticingFullDisk<T>(core: CoreServices, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isDiskFull(error)) core.disk.reportFull();
    throw error;
  }
}

function emitAfterCommit(core: CoreServices, events: readonly PendingEvent[]): void {
  const changed = [...new Set(events.filter((e) => e.name === 'inbox').map((e) => e.conversationId))];
  if (changed.length > 0) core.events.emit('inbox.changed', { conversationIds: changed });
  for (const e of events) if (e.name === 'message') core.events.emit('message.changed', { conversationId: e.conversationId, messageId: e.messageId });
}

/**
 * Stores inbound messages exactly once: in one transaction with the cursor, each message finds or
 * creates its requester and conversation unless its (channel, external_id) is already there.
 * Attachment files are written before the transaction, so it stays short.
 */
export function ingestBatch(core: CoreServices, messages: readonly InboundMessage[], cursor?: CursorUpdate): IngestResult[] {
  const s = stmts(core.db);
  const now = core.now();
  const events: PendingEvent[] = [];
  const results = noticingFullDisk(core, () => {
    const files = messages.map((m) => storeFiles(core, m));
    return core.db.transaction(() => {
      const out = messages.map((m, i) => storeMessage(core, s, m, files[i] ?? [], now, events));
      if (cursor) s.writeCursor.run(cursor.channel, cursor.account, cursor.stream ?? '', JSON.stringify(cursor.value), now);
      return out;
    })();
  });
  emitAfterCommit(core, events);
  return results;
}

export function ingest(core: CoreServices, message: InboundMessage, cursor?: CursorUpdate): IngestResult {
  return ingestBatch(core, [message], cursor)[0] as IngestResult;
}

/** A channel's stored position (null before its first batch). */
export function readCursor<T>(core: CoreServices, channel: Channel, account: string, stream = ''): T | null {
  const row = stmts(core.db).readCursor.get(channel, account, stream) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

function storeMessage(core: CoreServices, s: Statements, m: InboundMessage, files: StoredFile[], now: number, events: PendingEvent[]): IngestResult {
  const result = ingestOne(core, s, m, files, now);
  if (result.outcome === 'inserted') {
    events.push(
      { name: 'inbox', conversationId: result.conversationId },
      { name: 'message', conversationId: result.conversationId, messageId: result.messageId },
    );
  }
  return result;
}

function insertAttachments(s: Statements, messageId: number, files: readonly StoredFile[], now: number): void {
  for (const f of files) {
    s.insertAttachment.run(messageId, f.blob.sha256, f.fileName, f.mimeType, f.blob.size, f.contentId ?? null, f.inline ? 1 : 0, f.damaged ? 1 : 0, now);
  }
}

function ingestOne(core: CoreServices, s: Statements, m: InboundMessage, files: StoredFile[], now: number): IngestResult {
  const existing = s.messageByExternal.get(m.channel, m.externalId) as { id: number; conversation_id: number } | undefined;
  if (existing) {
    return {
      externalId: m.externalId,
      outcome: 'duplicate',
      messageId: existing.id,
      conversationId: existing.conversation_id,
      newConversation: false,
      reopened: false,
    };
  }

  const db = core.db;
  const explicit = m.thread?.mode === 'explicit';
  // Mail threads by what it answers or the ticket it names, whoever sends it: a requester writes
  // from their office address too, and the office answers from webmail.
  const target = explicit ? threadTarget(s, m) : undefined;
  const threaded = target?.conversation;
  if (m.office) return threaded ? storeOfficeMessage(s, m, files, threaded.id, now) : fileAside(core, s, m, files, now);
  if (m.automated && !threaded) return fileAside(core, s, m, files, now);

  let identityId: number | null;
  let requesterId: number;
  /** The sender is not (known as) the requester of the conversation the mail threads into. */
  let otherSender = false;
  if (threaded) {
    let known = s.identity.get(m.channel, m.sourceId) as { id: number; requester_id: number } | undefined;
    // An officer named the conversation: a first message from this address is its requester's.
    if (!known && m.thread?.conversationId !== undefined) {
      const identityId = Number(s.insertIdentity.run(threaded.requester_id, m.channel, m.sourceId, m.displayName ?? null, now).lastInsertRowid);
      known = { id: identityId, requester_id: threaded.requester_id };
    }
    requesterId = threaded.requester_id;
    identityId = known && known.requester_id === threaded.requester_id ? known.id : null;
    if (identityId !== null) fillFromChannel(s, m, requesterId, now);
    else otherSender = !m.automated;
  } else {
    ({ identityId, requesterId } = findOrCreateIdentity(s, m, now));
  }
  let conversation = explicit ? threaded : findConversation(s, m, requesterId);
  const preview = previewOf(m.text) || filePreview(m, files);
  let newConversation = false;
  let reopened = false;
  let resumed = false;
  // An email answering the rating request of a closed conversation is a rating, not a reopen.
  const ratingAnswer = conversation && !m.automated ? ratingAnswerFor(core, conversation.id, m) : null;

  if (conversation && !ratingAnswer && CLOSED.includes(conversation.status)) {
    const recent = conversation.resolved_at !== null && m.receivedAt - conversation.resolved_at <= REOPEN_WINDOW_MS;
    if (recent && !m.automated) {
      const status: ConversationStatus = conversation.requirements_complete_at !== null ? 'in_progress' : 'awaiting_requirements';
      s.reopen.run(status, now, conversation.id);
      s.insertActivity.run(
        conversation.id,
        m.channel,
        'Konsultasi dibuka kembali karena pesan baru dari pengguna layanan',
        JSON.stringify({ event: 'reopened' }),
        m.receivedAt,
      );
      reopened = true;
    } else if (!recent) {
      conversation = undefined;
    }
  }

  if (!conversation) {
    if (identityId === null) {
      // An old closed thread answered from another address: a new request of that sender's own.
      ({ identityId, requesterId } = findOrCreateIdentity(s, m, now));
      otherSender = false;
    }
    const ticket = nextTicket(db, m.receivedAt);
    // An imported WhatsApp chat began when its first message was written, not when it was imported.
    const createdAt = m.channel === 'whatsapp' ? Math.min(m.receivedAt, now) : now;
    const automated = m.automated ? 1 : 0;
    const id = Number(
      s.insertConversation.run(
        ticket,
        requesterId,
        identityId,
        m.channel,
        'new',
        m.subject ?? null,
        automated,
        preview,
        m.receivedAt,
        m.receivedAt,
        1,
        // Arrived when its first message was written (a first sync stores weeks-old mail now); never later than now.
        Math.min(m.receivedAt, now),
        createdAt,
        now,
      ).lastInsertRowid,
    );
    conversation = { id, status: 'new', requester_id: requesterId, resolved_at: null, requirements_complete_at: null };
    newConversation = true;
  } else if (conversation.status === 'waiting_requester' && !m.automated) {
    resumed = s.resume.run(now, conversation.id).changes > 0;
  }

  const meta = otherSender ? { ...m.meta, otherSender: m.sourceId } : m.meta;
  const messageId = Number(
    s.insertMessage.run(conversation.id, m.channel, m.externalId, m.text, m.html ?? null, meta ? JSON.stringify(meta) : null, m.receivedAt).lastInsertRowid,
  );
  insertAttachments(s, messageId, files, now);
  insertPending(s, m, messageId, now);
  if (!newConversation) s.touchConversation.run({ at: m.receivedAt, preview, now, id: conversation.id });
  if (otherSender) {
    s.insertActivity.run(
      conversation.id,
      m.channel,
      target?.by === 'reply'
        ? `Balasan dari alamat lain (${m.sourceId}) pada utas konsultasi ini; alamat itu dapat ditambahkan ke pengguna layanan`
        : `Pesan dari alamat lain (${m.sourceId}) dengan nomor tiket konsultasi ini; alamat itu dapat ditambahkan ke pengguna layanan`,
      JSON.stringify({ event: 'other_sender', address: m.sourceId, messageId }),
      m.receivedAt,
    );
    s.insertHint.run(requesterId, messageId, 'email', m.sourceId, 'address', 'pending', now);
  }
  if (!m.automated) {
    const hints = m.identityHints ?? [];
    // The need, pre-filled from the first mail of a consultation for the officer to apply; a form
    // block's Keperluan (filled at once) or the Telegram intake's answer come first.
    const firstWords =
      newConversation && m.channel === 'email' && !hints.some((h) => h.field === 'need') ? requestText(m.text).replace(/\s+/g, ' ').trim() : '';
    const need =
      firstWords !== ''
        ? [{ field: 'need' as const, value: (m.subject ? `${m.subject}: ${firstWords}` : firstWords).slice(0, 500), source: 'first_message' as const }]
        : [];
    recordHints(s, [...hints, ...need], {
      requesterId,
      conversationId: conversation.id,
      messageId,
      trusted: !otherSender,
      now,
      // A conversation made just now has no need yet (no query for it).
      ...(newConversation ? { need: null } : {}),
    });
  }
  // The workflow (SLA pause accounting, acknowledgement, out-of-hours reply, rating answers) in
  // the same transaction as the message.
  if (ratingAnswer) applyRatingAnswer(core, ratingAnswer);
  afterInbound(core, m, { conversationId: conversation.id, messageId, newConversation, reopened, resumed, ratingAnswer: ratingAnswer !== null });
  return { externalId: m.externalId, outcome: 'inserted', messageId, conversationId: conversation.id, newConversation, reopened };
}

type HintTarget = { requesterId: number; conversationId: number; messageId: number; trusted: boolean; now: number; need?: string | null };
type RequesterFields = Record<'name' | 'institution' | 'occupation' | 'email' | 'whatsapp', string | null>;

/**
 * Keeps what a message says about its sender. A form value (what the acknowledgement asked for)
 * fills a field that is still empty, as 'applied' until an officer confirms it; so does a
 * person's display name, as the channel always did. Everything else waits as 'pending'. A value
 * equal to the field's is no news; a different one never replaces it.
 */
function recordHints(s: Statements, hints: readonly InboundHint[], t: HintTarget): void {
  if (hints.length === 0) return;
  const current = s.requesterRow.get(t.requesterId) as RequesterFields;
  let need = t.need !== undefined ? t.need : (s.conversationNeed.get(t.conversationId) as { need: string | null }).need;
  for (const hint of hints) {
    const value = hint.value.trim().slice(0, 500);
    if (!value) continue;
    const now = hint.field === 'need' ? need : current[hint.field];
    if (now !== null && now.toLowerCase() === value.toLowerCase()) continue;
    const fills = t.trusted && now === null && (hint.source === 'form' || (hint.source === 'display_name' && hint.field === 'name'));
    if (fills) {
      if (hint.field === 'need') {
        s.setNeedIfEmpty.run(value, t.now, t.conversationId);
        need = value;
      } else {
        s.fillField[hint.field].run(value, t.now, t.requesterId);
        current[hint.field] = value;
      }
    }
    s.insertHint.run(t.requesterId, t.messageId, hint.field, value, hint.source, fills ? 'applied' : 'pending', t.now);
  }
}

/** The office's own mail in the conversation it answers: outgoing, already sent, never a requester's. */
function storeOfficeMessage(s: Statements, m: InboundMessage, files: StoredFile[], conversationId: number, now: number): IngestResult {
  const meta = { ...m.meta, sentOutsideConsole: true };
  const messageId = Number(
    s.insertOffice.run(conversationId, m.channel, m.externalId, m.text, m.html ?? null, JSON.stringify(meta), m.receivedAt).lastInsertRowid,
  );
  insertAttachments(s, messageId, files, now);
  s.touchQuietly.run(previewOf(m.text) || filePreview(m, files), m.receivedAt, now, conversationId);
  // A WhatsApp answer from the office phone is the office's reply, so it is the first response
  // when it follows the requester's first message (mail from webmail is not counted so).
  if (m.channel === 'whatsapp') s.firstResponse.run(m.receivedAt, conversationId, m.receivedAt);
  return { externalId: m.externalId, outcome: 'inserted', messageId, conversationId, newConversation: false, reopened: false };
}

const ASIDE_ADDRESS = 'surel-otomatis@pst.invalid';

/**
 * Mail no requester wrote and that answers nothing we hold (bounces, auto-replies, newsletters,
 * the office's own unthreaded mail): kept, hidden from the inbox, under one system requester and
 * an OTOMATIS reference, so it neither creates requester records nor uses a ticket number.
 */
function fileAside(core: CoreServices, s: Statements, m: InboundMessage, files: StoredFile[], now: number): IngestResult {
  const found = s.identity.get(m.channel, ASIDE_ADDRESS) as { id: number; requester_id: number } | undefined;
  let identityId: number;
  let requesterId: number;
  if (found) ({ id: identityId, requester_id: requesterId } = found);
  else {
    requesterId = Number(s.insertRequester.run('Surel otomatis', null, null, null, null, null, now, now).lastInsertRowid);
    identityId = Number(s.insertIdentity.run(requesterId, m.channel, ASIDE_ADDRESS, 'Surel otomatis', now).lastInsertRowid);
  }
  const reference = nextAsideReference(core.db, m.receivedAt);
  const preview = previewOf(m.text) || filePreview(m, files);
  const conversationId = Number(
    s.insertConversation.run(
      reference,
      requesterId,
      identityId,
      m.channel,
      'new',
      m.subject ?? null,
      1,
      preview,
      m.receivedAt,
      null,
      0,
      Math.min(m.receivedAt, now),
      now,
      now,
    ).lastInsertRowid,
  );
  const meta = { ...m.meta, from: m.sourceId, ...(m.office ? { sentOutsideConsole: true } : {}) };
  const insert = m.office ? s.insertOffice : s.insertMessage;
  const messageId = Number(insert.run(conversationId, m.channel, m.externalId, m.text, m.html ?? null, JSON.stringify(meta), m.receivedAt).lastInsertRowid);
  insertAttachments(s, messageId, files, now);
  return { externalId: m.externalId, outcome: 'inserted', messageId, conversationId, newConversation: true, reopened: false };
}

function fillFromChannel(s: Statements, m: InboundMessage, requesterId: number, now: number): void {
  if (!m.requester) return;
  const r = m.requester;
  s.fillRequester.run({
    name: r.name ?? null,
    institution: r.institution ?? null,
    email: r.email ?? null,
    wa: r.whatsapp ?? null,
    tgId: r.telegramUserId ?? null,
    tgUser: r.telegramUsername ?? null,
    now,
    id: requesterId,
  });
}

function findOrCreateIdentity(s: Statements, m: InboundMessage, now: number): { identityId: number; requesterId: number } {
  const r = m.requester ?? {};
  const found = s.identity.get(m.channel, m.sourceId) as { id: number; requester_id: number } | undefined;
  if (found) {
    fillFromChannel(s, m, found.requester_id, now);
    return { identityId: found.id, requesterId: found.requester_id };
  }
  const byNumber = m.channel === 'whatsapp' ? (s.requesterByWhatsapp.get(m.sourceId) as { id: number } | undefined) : undefined;
  if (byNumber) {
    fillFromChannel(s, m, byNumber.id, now);
    return {
      identityId: Number(s.insertIdentity.run(byNumber.id, m.channel, m.sourceId, m.displayName ?? null, now).lastInsertRowid),
      requesterId: byNumber.id,
    };
  }
  const requesterId = Number(
    s.insertRequester.run(
      r.name ?? null,
      r.institution ?? null,
      r.email ?? null,
      r.whatsapp ?? null,
      r.telegramUserId ?? null,
      r.telegramUsername ?? null,
      now,
      now,
    ).lastInsertRowid,
  );
  const identityId = Number(s.insertIdentity.run(requesterId, m.channel, m.sourceId, m.displayName ?? null, now).lastInsertRowid);
  return { identityId, requesterId };
}

/**
 * Explicit threading, whoever the sender: the officer's choice, then In-Reply-To, then References,
 * then the ticket tag; with how it was found (the timeline says why another address joined).
 */
function threadTarget(s: Statements, m: InboundMessage): { conversation: ConversationRow; by: 'officer' | 'reply' | 'ticket' } | undefined {
  const found = (row: unknown, by: 'officer' | 'reply' | 'ticket') => (row ? { conversation: row as ConversationRow, by } : undefined);
  if (m.thread?.conversationId !== undefined) return found(s.conversationById.get(m.thread.conversationId), 'officer');
  for (const ref of m.thread?.replyTo ?? []) {
    const hit = s.messageByExternal.get(m.channel, ref) as { conversation_id: number } | undefined;
    if (hit) return found(s.conversationById.get(hit.conversation_id), 'reply');
  }
  return m.thread?.ticket ? found(s.conversationByTicket.get(m.thread.ticket), 'ticket') : undefined;
}

/** Threading: explicit reply ids first, then the ticket tag, then (for chat channels) the latest thread. */
function findConversation(s: Statements, m: InboundMessage, requesterId: number): ConversationRow | undefined {
  const thread = m.thread ?? { mode: 'identity' as const };
  for (const ref of thread.replyTo ?? []) {
    const hit = s.messageByExternal.get(m.channel, ref) as { conversation_id: number } | undefined;
    if (hit) return s.conversationById.get(hit.conversation_id) as ConversationRow;
  }
  if (thread.ticket) {
    const byTicket = s.conversationByTicket.get(thread.ticket) as ConversationRow | undefined;
    // A ticket number is easy to copy; it joins only the requester's own conversation.
    if (byTicket && byTicket.requester_id === requesterId) return byTicket;
  }
  if (thread.mode === 'identity') return s.latestOfIdentity.get(requesterId, m.channel) as ConversationRow | undefined;
  return undefined;
}
