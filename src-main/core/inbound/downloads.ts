import type { Channel } from '../../../src-preload/contract';
import { isDiskFull } from '../errors';
import type { CoreServices } from '../services';
import type { InboundAttachment } from './types';

/**
 * Files a channel could not fetch when their message arrived (attachment_downloads): the message
 * was stored at once, so one file that keeps failing never holds back the messages behind it. The
 * channel retries each file with backoff and attaches it late here, or gives up with a note the
 * officer reads; the officer can ask for another try. Part of the one inbound path: a connector
 * writes files and their rows only through these functions.
 */

export interface DueDownload {
  id: number;
  messageId: number;
  conversationId: number;
  fileRef: string;
  fileName: string;
  mimeType: string;
  size: number | null;
  attempts: number;
}

/** Pending files of a channel whose next try is due, oldest first. */
export function dueDownloads(core: CoreServices, channel: Channel, limit = 20): DueDownload[] {
  return core.db
    .prepare(
      `SELECT d.id, d.message_id AS messageId, m.conversation_id AS conversationId, d.file_ref AS fileRef, d.file_name AS fileName,
              d.mime_type AS mimeType, d.size, d.attempts
         FROM attachment_downloads d JOIN messages m ON m.id = d.message_id
        WHERE d.state = 'pending' AND d.channel = ? AND d.next_try_at <= ? ORDER BY d.next_try_at, d.id LIMIT ?`,
    )
    .all(channel, core.now(), limit) as DueDownload[];
}

/** When the next pending file of a channel is due (null: none pending). */
export function nextDownloadAt(core: CoreServices, channel: Channel): number | null {
  const row = core.db.prepare("SELECT min(next_try_at) AS at FROM attachment_downloads WHERE state = 'pending' AND channel = ?").get(channel) as {
    at: number | null;
  };
  return row.at;
}

/** The file arrived: stored content-addressed, attached to its message, the download closed. False if it was no longer pending. */
export function attachLate(core: CoreServices, downloadId: number, file: InboundAttachment): boolean {
  const now = core.now();
  let blob: { sha256: string; size: number };
  try {
    blob = 'stored' in file ? file.stored : core.attachments.put(file.content);
  } catch (error) {
    if (isDiskFull(error)) core.disk.reportFull();
    throw error;
  }
  const done = core.db.transaction(() => {
    const row = core.db
      .prepare(
        "SELECT d.message_id AS messageId, d.file_name AS fileName, m.conversation_id AS conversationId FROM attachment_downloads d JOIN messages m ON m.id = d.message_id WHERE d.id = ? AND d.state = 'pending'",
      )
      .get(downloadId) as { messageId: number; fileName: string; conversationId: number } | undefined;
    if (!row) return null;
    const attachmentId = Number(
      core.db
        .prepare('INSERT INTO attachments (message_id, sha256, file_name, mime_type, size, content_id, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)')
        .run(row.messageId, blob.sha256, row.fileName, file.mimeType, blob.size, now).lastInsertRowid,
    );
    core.db
      .prepare(
        "UPDATE attachment_downloads SET state = 'done', attempts = attempts + 1, next_try_at = NULL, last_error = NULL, attachment_id = ?, updated_at = ? WHERE id = ?",
      )
      .run(attachmentId, now, downloadId);
    return row;
  })();
  if (!done) return false;
  core.events.emit('message.changed', { conversationId: done.conversationId, messageId: done.messageId });
  return true;
}

/**
 * Another try failed: the next one is at `nextTryAt`, or, with null, the channel gives up and the
 * officer is told in the conversation (the requester can send the file again; "Coba lagi" retries).
 */
export function downloadFailed(core: CoreServices, downloadId: number, error: string, nextTryAt: number | null): void {
  const now = core.now();
  const changed = core.db.transaction(() => {
    const row = core.db
      .prepare(
        "SELECT d.message_id AS messageId, d.file_name AS fileName, d.attempts, m.conversation_id AS conversationId, m.channel FROM attachment_downloads d JOIN messages m ON m.id = d.message_id WHERE d.id = ? AND d.state = 'pending'",
      )
      .get(downloadId) as { messageId: number; fileName: string; attempts: number; conversationId: number; channel: Channel } | undefined;
    if (!row) return null;
    const attempts = row.attempts + 1;
    core.db
      .prepare('UPDATE attachment_downloads SET state = ?, attempts = ?, next_try_at = ?, last_error = ?, updated_at = ? WHERE id = ?')
      .run(nextTryAt === null ? 'failed' : 'pending', attempts, nextTryAt, error, now, downloadId);
    if (nextTryAt !== null) return { ...row, noteId: null };
    const noteId = Number(
      core.db
        .prepare("INSERT INTO messages (conversation_id, direction, channel, body_text, meta, created_at) VALUES (?, 'activity', ?, ?, ?, ?)")
        .run(
          row.conversationId,
          row.channel,
          `Berkas "${row.fileName}" gagal diunduh setelah ${attempts} kali percobaan. Tekan "Coba unduh lagi" pada pesannya, atau minta pengguna layanan mengirim ulang berkas tersebut.`,
          JSON.stringify({ event: 'file_download_failed', downloadId, messageId: row.messageId, error }),
          now,
        ).lastInsertRowid,
    );
    return { ...row, noteId };
  })();
  if (!changed) return;
  core.events.emit('message.changed', { conversationId: changed.conversationId, messageId: changed.messageId });
  if (changed.noteId !== null) core.events.emit('message.changed', { conversationId: changed.conversationId, messageId: changed.noteId });
}

/** The officer's "Coba unduh lagi": a pending or given-up file is tried again now. Null if there is no such file to fetch. */
export function retryDownloadNow(core: CoreServices, downloadId: number): { messageId: number; conversationId: number; channel: Channel } | null {
  const row = core.db
    .prepare(
      "SELECT d.message_id AS messageId, m.conversation_id AS conversationId, d.channel FROM attachment_downloads d JOIN messages m ON m.id = d.message_id WHERE d.id = ? AND d.state IN ('pending', 'failed')",
    )
    .get(downloadId) as { messageId: number; conversationId: number; channel: Channel } | undefined;
  if (!row) return null;
  core.db.prepare("UPDATE attachment_downloads SET state = 'pending', next_try_at = ?, updated_at = ? WHERE id = ?").run(core.now(), core.now(), downloadId);
  return row;
}
