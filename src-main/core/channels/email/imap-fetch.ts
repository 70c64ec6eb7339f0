import type { ImapFlow } from 'imapflow';
import type { ImapPosition } from './parse';

/** A run of mail to fetch from one mailbox. */
export interface FetchRun {
  mailbox: string;
  /** The UIDVALIDITY the UIDs belong to. */
  uidValidity: string;
  /** An IMAP UID set ("1:200" or "3,7,9:12"). */
  uids: string;
  /** Mail at or below this UID is already stored (the sync's cursor); 0 takes all. */
  afterUid: number;
}

export interface FetchedMail {
  raw: Buffer;
  position: ImapPosition;
}

/** Every mail of a run as the server sends it, each with where it was found; `answered` hears of every UID, also those skipped. */
export async function* streamSources(client: ImapFlow, run: FetchRun, answered?: (uid: number) => void): AsyncGenerator<FetchedMail> {
  for await (const msg of client.fetch(run.uids, { uid: true, source: true, internalDate: true }, { uid: true })) {
    answered?.(msg.uid);
    if (msg.uid <= run.afterUid || !msg.source) continue;
    const internalDate = msg.internalDate instanceof Date ? msg.internalDate.getTime() : msg.internalDate ? Date.parse(String(msg.internalDate)) : null;
    yield {
      raw: msg.source,
      position: { mailbox: run.mailbox, uidValidity: run.uidValidity, uid: msg.uid, internalDate: Number.isFinite(internalDate) ? internalDate : null },
    };
  }
}

/** The raw mail of a run, in the server's order. */
export async function fetchSources(client: ImapFlow, run: FetchRun): Promise<FetchedMail[]> {
  const mails: FetchedMail[] = [];
  for await (const mail of streamSources(client, run)) mails.push(mail);
  return mails;
}

/**
 * UIDs (ascending) as IMAP UID sets, consecutive UIDs written as ranges ("1:4999,5001:10000"), cut
 * so that no command line grows past what servers accept (Dovecot reads lines of up to 64 KiB;
 * others less).
 */
export function uidSets(uids: readonly number[], maxLength = 4_000): string[] {
  const sets: string[] = [];
  let current = '';
  for (let i = 0; i < uids.length;) {
    let j = i;
    while (j + 1 < uids.length && uids[j + 1] === (uids[j] as number) + 1) j++;
    const part = i === j ? `${uids[i]}` : `${uids[i]}:${uids[j]}`;
    if (current !== '' && current.length + 1 + part.length > maxLength) {
      sets.push(current);
      current = part;
    } else current = current === '' ? part : `${current},${part}`;
    i = j + 1;
  }
  if (current !== '') sets.push(current);
  return sets;
}

/**
 * How far the server has answered a list of UIDs without a gap: the cursor never passes a UID whose
 * mail has not been taken, whatever order the server answers in (IMAP does not promise UID order).
 */
export class AnsweredUids {
  private readonly early = new Set<number>();
  private next = 0;
  upTo = 0;

  constructor(private readonly uids: readonly number[]) {}

  saw(uid: number): void {
    this.early.add(uid);
    while (this.next < this.uids.length && this.early.delete(this.uids[this.next] as number)) this.upTo = this.uids[this.next++] as number;
  }

  /** The set's FETCH has ended: every UID of it (up to its last) counts as answered. */
  sawAllUpTo(set: string): void {
    const last = Number(set.slice(Math.max(set.lastIndexOf(','), set.lastIndexOf(':')) + 1));
    while (this.next < this.uids.length && (this.uids[this.next] as number) <= last) this.upTo = this.uids[this.next++] as number;
    for (const uid of this.early) if (uid <= last) this.early.delete(uid);
  }
}
