import type { CallbackQuery, ChatMemberUpdated, Message, Update } from 'grammy/types';
import type { InboundAttachment, InboundMessage } from '../../inbound/types';
import { ingestBatch } from '../../inbound/ingest';
import { previewOf } from '../../domain/preview';
import type { CoreServices } from '../../services';
import { missingFor } from '../../workflow/requirements';
import { STATUS_LABELS } from '../../workflow/status';
import { formatWita } from '../../workflow/templates';
import { describeMissing } from '../../workflow/requirements';
import { botSay, type AfterCommit, type Turn } from './bot-say';
import { answerStep, beginCorrection, isRequirementName, repeatQuestion, sendSummary, startIntake, welcomeText } from './intake';
import type { TelegramFileRef } from './media';
import { endFeedback, feedbackPending, onRatingPress, onSurveyPress, recordFeedback } from './rating';
import { insertActivityOnce, latestConversation, readChat, requesterOfUser, writeChat, type LatestConversation } from './store';
import { CANCELLED, HELP, NOTHING_TO_CANCEL, OCCUPATIONS, TOO_BIG } from './texts';

/** An update with its files already downloaded (outside the transaction). */
export interface PreparedUpdate {
  update: Update;
  attachments: InboundAttachment[];
  tooBig: TelegramFileRef | null;
}

const CLOSED = new Set(['resolved', 'rated']);
const COMMANDS = new Set(['start', 'status', 'batal', 'bantuan', 'ubah', 'help']);

/**
 * Applies one getUpdates batch in ONE transaction together with the new offset (DESIGN §3): the
 * messages, the dialogue state, the bot's replies (outbox rows) and the cursor commit together or
 * not at all. Returns what must happen after the commit (button answers, cosmetic edits).
 */
export function applyBatch(core: CoreServices, account: string, prepared: readonly PreparedUpdate[], nextOffset: number): AfterCommit {
  const after: AfterCommit = { callbackAnswers: [], edits: [] };
  core.db.transaction(() => {
    for (const p of prepared) {
      try {
        core.db.transaction(() => applyUpdate(core, p, after))();
      } catch (error) {
        // A bug must not wedge the channel on one update forever: log it and move on.
        console.error(`[telegram] update ${p.update.update_id} could not be applied`, error);
      }
    }
    core.db
      .prepare(
        `INSERT INTO channel_cursors (channel, account, stream, value, updated_at) VALUES ('telegram', ?, '', ?, ?)
         ON CONFLICT(channel, account, stream) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(account, JSON.stringify({ offset: nextOffset }), core.now());
  })();
  return after;
}

function applyUpdate(core: CoreServices, p: PreparedUpdate, after: AfterCommit): void {
  const u = p.update;
  if (u.message) onMessage(core, u.message, p, after);
  else if (u.edited_message) onEdit(core, u.edited_message, p, after);
  else if (u.callback_query) onCallback(core, u.callback_query, after);
  else if (u.my_chat_member) onMembership(core, u.my_chat_member);
}

const externalIdOf = (msg: Message) => `${msg.chat.id}:${msg.message_id}`;
/** Bot API dates are Unix seconds (some test servers send milliseconds: accept both). */
const msOf = (date: number) => (date > 100_000_000_000 ? date : date * 1000);

function inboundOf(msg: Message, text: string, attachments: InboundAttachment[], explicit = false): InboundMessage {
  const from = msg.from!;
  return {
    channel: 'telegram',
    externalId: externalIdOf(msg),
    sourceId: String(from.id),
    displayName: [from.first_name, from.last_name].filter(Boolean).join(' '),
    receivedAt: msOf(msg.date),
    text,
    attachments,
    meta: {
      chatId: msg.chat.id,
      messageId: msg.message_id,
      ...(msg.caption !== undefined ? { caption: true } : {}),
      ...(msg.reply_to_message ? { replyToMessageId: msg.reply_to_message.message_id } : {}),
    },
    requester: { telegramUserId: String(from.id), ...(from.username ? { telegramUsername: from.username } : {}) },
    // 'explicit' with no hints = a new conversation (after /start when the last one is closed).
    thread: { mode: explicit ? 'explicit' : 'identity' },
  };
}

function textOf(msg: Message): string {
  if (msg.text !== undefined) return msg.text;
  if (msg.caption !== undefined) return msg.caption;
  if (msg.contact) return `Kontak: ${[msg.contact.first_name, msg.contact.last_name].filter(Boolean).join(' ')} ${msg.contact.phone_number}`;
  return '';
}

function parseCommand(msg: Message): string | null {
  const entity = msg.entities?.[0];
  if (!msg.text || !entity || entity.type !== 'bot_command' || entity.offset !== 0) return null;
  const name = msg.text.slice(1, entity.length).split('@')[0]!.toLowerCase();
  return COMMANDS.has(name) ? (name === 'help' ? 'bantuan' : name) : null;
}

const ackSent = (core: CoreServices, conversationId: number): boolean =>
  (core.db.prepare('SELECT ack_sent_at AS at FROM conversations WHERE id = ?').get(conversationId) as { at: number | null }).at !== null;
const requesterOfConversation = (core: CoreServices, conversationId: number): number =>
  (core.db.prepare('SELECT requester_id AS id FROM conversations WHERE id = ?').get(conversationId) as { id: number }).id;

/** Stores the message through ingest() (the one inbound path); intake starts on a new conversation. */
function ingestMessage(turn: Turn, msg: Message, p: PreparedUpdate, explicit: boolean): { conversationId: number; requesterId: number; isNew: boolean } | null {
  const [result] = ingestBatch(turn.core, [inboundOf(msg, textOf(msg), p.attachments, explicit)]);
  if (!result || result.outcome === 'duplicate') return null;
  const requesterId = requesterOfConversation(turn.core, result.conversationId);
  if (result.newConversation) startIntake(turn, requesterId, result.conversationId, { withWelcome: !ackSent(turn.core, result.conversationId) });
  return { conversationId: result.conversationId, requesterId, isNew: result.newConversation };
}

function onMessage(core: CoreServices, msg: Message, p: PreparedUpdate, after: AfterCommit): void {
  if (msg.chat.type !== 'private' || !msg.from || msg.from.is_bot) return;
  const turn: Turn = { core, after, chatId: String(msg.chat.id), at: msOf(msg.date) };
  const requesterId = requesterOfUser(core.db, String(msg.from.id));
  const latest = requesterId !== null ? latestConversation(core.db, requesterId) : null;
  const command = parseCommand(msg);
  if (command) {
    onCommand(turn, msg, p, command, latest);
    return;
  }

  if (msg.sticker || msg.location || msg.venue) {
    const description = msg.sticker
      ? `Pengguna layanan mengirim stiker ${msg.sticker.emoji ?? ''}`.trim()
      : `Pengguna layanan mengirim lokasi: ${msg.location!.latitude.toFixed(5)}, ${msg.location!.longitude.toFixed(5)} (https://www.openstreetmap.org/?mlat=${msg.location!.latitude}&mlon=${msg.location!.longitude})`;
    if (latest) {
      const id = insertActivityOnce(core.db, latest.id, externalIdOf(msg), description, { event: msg.sticker ? 'sticker' : 'location', ...(msg.location ? { location: msg.location } : {}) }, turn.at);
      if (id !== null) core.events.emit('message.changed', { conversationId: latest.id, messageId: id });
    } else {
      ingestMessage(turn, msg, p, false);
    }
    return;
  }

  const pending = feedbackPending(turn);
  if (pending && (msg.text !== undefined || msg.caption !== undefined)) {
    // The feedback the rating asked for: stored with the closed conversation, which stays closed.
    storeQuietly(turn, pending.conversationId, inboundOf(msg, textOf(msg), p.attachments));
    recordFeedback(turn, pending, textOf(msg));
    return;
  }
  if (pending) endFeedback(turn);

  const stored = ingestMessage(turn, msg, p, false);
  if (!stored) return;
  if (p.tooBig) {
    insertActivityOnce(core.db, stored.conversationId, null, `Berkas "${p.tooBig.fileName}" lebih dari 20 MB dan tidak dapat diunduh dari Telegram; pengguna layanan sudah diberi tahu`, { event: 'file_too_big', fileName: p.tooBig.fileName, size: p.tooBig.size ?? null }, turn.at);
    botSay(turn, stored.conversationId, TOO_BIG(p.tooBig.fileName), { purpose: 'file_too_big' });
  }
  if (stored.isNew) return;
  const state = readChat(core.db, turn.chatId);
  if (state?.mode !== 'intake' || state.conversationId !== stored.conversationId) return;
  const answer = msg.text ?? (state.step === 'whatsapp' ? msg.contact?.phone_number : undefined) ?? (state.step === 'need' ? msg.caption : undefined);
  if (answer !== undefined) answerStep(turn, state, answer);
  else repeatQuestion(turn, state);
}

/** A message kept in a conversation without the reopen rule of ingest (rating feedback). */
function storeQuietly(turn: Turn, conversationId: number, m: InboundMessage): void {
  const db = turn.core.db;
  const inserted = db
    .prepare(
      `INSERT OR IGNORE INTO messages (conversation_id, direction, channel, external_id, body_text, meta, created_at)
       VALUES (?, 'incoming', 'telegram', ?, ?, ?, ?)`,
    )
    .run(conversationId, m.externalId, m.text, JSON.stringify({ ...m.meta, ratingFeedback: true }), m.receivedAt);
  if (inserted.changes === 0) return;
  const messageId = Number(inserted.lastInsertRowid);
  for (const a of m.attachments ?? []) {
    const blob = turn.core.attachments.put(a.content);
    db.prepare('INSERT INTO attachments (message_id, sha256, file_name, mime_type, size, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(messageId, blob.sha256, a.fileName, a.mimeType, blob.size, turn.core.now());
  }
  db.prepare('UPDATE conversations SET last_message_preview = ?, last_message_at = max(last_message_at, ?), updated_at = ? WHERE id = ?').run(previewOf(m.text), m.receivedAt, turn.core.now(), conversationId);
  turn.core.events.emit('message.changed', { conversationId, messageId });
}

function statusText(turn: Turn, c: LatestConversation): string {
  const lines = [`Konsultasi ${c.ticket}`, `Status: ${STATUS_LABELS[c.status as keyof typeof STATUS_LABELS] ?? c.status}`];
  if (!CLOSED.has(c.status) && c.sla_due_at !== null) lines.push(`Batas waktu penyelesaian: ${formatWita(c.sla_due_at)}`);
  if (c.status === 'new' || c.status === 'awaiting_requirements') lines.push('', describeMissing(missingFor(turn.core.db, c.id)));
  if (CLOSED.has(c.status)) lines.push('', 'Ketik /start untuk memulai konsultasi baru.');
  return lines.join('\n');
}

function onCommand(turn: Turn, msg: Message, p: PreparedUpdate, command: string, latest: LatestConversation | null): void {
  const open = latest !== null && !CLOSED.has(latest.status);
  if (!latest || (command === 'start' && !open)) {
    // First contact, or /start after a closed consultation: a new conversation (ack + intake).
    const stored = ingestMessage(turn, msg, p, true);
    if (!stored) return;
    const fresh = latestConversation(turn.core.db, stored.requesterId)!;
    if (command === 'status') botSay(turn, fresh.id, statusText(turn, fresh), { purpose: 'status' });
    if (command === 'bantuan') botSay(turn, fresh.id, HELP, { purpose: 'help' });
    return;
  }
  const id = insertActivityOnce(turn.core.db, latest.id, externalIdOf(msg), `Pengguna layanan mengetik /${command}`, { event: 'command', command }, turn.at);
  if (id === null) return; // already applied
  turn.core.events.emit('message.changed', { conversationId: latest.id, messageId: id });
  const state = readChat(turn.core.db, turn.chatId);
  const requesterId = requesterOfConversation(turn.core, latest.id);
  switch (command) {
    case 'start':
      if (state?.mode === 'intake' && state.conversationId === latest.id) {
        botSay(turn, latest.id, `${welcomeText(turn)}\n\nKita lanjutkan pengisian data Anda.`, { purpose: 'welcome' });
        repeatQuestion(turn, state);
      } else if (missingFor(turn.core.db, latest.id).length > 0) {
        startIntake(turn, requesterId, latest.id, { withWelcome: true });
      } else {
        botSay(turn, latest.id, `${welcomeText(turn)}\n\nKonsultasi Anda ${latest.ticket} sedang kami proses. Silakan tulis bila ada tambahan.`, { purpose: 'welcome' });
      }
      return;
    case 'status':
      botSay(turn, latest.id, statusText(turn, latest), { purpose: 'status' });
      return;
    case 'bantuan':
      botSay(turn, latest.id, HELP, { purpose: 'help' });
      return;
    case 'ubah':
      sendSummary(turn, latest.id, 'Tekan tombol data yang ingin diubah.');
      return;
    case 'batal':
      if (state?.mode === 'intake') {
        writeChat(turn.core.db, { ...state, mode: 'idle', step: null, correcting: false, updatedAt: turn.at });
        botSay(turn, latest.id, CANCELLED, { purpose: 'cancel' });
      } else {
        botSay(turn, latest.id, NOTHING_TO_CANCEL, { purpose: 'cancel' });
      }
      return;
  }
}

function onEdit(core: CoreServices, msg: Message, p: PreparedUpdate, after: AfterCommit): void {
  if (msg.chat.type !== 'private' || !msg.from) return;
  const row = core.db.prepare("SELECT id, conversation_id, direction, body_text, meta FROM messages WHERE channel = 'telegram' AND external_id = ?").get(externalIdOf(msg)) as
    | { id: number; conversation_id: number; direction: string; body_text: string; meta: string | null }
    | undefined;
  const text = textOf(msg);
  if (!row) {
    // The original never reached us (sent before the bot ran): keep the edited text as the message.
    onMessage(core, msg, p, after);
    return;
  }
  // Commands, stickers and locations are timeline lines: an edit of them changes nothing.
  if (row.direction !== 'incoming' || row.body_text === text) return;
  const meta = row.meta ? (JSON.parse(row.meta) as Record<string, unknown>) : {};
  const history = Array.isArray(meta.edits) ? (meta.edits as unknown[]) : [];
  history.push({ text: row.body_text, until: msOf(msg.edit_date ?? msg.date) });
  core.db.prepare('UPDATE messages SET body_text = ?, edited_at = ?, meta = ? WHERE id = ?').run(text, msOf(msg.edit_date ?? msg.date), JSON.stringify({ ...meta, edits: history }), row.id);
  core.events.emit('message.changed', { conversationId: row.conversation_id, messageId: row.id });
}

function onCallback(core: CoreServices, cq: CallbackQuery, after: AfterCommit): void {
  const chatId = String(cq.message?.chat.id ?? cq.from.id);
  const turn: Turn = { core, after, chatId, at: core.now() };
  const press = { queryId: cq.id, messageId: cq.message?.message_id ?? 0 };
  const parts = (cq.data ?? '').split(':');
  const [kind, a, b, c] = parts;
  const answered = () => after.callbackAnswers.some((x) => x.queryId === cq.id);
  if (kind === 'r') onRatingPress(turn, press, Number(a), Number(b));
  else if (kind === 's') onSurveyPress(turn, press, Number(a), Number(b), Number(c));
  else if (kind === 'f' && a === 'skip') {
    endFeedback(turn);
    after.callbackAnswers.push({ queryId: cq.id, text: 'Baik, terima kasih.' });
    if (press.messageId) after.edits.push({ chatId, messageId: press.messageId, text: 'Terima kasih.' });
  } else if (kind === 'i') onIntakePress(turn, cq, press, a, b);
  if (!answered()) after.callbackAnswers.push({ queryId: cq.id, text: '' });
}

function onIntakePress(turn: Turn, cq: CallbackQuery, press: { queryId: string; messageId: number }, action: string | undefined, arg: string | undefined): void {
  const requesterId = requesterOfUser(turn.core.db, String(cq.from.id));
  const latest = requesterId !== null ? latestConversation(turn.core.db, requesterId) : null;
  if (requesterId === null || !latest) {
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Pilihan ini sudah tidak berlaku.' });
    return;
  }
  if (action === 'o') {
    const state = readChat(turn.core.db, turn.chatId);
    const choice = OCCUPATIONS[Number(arg)];
    if (state?.mode !== 'intake' || state.step !== 'occupation' || !choice) {
      turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Pilihan ini sudah tidak berlaku.' });
      return;
    }
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: `Pekerjaan: ${choice}` });
    turn.after.edits.push({ chatId: turn.chatId, messageId: press.messageId, text: `Pekerjaan: ${choice} ✔` });
    answerStep(turn, state, choice);
    return;
  }
  if (action === 'e' && arg && isRequirementName(arg)) {
    turn.after.callbackAnswers.push({ queryId: press.queryId, text: 'Silakan tulis data yang baru.' });
    beginCorrection(turn, requesterId, latest.id, arg);
  }
}

function onMembership(core: CoreServices, update: ChatMemberUpdated): void {
  if (update.chat.type !== 'private') return;
  const requesterId = requesterOfUser(core.db, String(update.from.id));
  if (requesterId === null) return;
  const blocked = update.new_chat_member.status === 'kicked';
  const changed = core.db.prepare('UPDATE requesters SET unreachable = ?, updated_at = ? WHERE id = ? AND unreachable <> ?').run(blocked ? 1 : 0, core.now(), requesterId, blocked ? 1 : 0).changes;
  const latest = latestConversation(core.db, requesterId);
  if (changed === 0 || !latest) return;
  const text = blocked ? 'Pengguna layanan memblokir bot Telegram; pesan tidak dapat dikirim kepadanya' : 'Pengguna layanan membuka blokir bot Telegram; pesan dapat dikirim lagi';
  const id = insertActivityOnce(core.db, latest.id, null, text, { event: blocked ? 'telegram_blocked' : 'telegram_unblocked' }, msOf(update.date));
  if (id !== null) core.events.emit('message.changed', { conversationId: latest.id, messageId: id });
  core.events.emit('inbox.changed', { conversationIds: [latest.id] });
}
