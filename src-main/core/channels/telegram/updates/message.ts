import type { Message } from 'grammy/types';
import type { CoreServices } from '../../../services';
import { describeMissing, missingFor } from '../../../workflow/requirements';
import { STATUS_LABELS } from '../../../workflow/status';
import { formatWita } from '../../../workflow/templates';
import { botSay, type Turn } from '../bot-say';
import { answerStep, repeatQuestion, sendSummary, startIntake, welcomeText } from '../../../workflow/intake/dialogue';
import { telegramIntake } from '../intake';
import { endFeedback, feedbackPending, recordFeedback } from '../rating';
import { latestConversation, readChat, requesterOfUser, writeChat, type LatestConversation } from '../store';
import { CANCELLED, HELP, NOTHING_TO_CANCEL, TOO_BIG, UNKNOWN_COMMAND } from '../texts';
import { CLOSED, externalIdOf, inboundOf, msOf, parseCommand, textOf, type PreparedUpdate } from './normalize';

/** A message in a private chat: a command, a sticker or location, rating feedback, an intake answer, or a question. */
const ackSent = (core: CoreServices, conversationId: number): boolean =>
  (core.db.prepare('SELECT ack_sent_at AS at FROM conversations WHERE id = ?').get(conversationId) as { at: number | null }).at !== null;
const requesterOfConversation = (core: CoreServices, conversationId: number): number =>
  (core.db.prepare('SELECT requester_id AS id FROM conversations WHERE id = ?').get(conversationId) as { id: number }).id;

/** Stores the message through ingest() (the one inbound path); intake starts on a new conversation. */
function ingestMessage(turn: Turn, msg: Message, p: PreparedUpdate, explicit: boolean): { conversationId: number; requesterId: number; isNew: boolean } | null {
  const result = turn.inbound.message(inboundOf(msg, textOf(msg), p, explicit));
  if (result.outcome === 'duplicate') return null;
  const requesterId = requesterOfConversation(turn.core, result.conversationId);
  if (result.newConversation)
    startIntake(telegramIntake(turn), requesterId, result.conversationId, { withWelcome: !ackSent(turn.core, result.conversationId) });
  return { conversationId: result.conversationId, requesterId, isNew: result.newConversation };
}

export function onMessage(base: Omit<Turn, 'chatId' | 'at'>, msg: Message, p: PreparedUpdate): void {
  if (msg.chat.type !== 'private' || !msg.from || msg.from.is_bot) return;
  const turn: Turn = { ...base, chatId: String(msg.chat.id), at: msOf(msg.date) };
  const core = turn.core;
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
      const meta = { event: msg.sticker ? 'sticker' : 'location', ...(msg.location ? { location: msg.location } : {}) };
      turn.inbound.activity({ channel: 'telegram', conversationId: latest.id, externalId: externalIdOf(msg), text: description, meta, at: turn.at });
    } else {
      ingestMessage(turn, msg, p, false);
    }
    return;
  }

  const pending = feedbackPending(turn);
  if (pending && (msg.text !== undefined || msg.caption !== undefined)) {
    // The feedback the rating asked for: stored with the closed conversation, which stays closed.
    const feedback = inboundOf(msg, textOf(msg), p);
    turn.inbound.messageInto(pending.conversationId, { ...feedback, meta: { ...feedback.meta, ratingFeedback: true } });
    recordFeedback(turn, pending, textOf(msg));
    return;
  }
  if (pending) endFeedback(turn);

  const stored = ingestMessage(turn, msg, p, false);
  if (!stored) return;
  if (p.tooBig) {
    turn.inbound.activity({
      channel: 'telegram',
      conversationId: stored.conversationId,
      externalId: null,
      text: `Berkas "${p.tooBig.fileName}" lebih dari 20 MB dan tidak dapat diunduh dari Telegram; pengguna layanan sudah diberi tahu`,
      meta: { event: 'file_too_big', fileName: p.tooBig.fileName, size: p.tooBig.size ?? null },
      at: turn.at,
    });
    botSay(turn, stored.conversationId, TOO_BIG(p.tooBig.fileName), { purpose: 'file_too_big' });
  }
  if (stored.isNew) return;
  const state = readChat(core.db, turn.chatId);
  if (state?.mode !== 'intake' || state.conversationId !== stored.conversationId) return;
  const answer = msg.text ?? (state.step === 'whatsapp' ? msg.contact?.phone_number : undefined) ?? (state.step === 'need' ? msg.caption : undefined);
  if (answer !== undefined) answerStep(telegramIntake(turn), state, answer);
  else repeatQuestion(telegramIntake(turn), state);
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
    if (command === 'bantuan' || command === 'unknown') botSay(turn, fresh.id, HELP, { purpose: 'help' });
    return;
  }
  const id = turn.inbound.activity({
    channel: 'telegram',
    conversationId: latest.id,
    externalId: externalIdOf(msg),
    text: `Pengguna layanan mengetik ${command === 'unknown' ? msg.text!.split(/\s/)[0]! : `/${command}`}`,
    meta: { event: 'command', command },
    at: turn.at,
  });
  if (id === null) return; // already applied
  const state = readChat(turn.core.db, turn.chatId);
  const requesterId = requesterOfConversation(turn.core, latest.id);
  switch (command) {
    case 'start':
      if (state?.mode === 'intake' && state.conversationId === latest.id) {
        botSay(turn, latest.id, `${welcomeText(turn.core)}\n\nKita lanjutkan pengisian data Anda.`, { purpose: 'welcome' });
        repeatQuestion(telegramIntake(turn), state);
      } else if (missingFor(turn.core.db, latest.id).length > 0) {
        startIntake(telegramIntake(turn), requesterId, latest.id, { withWelcome: true });
      } else {
        botSay(turn, latest.id, `${welcomeText(turn.core)}\n\nKonsultasi Anda ${latest.ticket} sedang kami proses. Silakan tulis bila ada tambahan.`, {
          purpose: 'welcome',
        });
      }
      return;
    case 'status':
      botSay(turn, latest.id, statusText(turn, latest), { purpose: 'status' });
      return;
    case 'bantuan':
      botSay(turn, latest.id, HELP, { purpose: 'help' });
      return;
    case 'unknown':
      // A typo or a command from another bot: what the bot understands, then the question it was asking.
      botSay(turn, latest.id, `${UNKNOWN_COMMAND}\n\n${HELP}`, { purpose: 'help' });
      if (state?.mode === 'intake' && state.conversationId === latest.id) repeatQuestion(telegramIntake(turn), state);
      return;
    case 'ubah':
      sendSummary(telegramIntake(turn), latest.id, 'Tekan tombol data yang ingin diubah.');
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
