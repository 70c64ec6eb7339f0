import type { ImapFlow } from 'imapflow';

/** At most this many mails are stored ahead of the rest (the newest and the threads they answer). */
const MAX_AHEAD = 1_000;
/** Message-IDs per IMAP SEARCH: an OR tree this wide stays a short command line. */
const IDS_PER_SEARCH = 25;
/** Thread ancestors are followed this many steps back (References usually lists the whole chain at once). */
const MAX_STEPS_BACK = 3;

/**
 * The mail to store first when a sync has a backlog: the newest `count`, and the earlier mail of
 * the threads they answer (found by their In-Reply-To and References), so a reply never arrives
 * before the message it answers and opens a consultation of its own. Everything else is older and
 * of other threads: mail without threading headers opens its own consultation whenever it comes.
 * Returns UIDs ascending (stored oldest first), a subset of `uids` (ascending, the sync's range).
 */
export async function newestFirstSet(client: ImapFlow, uids: readonly number[], count: number): Promise<number[]> {
  const inRange = new Set(uids);
  const found = new Set<number>();
  /** Message-IDs of the mail already looked at: a thread parent among them needs no SEARCH. */
  const seen = new Set<string>();
  let frontier = uids.slice(-count);
  for (let step = 0; step <= MAX_STEPS_BACK && frontier.length > 0 && found.size < MAX_AHEAD; step++) {
    for (const uid of frontier) found.add(uid);
    if (step === MAX_STEPS_BACK) break;
    const answered = new Set<string>();
    for await (const msg of client.fetch(frontier.join(','), { uid: true, envelope: true, headers: ['references'] }, { uid: true })) {
      if (msg.envelope?.messageId) for (const id of messageIds(msg.envelope.messageId)) seen.add(id);
      if (msg.envelope?.inReplyTo) for (const id of messageIds(msg.envelope.inReplyTo)) answered.add(id);
      if (msg.headers) for (const id of messageIds(msg.headers.toString('latin1'))) answered.add(id);
    }
    // A reply to a mail that is itself among the newest is answered by what was just fetched: each
    // id costs the server a look at every mail's headers (about 6 ms per id in 10,000 mails).
    const ids = [...answered].filter((id) => !seen.has(id));
    const next: number[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_SEARCH) {
      const or = ids.slice(i, i + IDS_PER_SEARCH).map((id) => ({ header: { 'message-id': id } }));
      for (const uid of (await client.search({ or }, { uid: true })) || []) if (inRange.has(uid) && !found.has(uid)) next.push(uid);
    }
    frontier = [...new Set(next)];
  }
  // Over the bound (a very long thread), its newest part: the rest follows in order anyway.
  return [...found].sort((a, b) => a - b).slice(-MAX_AHEAD);
}

const messageIds = (text: string): string[] => [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => `<${m[1]}>`);
