import type { ImapFlow } from 'imapflow';
import type { ImapPosition } from './parse';

/** A run of mail to fetch from one mailbox. */
export interface FetchRun {
  mailbox: string;
  /** The UIDVALIDITY the UIDs belong to. */
  uidValidity: string;
  /** An IMAP UID set ("1:200" or "3,7,9"). */
  uids: string;
  /** Mail at or below this UID is already stored (the sync's cursor); 0 takes all. */
  afterUid: number;
}

export interface FetchedMail {
  raw: Buffer;
  position: ImapPosition;
}

/** The raw mail of a run, in the server's order, each with where it was found. */
export async function fetchSources(client: ImapFlow, run: FetchRun): Promise<FetchedMail[]> {
  const mails: FetchedMail[] = [];
  for await (const msg of client.fetch(run.uids, { uid: true, source: true, internalDate: true }, { uid: true })) {
    if (msg.uid <= run.afterUid || !msg.source) continue;
    const internalDate = msg.internalDate instanceof Date ? msg.internalDate.getTime() : msg.internalDate ? Date.parse(String(msg.internalDate)) : null;
    mails.push({
      raw: msg.source,
      position: { mailbox: run.mailbox, uidValidity: run.uidValidity, uid: msg.uid, internalDate: Number.isFinite(internalDate) ? internalDate : null },
    });
  }
  return mails;
}
