import { wordCoreMessage } from '../../../../src-common/messages';
import { splitTelegramText } from '../../../../src-common/telegram-text';
import { GrammyError, HttpError, InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { CoreServices } from '../../services';
import { writeActivity } from '../../workflow/activity';
import {
  ChannelUnavailableError,
  PermanentSendError,
  RetryLaterError,
  type ChannelConnector,
  type OutgoingItem,
  type OutgoingPayload,
  type SendOutcome,
} from '../../domain/connector';
import type { Button } from './bot-say';
import { ratingKeyboard, surveyQuestion } from './rating';
import type { SendRateLimiter } from './rate-limit';
import { chatOfConversation, recordSentPart, sentParts } from './store';
import { TelegramTimeoutError, withTimeout } from './timeout';

/** Telegram's upper bound for sendPhoto; larger images go as documents. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** A 429 asking to wait this long or less is waited out here; longer goes back to the outbox. */
const INLINE_RETRY_MAX_MS = 10_000;

type Part = { kind: 'text'; text: string; keyboard?: Button[][] } | { kind: 'file'; sha256: string; fileName: string; mimeType: string };

const keyboardOf = (rows: Button[][]): InlineKeyboardMarkup => ({ inline_keyboard: rows.map((r) => r.map((b) => ({ text: b.text, callback_data: b.data }))) });

/** What one outbox item becomes on Telegram, in send order. */
export function planParts(payload: OutgoingPayload): Part[] {
  if (payload.kind === 'rating_request' && typeof payload.ratingRequestId === 'number') {
    return [{ kind: 'text', text: payload.text, keyboard: ratingKeyboard(payload.ratingRequestId) }];
  }
  if (payload.kind === 'survey' && typeof payload.ratingRequestId === 'number') {
    // The questions as they were when the survey was asked (the payload keeps them).
    const questions = Array.isArray(payload.questions)
      ? (payload.questions as { question?: unknown }[]).map((q) => (typeof q.question === 'string' ? q.question : ''))
      : [];
    const first = surveyQuestion(payload.ratingRequestId, 0, questions.some((q) => !q) ? undefined : questions);
    return [{ kind: 'text', text: `${payload.text}\n\n${first.text}`, keyboard: first.keyboard }];
  }
  const chunks = splitTelegramText(payload.text);
  const keyboard = Array.isArray(payload.keyboard) ? (payload.keyboard as Button[][]) : undefined;
  const parts: Part[] = chunks.map((text, i) => ({ kind: 'text', text, ...(keyboard && i === chunks.length - 1 ? { keyboard } : {}) }));
  for (const a of payload.attachments ?? []) parts.push({ kind: 'file', ...a });
  return parts;
}

/** The outbox's way out to Telegram (ChannelConnector): splitting, files, rate limits, errors. */
export class TelegramSender implements ChannelConnector {
  readonly channel = 'telegram' as const;

  constructor(
    private readonly core: CoreServices,
    private readonly api: () => Api | null,
    private readonly limiter: SendRateLimiter,
    /** A text send's limit; files get ten times as long (uploads of up to 50 MB). */
    private readonly requestTimeoutMs = 30_000,
  ) {}

  async send(item: OutgoingItem): Promise<SendOutcome> {
    const api = this.api();
    if (!api) throw new Error('Bot Telegram belum dikonfigurasi atau tidak aktif');
    const target = chatOfConversation(this.core.db, item.conversationId);
    if (!target) throw new PermanentSendError('Konsultasi ini tidak memiliki akun Telegram');
    const parts = planParts(item.payload);
    if (parts.length === 0) throw new PermanentSendError('Pesan kosong');
    // Parts already accepted by an earlier attempt are not sent again.
    const done = sentParts(this.core.db, item.outboxId);
    const ids: number[] = [];
    for (const [index, part] of parts.entries()) {
      const already = done.get(index);
      if (already !== undefined) {
        ids.push(already);
        continue;
      }
      const message = await this.sendWithLimits(api, target.chatId, part, item);
      recordSentPart(this.core.db, item.outboxId, index, target.chatId, message.message_id, this.core.now());
      ids.push(message.message_id);
    }
    return { externalId: `${target.chatId}:${ids[0]}`, meta: { telegramChatId: target.chatId, telegramMessageIds: ids } };
  }

  /** Telegram cannot be asked what was sent; only parts recorded as accepted prove delivery. */
  async reconcile(item: OutgoingItem): Promise<{ state: 'delivered'; outcome: SendOutcome } | { state: 'unknown' }> {
    const parts = planParts(item.payload);
    const done = sentParts(this.core.db, item.outboxId);
    const target = chatOfConversation(this.core.db, item.conversationId);
    if (!target || parts.length === 0 || parts.some((_, i) => !done.has(i))) return { state: 'unknown' };
    const ids = parts.map((_, i) => done.get(i)!);
    return { state: 'delivered', outcome: { externalId: `${target.chatId}:${ids[0]}`, meta: { telegramChatId: target.chatId, telegramMessageIds: ids } } };
  }

  private async sendWithLimits(api: Api, chatId: string, part: Part, item: OutgoingItem): Promise<Message> {
    for (let attempt = 1; ; attempt++) {
      await this.limiter.wait(chatId);
      try {
        return await this.sendPart(api, chatId, part);
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 429) {
          const retryMs = (error.parameters.retry_after ?? 1) * 1000;
          this.limiter.pauseUntil(Date.now() + retryMs);
          if (retryMs <= INLINE_RETRY_MAX_MS && attempt < 3) continue;
          throw new RetryLaterError(`Telegram membatasi pengiriman (429); dicoba lagi dalam ${Math.ceil(retryMs / 1000)} detik`, retryMs);
        }
        throw this.translate(error, item);
      }
    }
  }

  private sendPart(api: Api, chatId: string, part: Part): Promise<Message> {
    const limit = this.requestTimeoutMs;
    if (part.kind === 'text')
      return withTimeout('sendMessage', null, limit, (s) =>
        api.sendMessage(chatId, part.text, part.keyboard ? { reply_markup: keyboardOf(part.keyboard) } : {}, s),
      );
    const bytes = this.core.attachments.read(part.sha256);
    const file = new InputFile(bytes, part.fileName);
    if (PHOTO_TYPES.has(part.mimeType) && bytes.length <= MAX_PHOTO_BYTES)
      return withTimeout('sendPhoto', null, limit * 10, (s) => api.sendPhoto(chatId, file, {}, s));
    return withTimeout('sendDocument', null, limit * 10, (s) => api.sendDocument(chatId, file, {}, s));
  }

  private translate(error: unknown, item: OutgoingItem): Error {
    if (error instanceof GrammyError) {
      if (error.error_code === 403) {
        markUnreachable(this.core, item.conversationId);
        return new PermanentSendError('Pengguna layanan memblokir bot atau tidak dapat dihubungi lewat Telegram (403)', { code: 403 });
      }
      if (error.error_code === 401) return new ChannelUnavailableError('Token bot Telegram tidak valid (401)', 60_000);
      if (error.error_code === 400) {
        // Telegram's own words go to the log for whoever investigates; the officer reads what to do.
        console.warn('[telegram] message refused (400):', error.description.slice(0, 200));
        return new PermanentSendError(refusedReason(error.description), { code: 400 });
      }
      return new Error(wordCoreMessage('id', { code: 'channel.telegram.server_error', params: { status: error.error_code } }));
    }
    // The request went out and no answer came: Telegram may have delivered it. Like a crash mid-send
    // (UNKNOWN_AFTER_CRASH), it is never resent blindly; the officer checks and presses "Kirim ulang".
    if (error instanceof TelegramTimeoutError) return new PermanentSendError(`${error.message}. ${UNKNOWN_FATE}`, { timeout: true });
    if (error instanceof HttpError) {
      // Never the library's text: it quotes the request URL, and with it the bot token.
      const detail = wordCoreMessage('id', { code: 'channel.telegram.offline' });
      // No connection was made at all: the message certainly did not leave.
      return neverConnected(error.error) ? new ChannelUnavailableError(detail, 30_000) : new Error(detail);
    }
    console.error('[telegram] unexpected send failure', error instanceof Error ? error.name : typeof error);
    return new Error('Pengiriman ke Telegram gagal karena kesalahan tak terduga; dicoba lagi otomatis');
  }
}

/** A 400 from Telegram, said as what the officer can do about it. */
export function refusedReason(description: string): string {
  const d = description.toLowerCase();
  if (d.includes('chat not found') || d.includes('user not found'))
    return 'Telegram tidak menemukan percakapan pengguna layanan (akunnya mungkin sudah dihapus); hubungi lewat email atau telepon';
  if (d.includes('message is too long')) return 'Pesan terlalu panjang untuk Telegram; persingkat pesan atau kirim isinya sebagai berkas';
  if (d.includes('file') || d.includes('photo') || d.includes('document'))
    return 'Telegram menolak berkas lampiran (terlalu besar atau rusak); lampirkan berkas lain lalu kirim ulang';
  if (d.includes("can't parse entities") || d.includes('entities'))
    return 'Telegram tidak dapat membaca format pesan; hapus tanda format khusus lalu kirim ulang';
  return 'Telegram menolak pesan ini (400); periksa isi dan lampirannya, lalu kirim ulang';
}

const UNKNOWN_FATE = 'Pesan mungkin sudah sampai; periksa percakapan di Telegram sebelum mengirim ulang';

/** Errors of a connection that was never made (refused, name not found, network down). */
function neverConnected(error: unknown): boolean {
  const codes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && codes.has(code)) return true;
  }
  return false;
}

/** 403: the requester blocked the bot. Marked unreachable, and the officer told in the timeline. */
export function markUnreachable(core: CoreServices, conversationId: number): void {
  const target = chatOfConversation(core.db, conversationId);
  if (!target) return;
  const changed = core.db
    .prepare('UPDATE requesters SET unreachable = 1, updated_at = ? WHERE id = ? AND unreachable = 0')
    .run(core.now(), target.requesterId).changes;
  if (changed === 0) return;
  const id = writeActivity(
    core.db,
    conversationId,
    'Pesan tidak terkirim: pengguna layanan memblokir bot Telegram. Hubungi melalui email atau WhatsApp.',
    { event: 'telegram_unreachable' },
    core.now(),
  );
  core.events.emit('message.changed', { conversationId, messageId: id });
  core.events.emit('inbox.changed', { conversationIds: [conversationId] });
}
