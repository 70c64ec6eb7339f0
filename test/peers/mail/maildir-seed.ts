import { chownSync, closeSync, mkdirSync, openSync, utimesSync, writeSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** One fixture message for the Maildir fast path. */
export interface SeedMessage {
  raw: string | Buffer;
  /** System flags only (\Seen \Answered \Flagged \Deleted \Draft); keywords need IMAP APPEND. */
  flags?: readonly string[];
  /** Becomes the IMAP INTERNALDATE (Dovecot takes it from the file's mtime). */
  internalDate?: Date;
}

const FLAG_LETTERS: Record<string, string> = { '\\Draft': 'D', '\\Flagged': 'F', '\\Answered': 'R', '\\Seen': 'S', '\\Deleted': 'T' };

/** Maildir++ directory of a mailbox: INBOX is the root, `A/B` is `.A.B` (the namespace separator is `/`). */
export function maildirOf(maildirRoot: string, mailbox: string): string {
  if (mailbox.toUpperCase() === 'INBOX') return maildirRoot;
  if (mailbox.includes('.')) throw new Error(`mailbox name ${mailbox} contains '.', which Maildir++ cannot store`);
  return join(maildirRoot, `.${mailbox.replaceAll('/', '.')}`);
}

export function ensureMaildir(dir: string, isRoot: boolean, owner: { uid: number; gid: number } | null): void {
  for (const sub of ['', 'cur', 'new', 'tmp']) {
    const path = join(dir, sub);
    if (!existsSync(path)) {
      mkdirSync(path, { recursive: true, mode: 0o700 });
      if (owner) chownSync(path, owner.uid, owner.gid);
    }
  }
  const marker = join(dir, 'maildirfolder');
  if (!isRoot && !existsSync(marker)) {
    closeSync(openSync(marker, 'w', 0o600));
    if (owner) chownSync(marker, owner.uid, owner.gid);
  }
}

let batch = 0;

/**
 * Writes messages straight into `cur/` as Dovecot itself would name them. Dovecot assigns UIDs
 * when a client next looks at the mailbox, in file-name order, so the messages keep the order
 * given. This is test seeding only: tests must check what IMAP shows, not these files.
 */
export function writeMaildirMessages(dir: string, messages: Iterable<SeedMessage>, owner: { uid: number; gid: number } | null): number {
  const seconds = Math.floor(Date.now() / 1000);
  const batchId = `${process.pid}_${++batch}`;
  let index = 0;
  for (const message of messages) {
    const body = typeof message.raw === 'string' ? Buffer.from(message.raw.replace(/\r?\n/g, '\r\n'), 'utf8') : message.raw;
    const letters = (message.flags ?? [])
      .map((flag) => {
        const letter = FLAG_LETTERS[flag];
        if (!letter) throw new Error(`Maildir seeding supports system flags only, not ${flag}: use append() for keywords`);
        return letter;
      })
      .sort()
      .join('');
    // Fixed-width counter: UIDs follow the file-name order.
    const name = `${seconds}.M${String(index).padStart(8, '0')}P${batchId}.pst-seed,S=${body.length}:2,${letters}`;
    const path = join(dir, 'cur', name);
    const fd = openSync(path, 'w', 0o600);
    try {
      writeSync(fd, body);
    } finally {
      closeSync(fd);
    }
    if (owner) chownSync(path, owner.uid, owner.gid);
    if (message.internalDate) utimesSync(path, message.internalDate, message.internalDate);
    index++;
  }
  return index;
}
