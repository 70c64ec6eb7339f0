import { UNKNOWN_AFTER_CRASH } from '../../src-main/core/outbox/worker';
import type { PeerFacts } from './peer-view';
import { MARKER_PATTERN } from './protocol';
import type { OutgoingRow, StoreFacts } from './store-view';

/** What the driver itself knows: what it handed to the peers and which replies the console accepted. */
export interface DriverFacts {
  fedMailIds: readonly string[];
  fedTelegramIds: readonly string[];
  repliesRequested: number;
  /** marker → the message id messages.send returned. */
  repliesAccepted: ReadonlyMap<string, number>;
  integrityFailures: number;
}

export interface InboundCounts {
  /** What the peer holds: the office INBOX (email) / the messages users sent (Telegram). */
  held: number;
  stored: number;
  missing: number;
  duplicated: number;
  /** In the store but not at the peer. */
  extra: number;
}

export interface FaultCounts {
  inboundEmail: InboundCounts;
  inboundTelegram: InboundCounts;
  outgoing: {
    email: {
      atPeer: number;
      duplicated: number;
      unrecorded: number;
      lost: number;
      failedUnknown: number;
      /** Of those, how many did reach the SMTP peer (once). */
      failedUnknownDelivered: number;
      /** Copies in the office's Sent folder; a mail there twice, or a sent one missing, is a problem. */
      inSentFolder: number;
      sentFolderDuplicated: number;
      missingFromSentFolder: number;
    };
    telegram: { atPeer: number; duplicated: number; lost: number; failedUnknown: number; failedUnknownDelivered: number };
  };
  replies: {
    requested: number;
    accepted: number;
    /** Committed by messages.send, but the kill came before the child could say so. */
    committedUnacknowledged: number;
    delivered: number;
    /** Failed with UNKNOWN_AFTER_CRASH: the kill came while it was being handed over. */
    failedUnknownDelivered: number;
    failedUnknownNotDelivered: number;
    failedOther: number;
    lost: number;
    duplicated: number;
  };
  integrityFailures: number;
  /** Human-readable findings; empty means the run proved what it should. */
  problems: string[];
  /** Worth a look, not a failure (a reply failed with a reason the officer sees). */
  notes: string[];
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function inbound(what: string, held: readonly string[], stored: readonly string[], problems: string[]): InboundCounts {
  const storedCount = countBy(stored, (id) => id);
  const heldSet = new Set(held);
  const missing = held.filter((id) => !storedCount.has(id));
  const duplicated = [...storedCount].filter(([, n]) => n > 1).map(([id]) => id);
  const extra = [...storedCount.keys()].filter((id) => !heldSet.has(id));
  if (missing.length) problems.push(`${what}: ${missing.length} held by the peer but not stored, e.g. ${missing.slice(0, 3).join(' ')}`);
  if (duplicated.length) problems.push(`${what}: ${duplicated.length} stored more than once, e.g. ${duplicated.slice(0, 3).join(' ')}`);
  if (extra.length) problems.push(`${what}: ${extra.length} stored but not held by the peer, e.g. ${extra.slice(0, 3).join(' ')}`);
  return { held: held.length, stored: stored.length, missing: missing.length, duplicated: duplicated.length, extra: extra.length };
}

const isUnknown = (row: OutgoingRow) => row.delivery === 'failed' && row.failureReason === UNKNOWN_AFTER_CRASH;

/** Compares the store, the peers and the driver's own records once the last child has settled. */
export function verify(store: StoreFacts, peers: PeerFacts, driver: DriverFacts): FaultCounts {
  const problems: string[] = [];
  const notes: string[] = [];
  // The INBOX is what Dovecot holds; what the feeder delivered must be exactly that.
  const inboxVsFed = inbound('office INBOX vs mail delivered by the driver', driver.fedMailIds, peers.inboxIds, problems);
  if (inboxVsFed.missing + inboxVsFed.duplicated + inboxVsFed.extra > 0)
    problems.push('the mail peer does not hold what the driver delivered: the harness itself is wrong');
  const inboundEmail = inbound('incoming email', peers.inboxIds, store.incomingEmailIds, problems);
  const inboundTelegram = inbound('incoming Telegram', driver.fedTelegramIds, store.incomingTelegramIds, problems);

  // Outgoing email: one Message-ID per store message, fixed before the first attempt.
  const emailRows = store.outgoing.filter((r) => r.channel === 'email');
  const mailCopies = countBy(peers.mailOut, (d) => d.id);
  const recordedIds = new Set(emailRows.map((r) => r.headerMessageId));
  const mailDuplicated = [...mailCopies].filter(([, n]) => n > 1);
  const mailUnrecorded = [...mailCopies.keys()].filter((id) => !recordedIds.has(id));
  const mailLost = emailRows.filter((r) => r.delivery === 'sent' && !mailCopies.has(r.headerMessageId ?? ''));
  if (mailDuplicated.length)
    problems.push(
      `outgoing email: ${mailDuplicated.length} delivered more than once, e.g. ${mailDuplicated
        .slice(0, 3)
        .map(([id, n]) => `${id}×${n}`)
        .join(' ')}`,
    );
  if (mailUnrecorded.length)
    problems.push(`outgoing email: ${mailUnrecorded.length} delivered but unknown to the store, e.g. ${mailUnrecorded.slice(0, 3).join(' ')}`);
  const sentCopies = countBy(peers.sentFolderIds, (id) => id);
  const sentDuplicated = [...sentCopies].filter(([, n]) => n > 1);
  const missingFromSent = emailRows.filter((r) => r.delivery === 'sent' && !sentCopies.has(r.headerMessageId ?? ''));
  if (sentDuplicated.length)
    problems.push(
      `Sent folder: ${sentDuplicated.length} mails in it more than once, e.g. ${sentDuplicated
        .slice(0, 3)
        .map(([id, n]) => `${id}×${n}`)
        .join(' ')}`,
    );
  if (missingFromSent.length) problems.push(`Sent folder: ${missingFromSent.length} sent mails have no copy, e.g. message ${missingFromSent[0]!.messageId}`);
  if (mailLost.length) problems.push(`outgoing email: ${mailLost.length} marked sent but never reached the SMTP peer, e.g. message ${mailLost[0]!.messageId}`);

  // Outgoing Telegram: sent rows name the message ids the API returned. A bot message no row names
  // is allowed only once per row whose fate became unknown at a kill, with the same text and chat.
  const tgRows = store.outgoing.filter((r) => r.channel === 'telegram');
  const atEmulator = new Map(peers.telegramOut.map((d) => [d.id, d]));
  const named = new Set<string>();
  let tgLost = 0;
  for (const row of tgRows.filter((r) => r.delivery === 'sent')) {
    for (const id of row.telegramMessageIds) {
      const key = `${row.sourceId}:${id}`;
      named.add(key);
      if (atEmulator.get(key)?.text !== row.text) tgLost++;
    }
    if (row.telegramMessageIds.length === 0) tgLost++;
  }
  if (tgLost) problems.push(`outgoing Telegram: ${tgLost} marked sent without that message at the emulator`);
  const unknownSlots = countBy(tgRows.filter(isUnknown), (r) => `${r.sourceId}\u0000${r.text}`);
  const tgDuplicated: string[] = [];
  let tgUnknownDelivered = 0;
  for (const d of peers.telegramOut) {
    if (named.has(d.id)) continue;
    const slot = `${d.to}\u0000${d.text}`;
    const free = unknownSlots.get(slot) ?? 0;
    if (free > 0) {
      unknownSlots.set(slot, free - 1);
      tgUnknownDelivered++;
    } else tgDuplicated.push(d.id);
  }
  if (tgDuplicated.length)
    problems.push(`outgoing Telegram: ${tgDuplicated.length} bot messages beyond what the store sent (a resend), e.g. ${tgDuplicated.slice(0, 3).join(' ')}`);

  // Officer replies, by the marker in their text, at both peers.
  const delivered = [...peers.mailOut, ...peers.telegramOut];
  const copiesOf = countBy(
    delivered.flatMap((d) => d.markers),
    (m) => m,
  );
  const rowsOf = new Map<string, OutgoingRow[]>();
  for (const row of store.outgoing) for (const m of new Set(row.text.match(MARKER_PATTERN) ?? [])) rowsOf.set(m, [...(rowsOf.get(m) ?? []), row]);
  const tracked = new Set([...driver.repliesAccepted.keys(), ...rowsOf.keys()]);
  const replies = {
    requested: driver.repliesRequested,
    accepted: driver.repliesAccepted.size,
    committedUnacknowledged: 0,
    delivered: 0,
    failedUnknownDelivered: 0,
    failedUnknownNotDelivered: 0,
    failedOther: 0,
    lost: 0,
    duplicated: 0,
  };
  const lostExamples: string[] = [];
  for (const marker of tracked) {
    const rows = rowsOf.get(marker) ?? [];
    const copies = copiesOf.get(marker) ?? 0;
    if (!driver.repliesAccepted.has(marker)) replies.committedUnacknowledged++;
    if (rows.length > 1 || copies > 1) {
      replies.duplicated++;
      problems.push(`reply ${marker}: ${rows.length} rows in the store, ${copies} copies at the peers`);
      continue;
    }
    const row = rows[0];
    if (row && row.messageId !== (driver.repliesAccepted.get(marker) ?? row.messageId))
      problems.push(`reply ${marker}: stored as message ${row.messageId}, accepted as ${driver.repliesAccepted.get(marker)}`);
    if (row?.delivery === 'sent' && copies === 1) replies.delivered++;
    else if (row && isUnknown(row)) {
      if (copies === 1) replies.failedUnknownDelivered++;
      else replies.failedUnknownNotDelivered++;
    } else if (row?.delivery === 'failed' && copies === 0) {
      // Failed with a reason the officer sees (not lost); none is expected here, so it is noted.
      replies.failedOther++;
      if (notes.length < 5) notes.push(`reply ${marker} failed: ${row.failureReason}`);
    } else {
      replies.lost++;
      if (lostExamples.length < 3) lostExamples.push(`${marker} (${row ? `${row.delivery}/${row.outboxState}, ${copies} at the peer` : 'not in the store'})`);
    }
  }
  if (replies.lost) problems.push(`replies: ${replies.lost} lost, e.g. ${lostExamples.join(', ')}`);
  const strays = [...copiesOf.keys()].filter((m) => !tracked.has(m));
  if (strays.length) problems.push(`replies: ${strays.length} reached a peer but were never enqueued, e.g. ${strays.slice(0, 3).join(' ')}`);
  if (driver.integrityFailures) problems.push(`integrity_check failed after ${driver.integrityFailures} cycles`);

  return {
    inboundEmail,
    inboundTelegram,
    outgoing: {
      email: {
        atPeer: peers.mailOut.length,
        duplicated: mailDuplicated.length,
        unrecorded: mailUnrecorded.length,
        lost: mailLost.length,
        failedUnknown: emailRows.filter(isUnknown).length,
        failedUnknownDelivered: emailRows.filter((r) => isUnknown(r) && mailCopies.has(r.headerMessageId ?? '')).length,
        inSentFolder: peers.sentFolderIds.length,
        sentFolderDuplicated: sentDuplicated.length,
        missingFromSentFolder: missingFromSent.length,
      },
      telegram: {
        atPeer: peers.telegramOut.length,
        duplicated: tgDuplicated.length,
        lost: tgLost,
        failedUnknown: tgRows.filter(isUnknown).length,
        failedUnknownDelivered: tgUnknownDelivered,
      },
    },
    replies,
    integrityFailures: driver.integrityFailures,
    problems,
    notes,
  };
}
