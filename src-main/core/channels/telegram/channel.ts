import { Api, GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import type { ChannelStatusView, CoreMessage, PushEvents } from '../../../../src-preload/contract';
import type { RunningChannel } from '../../domain/connector';
import { attachLate, downloadFailed, dueDownloads, nextDownloadAt, type DueDownload } from '../../inbound/downloads';
import { readCursor } from '../../inbound/ingest';
import type { PendingAttachment } from '../../inbound/types';
import type { CoreServices } from '../../services';
import { applyBatch, type PreparedUpdate } from './apply';
import type { AfterCommit } from './bot-say';
import { AUTH_RETRY_MS, authRetryDelay } from '../backoff';
import { recordTechnical } from '../technical';
import { downloadFile, fileOf, grammySignal, type Download, type TelegramFileRef } from './media';
import { SendRateLimiter, TELEGRAM_LIMITS, type SendLimits } from './rate-limit';
import { TelegramSender } from './sender';
import { COMMANDS } from './texts';
import { TelegramTimeoutError, withTimeout } from './timeout';

export const TELEGRAM_TOKEN_SECRET = 'telegram.botToken';
export const DEFAULT_API_ROOT = 'https://api.telegram.org';

export interface TelegramOptions {
  /** The Bot API server (tests: the emulator on 127.0.0.1). */
  apiRoot?: string;
  /** getUpdates long-poll timeout in seconds (Telegram allows up to 50). */
  pollTimeoutSec?: number;
  limits?: SendLimits;
  /** Reconnect backoff after a network loss: first delay, doubling up to the maximum. */
  backoffMs?: { initial: number; max: number };
  /** Waits after a rejected token (401), the last one repeating (default 5, 15, 30, 60 min). */
  authRetryMs?: readonly number[];
  /**
   * How long a request may go unanswered (getUpdates: on top of its long-poll timeout; file
   * uploads: ten times this) before it counts as a network loss and is retried.
   */
  requestTimeoutMs?: number;
  /**
   * Waits before the next try of a file that could not be fetched, one per failed try; when they
   * run out the file is given up (the officer is told and can retry). Default 1, 5, 15, 60 min, 3 h, 6 h.
   */
  downloadRetryMs?: readonly number[];
}

export const DOWNLOAD_RETRY_MS: readonly number[] = [60_000, 300_000, 900_000, 3_600_000, 10_800_000, 21_600_000];

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

type State = PushEvents['channel.status']['state'];

/**
 * The Telegram channel: one long-polling loop and the outbox connector.
 *
 * Why our own getUpdates loop and not grammy's bot.start(): grammy confirms an update (calls
 * getUpdates with a higher offset) as soon as its handler returns, independent of our database.
 * Here the next offset is written in the SAME SQLite transaction as the messages it covers and
 * only then used for the next getUpdates, so a kill -9 at any point either re-fetches the batch
 * (not committed: inserted now) or skips it (committed: already stored): exactly once in the store.
 */
export class TelegramChannel implements RunningChannel {
  readonly channel = 'telegram' as const;
  readonly sender: TelegramSender;
  private api: Api | null = null;
  private token: string | null = null;
  private controller: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private offset = 0;
  private account = 'telegram';
  private current: ChannelStatusView | null = null;
  /** Since when no poll has completed (null while polls complete): the outage bar counts from it, however often a retry connects. */
  private stalledSince: number | null = null;
  private botDetail: CoreMessage[] = [];
  private downloads: Promise<void> | null = null;
  private wakeDownloads: (() => void) | null = null;
  readonly apiRoot: string;
  private readonly options: Required<TelegramOptions>;

  constructor(
    private readonly core: CoreServices,
    options: TelegramOptions = {},
  ) {
    this.options = {
      apiRoot: DEFAULT_API_ROOT,
      pollTimeoutSec: 25,
      limits: TELEGRAM_LIMITS,
      backoffMs: { initial: 1_000, max: 60_000 },
      authRetryMs: AUTH_RETRY_MS,
      requestTimeoutMs: 30_000,
      downloadRetryMs: DOWNLOAD_RETRY_MS,
      ...options,
    };
    this.apiRoot = this.options.apiRoot;
    this.sender = new TelegramSender(core, () => this.api, new SendRateLimiter(this.options.limits), this.options.requestTimeoutMs);
  }

  status(): ChannelStatusView | null {
    return this.current;
  }

  /** Starts polling with the stored token; without one the channel shows "disabled". */
  start(): void {
    if (this.loop) return;
    this.token = this.core.secrets.get(TELEGRAM_TOKEN_SECRET);
    if (!this.token) {
      this.setStatus('disabled', [{ code: 'channel.telegram.no_token' }], null);
      return;
    }
    this.account = this.token.split(':')[0] ?? 'telegram';
    this.api = new Api(this.token, { apiRoot: this.apiRoot });
    const controller = new AbortController();
    this.controller = controller;
    this.loop = this.run(controller.signal).finally(() => {
      if (this.controller === controller) this.loop = null;
    });
    this.downloads = this.fetchPendingFiles(controller.signal).catch((error: unknown) =>
      console.error('[telegram] file retries stopped', error instanceof Error ? error.name : typeof error),
    );
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    this.wake?.();
    this.wakeDownloads?.();
    await this.loop;
    await this.downloads;
    this.loop = null;
    this.downloads = null;
    this.controller = null;
  }

  /** After a new token, or the officer's "reconnect now". */
  async reload(): Promise<void> {
    await this.stop();
    this.start();
  }

  /** The officer asked for another try of a file: the file worker looks now. */
  retryFilesNow(): void {
    this.wakeDownloads?.();
  }

  /** Ends a backoff wait (or an auth-failure stop) and tries now. */
  reconnect(): void {
    if (!this.loop) this.start();
    else this.wake?.();
  }

  private setStatus(state: State, detail: CoreMessage[], nextRetryAt: number | null): void {
    const stalledSince = state === 'connected' || state === 'disabled' ? null : this.stalledSince;
    const payload = { channel: 'telegram' as const, account: this.account, state, detail, nextRetryAt, stalledSince };
    const same =
      this.current &&
      this.current.state === state &&
      this.current.stalledSince === stalledSince &&
      JSON.stringify(this.current.detail) === JSON.stringify(detail) &&
      this.current.nextRetryAt === nextRetryAt &&
      this.current.account === this.account;
    this.current = { ...payload, updatedAt: this.core.now() };
    if (!same) this.core.events.emit('channel.status', payload);
  }

  private async setup(api: Api, signal: AbortSignal): Promise<void> {
    const limit = this.options.requestTimeoutMs;
    const me = await withTimeout('getMe', signal, limit, (s) => api.getMe(s));
    this.account = String(me.id);
    await withTimeout('deleteWebhook', signal, limit, (s) => api.deleteWebhook({ drop_pending_updates: false }, s));
    // The command menu is a convenience: a server without it must not stop the bot.
    await api
      .setMyCommands(COMMANDS, undefined, grammySignal(signal))
      .catch((error: unknown) => console.warn('[telegram] setMyCommands failed:', describe(error).code));
    this.offset = readCursor<{ offset?: number }>(this.core, 'telegram', this.account)?.offset ?? 0;
    this.botDetail = [{ code: 'channel.telegram.bot', params: { username: me.username } }];
    // After a stall, "connected" waits for a poll that completes: a getMe that works while every
    // batch fails must not make the status flip back and forth.
    if (this.stalledSince === null) this.setStatus('connected', this.botDetail, null);
  }

  private async run(signal: AbortSignal): Promise<void> {
    const api = this.api!;
    let delay = this.options.backoffMs.initial;
    let authFailures = 0;
    let ready = false;
    const pollLimit = this.options.pollTimeoutSec * 1000 + this.options.requestTimeoutMs;
    while (!signal.aborted) {
      try {
        if (!ready) {
          await this.setup(api, signal);
          ready = true;
        }
        const params = { offset: this.offset, timeout: this.options.pollTimeoutSec, allowed_updates: [...ALLOWED_UPDATES] };
        const updates = await withTimeout('getUpdates', signal, pollLimit, (s) => api.getUpdates(params, s));
        authFailures = 0;
        if (updates.length > 0) await this.handle(api, updates, signal);
        this.stalledSince = null;
        if (this.current?.state !== 'connected') this.setStatus('connected', this.botDetail, null);
        delay = this.options.backoffMs.initial;
      } catch (error) {
        if (signal.aborted) return;
        ready = false;
        this.stalledSince ??= this.core.now();
        recordTechnical(this.core, 'telegram', error, [this.token]);
        if (error instanceof GrammyError && error.error_code === 401) {
          // Telegram has answered 401 for valid tokens during its own outages: try again, slowly.
          const wait = authRetryDelay(this.options.authRetryMs, authFailures++);
          this.setStatus('auth_failed', [{ code: 'channel.telegram.token_rejected' }], this.core.now() + wait);
          await this.sleep(wait, signal);
          continue;
        }
        if (error instanceof GrammyError && error.error_code === 429) delay = Math.max(delay, (error.parameters.retry_after ?? 1) * 1000);
        const nextRetryAt = this.core.now() + delay;
        this.setStatus('offline', [describe(error)], nextRetryAt);
        await this.sleep(delay, signal);
        delay = Math.min(delay * 2, this.options.backoffMs.max);
      }
    }
  }

  /** Files first (network, outside the transaction), then one transaction, then the button answers. */
  private async handle(api: Api, updates: Update[], signal: AbortSignal): Promise<void> {
    const prepared: PreparedUpdate[] = [];
    // After one file of the batch fails, the others are not tried now (the network is likely
    // down): they wait with it, and the messages go in without delay.
    let failed: string | null = null;
    for (const update of updates) {
      const message = update.message ?? update.edited_message;
      const ref = message ? fileOf(message) : null;
      const p: PreparedUpdate = { update, attachments: [], tooBig: null };
      if (ref) {
        const download: Download = failed
          ? { ok: false, failed }
          : await downloadFile(api, this.apiRoot, this.token!, ref, signal, this.options.requestTimeoutMs);
        if (download.ok) p.attachments.push(download.attachment);
        else if ('tooBig' in download) p.tooBig = download.tooBig;
        else {
          failed = download.failed;
          p.pending = [this.pendingOf(ref, download.failed)];
        }
      }
      prepared.push(p);
    }
    const nextOffset = Math.max(...updates.map((u) => u.update_id)) + 1;
    const after = applyBatch(this.core, this.account, prepared, nextOffset);
    this.offset = nextOffset;
    this.core.kickOutbox();
    if (failed) this.wakeDownloads?.();
    await this.afterCommit(api, after);
  }

  private pendingOf(ref: TelegramFileRef, error: string): PendingAttachment {
    const wait = this.options.downloadRetryMs[0] ?? 0;
    return { fileRef: ref.fileId, fileName: ref.fileName, mimeType: ref.mimeType, size: ref.size ?? null, error, nextTryAt: this.core.now() + wait };
  }

  /**
   * The files whose first try failed, each tried again when due, beside the polling loop (a file
   * never delays a message). A file that still fails after the last wait is given up.
   */
  private async fetchPendingFiles(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let due: DueDownload[] = [];
      try {
        due = this.api ? dueDownloads(this.core, 'telegram') : [];
        for (const d of due) {
          if (signal.aborted) return;
          await this.fetchOne(d, signal);
        }
      } catch (error) {
        if (signal.aborted) return;
        // A full disk or a closed database: said elsewhere; the file waits for the next round.
        console.error('[telegram] file retry failed', error instanceof Error ? error.name : typeof error);
        due = [];
      }
      if (due.length > 0) continue;
      const next = nextDownloadAt(this.core, 'telegram');
      const wait = next === null ? 60_000 : Math.min(60_000, Math.max(0, next - this.core.now()));
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          this.wakeDownloads = null;
          resolve();
        };
        const timer = setTimeout(done, wait);
        signal.addEventListener('abort', done);
        this.wakeDownloads = done;
      });
    }
  }

  private async fetchOne(d: DueDownload, signal: AbortSignal): Promise<void> {
    const ref: TelegramFileRef = { fileId: d.fileRef, fileName: d.fileName, mimeType: d.mimeType, size: d.size ?? undefined };
    const download = await downloadFile(this.api!, this.apiRoot, this.token!, ref, signal, this.options.requestTimeoutMs);
    if (download.ok) {
      attachLate(this.core, d.id, download.attachment);
      return;
    }
    if ('tooBig' in download) {
      downloadFailed(this.core, d.id, 'channel.telegram.file_too_big', null);
      return;
    }
    const wait = this.options.downloadRetryMs[d.attempts];
    downloadFailed(this.core, d.id, download.failed, wait === undefined ? null : this.core.now() + wait);
  }

  private async afterCommit(api: Api, after: AfterCommit): Promise<void> {
    // Best effort: the state is committed; an answer that fails only leaves a spinner.
    await Promise.all(
      after.callbackAnswers.map((a) => api.answerCallbackQuery(a.queryId, a.text ? { text: a.text, show_alert: a.alert ?? false } : {}).catch(() => undefined)),
    );
    for (const e of after.edits) {
      await api
        .editMessageText(
          e.chatId,
          e.messageId,
          e.text,
          e.keyboard ? { reply_markup: { inline_keyboard: e.keyboard.map((r) => r.map((b) => ({ text: b.text, callback_data: b.data }))) } } : {},
        )
        .catch(() => undefined);
    }
  }

  private sleep(ms: number | null, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wake = null;
        resolve();
      };
      const timer = ms === null ? null : setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.wake = done;
    });
  }
}

/**
 * Why polling failed, as a code: never grammy's message, which carries the request URL and with
 * it the bot token, and never Telegram's own description.
 */
function describe(error: unknown): CoreMessage {
  if (error instanceof GrammyError) {
    if (error.error_code === 409) return { code: 'channel.telegram.conflict' };
    if (error.error_code === 429) return { code: 'channel.telegram.rate_limited', params: { seconds: error.parameters.retry_after ?? '?' } };
    return { code: 'channel.telegram.server_error', params: { status: error.error_code } };
  }
  if (error instanceof TelegramTimeoutError)
    return { code: 'channel.telegram.timeout', params: { method: error.method, seconds: Math.ceil(error.timeoutMs / 1000) } };
  return { code: 'channel.telegram.offline' };
}
