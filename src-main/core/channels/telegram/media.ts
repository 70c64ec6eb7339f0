import type { Api } from 'grammy';
import { GrammyError } from 'grammy';
import type { Message } from 'grammy/types';
import type { InboundAttachment } from '../../inbound/types';
import { requestSignal, TelegramTimeoutError, withTimeout } from './timeout';

/** grammy types its signals with the abort-controller shim; the runtime takes Node's own. */
export type GrammySignal = NonNullable<Parameters<Api['getMe']>[0]>;
export const grammySignal = (signal: AbortSignal): GrammySignal => signal as unknown as GrammySignal;

/** Bots may download files up to 20 MB (Bot API getFile). */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export interface TelegramFileRef {
  fileId: string;
  fileName: string;
  mimeType: string;
  size: number | undefined;
}

/** The file a message carries (photo: the largest size), with the name and type it came with. */
export function fileOf(msg: Message): TelegramFileRef | null {
  const id = msg.message_id;
  if (msg.photo && msg.photo.length > 0) {
    const largest = msg.photo.reduce((a, b) => ((b.file_size ?? b.width * b.height) >= (a.file_size ?? a.width * a.height) ? b : a));
    return { fileId: largest.file_id, fileName: `foto-${id}.jpg`, mimeType: 'image/jpeg', size: largest.file_size };
  }
  if (msg.document)
    return {
      fileId: msg.document.file_id,
      fileName: msg.document.file_name ?? `dokumen-${id}`,
      mimeType: msg.document.mime_type ?? 'application/octet-stream',
      size: msg.document.file_size,
    };
  if (msg.voice)
    return { fileId: msg.voice.file_id, fileName: `pesan-suara-${id}.ogg`, mimeType: msg.voice.mime_type ?? 'audio/ogg', size: msg.voice.file_size };
  if (msg.video)
    return {
      fileId: msg.video.file_id,
      fileName: msg.video.file_name ?? `video-${id}.mp4`,
      mimeType: msg.video.mime_type ?? 'video/mp4',
      size: msg.video.file_size,
    };
  if (msg.audio)
    return {
      fileId: msg.audio.file_id,
      fileName: msg.audio.file_name ?? `audio-${id}.mp3`,
      mimeType: msg.audio.mime_type ?? 'audio/mpeg',
      size: msg.audio.file_size,
    };
  if (msg.video_note) return { fileId: msg.video_note.file_id, fileName: `video-${id}.mp4`, mimeType: 'video/mp4', size: msg.video_note.file_size };
  return null;
}

export type Download =
  | { ok: true; attachment: InboundAttachment }
  | { ok: false; tooBig: TelegramFileRef }
  /** Could not be fetched now (a code for the officer): retried later, the message does not wait. */
  | { ok: false; failed: string };

/**
 * getFile, then the download path. A file over 20 MB is not an error to retry but a fact to tell
 * the requester. Any other failure (Telegram's error, a 5xx on the download, a lost network, no
 * answer in time) is answered as a code, never thrown: the caller stores the message now and the
 * file later. Only the channel stopping throws (`stop` aborted), so the batch is fetched again.
 */
export async function downloadFile(api: Api, apiRoot: string, token: string, ref: TelegramFileRef, stop: AbortSignal, timeoutMs: number): Promise<Download> {
  if (ref.size !== undefined && ref.size > MAX_DOWNLOAD_BYTES) return { ok: false, tooBig: ref };
  let path: string | undefined;
  try {
    const file = await withTimeout('getFile', stop, timeoutMs, (s) => api.getFile(ref.fileId, s));
    if (file.file_size !== undefined && file.file_size > MAX_DOWNLOAD_BYTES) return { ok: false, tooBig: ref };
    path = file.file_path;
  } catch (error) {
    if (stop.aborted) throw error;
    if (error instanceof GrammyError && error.error_code === 400 && /too big/i.test(error.description)) return { ok: false, tooBig: ref };
    return { ok: false, failed: fileErrorCode(error) };
  }
  if (!path) return { ok: false, failed: 'channel.telegram.file_unavailable' };
  try {
    // A 20 MB file on a slow office line: ten times the request limit.
    const request = requestSignal(stop, timeoutMs * 10);
    const response = await fetch(`${apiRoot}/file/bot${token}/${path}`, { signal: request.signal as unknown as AbortSignal });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, failed: 'channel.telegram.file_unavailable' };
    }
    const content = Buffer.from(await response.arrayBuffer());
    return { ok: true, attachment: { fileName: ref.fileName, mimeType: ref.mimeType, content } };
  } catch (error) {
    if (stop.aborted) throw error;
    return { ok: false, failed: fileErrorCode(error) };
  }
}

/** Why a file could not be fetched, as a message code: the error's text quotes the URL, and with it the token. */
function fileErrorCode(error: unknown): string {
  if (error instanceof GrammyError) return error.error_code === 429 ? 'channel.telegram.file_rate_limited' : 'channel.telegram.file_unavailable';
  if (error instanceof TelegramTimeoutError) return 'channel.telegram.file_timeout';
  return 'channel.telegram.file_offline';
}
