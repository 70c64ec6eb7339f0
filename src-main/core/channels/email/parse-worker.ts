import { putBlob } from '../../store/attachments';
import { parseMailSafe, type ImapPosition, type ParsedInbound } from './parse';
import { useJoinedBlob } from './joined-blob';

// This thread only parses mail: the MIME parser's part joining needs no native Blob (joined-blob.ts).
useJoinedBlob();

/** A group of mails for the parse worker: their raw bytes (moved across), where they were found, the office's addresses. */
export interface ParseTask {
  mails: { raw: Uint8Array; position: ImapPosition }[];
  officeAddresses: readonly string[];
  /** The attachment store's folder: files are written here, and only their hashes go back. */
  attachmentsDir?: string;
}

/** The group being parsed: the next one waits for it (see parseInWorker). */
let turn: Promise<unknown> = Promise.resolve();

/**
 * The parse worker's entry (built to out/main/mail-parse-worker.js): the MIME parser, html-to-text and
 * the identity rules are CPU work, so a first sync parses here while the main thread fetches and
 * stores. It is the same parseMailSafe the main thread would run: never throws.
 *
 * The main thread sends every group at once (it is busy storing when this thread would ask for
 * more). A group's mails are parsed together and the groups in turn: a few dozen stream parses
 * interleave well, thousands thrash (measured: 10,000 at once took half again as long).
 */
export default function parseInWorker(task: ParseTask): Promise<ParsedInbound[]> {
  const parsed = turn.then(() => parseGroup(task));
  turn = parsed.catch(() => undefined);
  return parsed;
}

function parseGroup(task: ParseTask): Promise<ParsedInbound[]> {
  const context = { officeAddresses: new Set(task.officeAddresses) };
  return Promise.all(
    task.mails.map(async ({ raw, position }) => {
      const mail = await parseMailSafe(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), position, context);
      if (task.attachmentsDir) storeFilesHere(mail, task.attachmentsDir);
      return mail;
    }),
  );
}

/**
 * Hashing and writing a mail's files is the main thread's largest cost after SQLite; here it runs
 * beside it. A file that cannot be written (a full disk) goes back as bytes: the main thread tries
 * again and, failing, says the disk is full and keeps the cursor where it was.
 */
function storeFilesHere(mail: ParsedInbound, dir: string): void {
  const files = mail.message.attachments;
  if (!files) return;
  mail.message.attachments = files.map((file) => {
    if (!('content' in file)) return file;
    try {
      const { content, ...part } = file;
      return { ...part, stored: putBlob(dir, content) };
    } catch {
      return file;
    }
  });
}
