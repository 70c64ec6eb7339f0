import Database from 'better-sqlite3';

/** The store as the driver sees it between runs: opened read-only, never written by the driver. */
export function openStore(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

export interface CycleSnapshot {
  integrity: string;
  incomingEmail: number;
  incomingTelegram: number;
  /** Outbox rows by state at the moment of the kill ('sending' = a send was in flight). */
  outbox: Record<string, number>;
}

/** PRAGMA integrity_check plus the counts the cycle line shows; the child must be dead. */
export function snapshot(file: string): CycleSnapshot {
  const db = openStore(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const count = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;
    const outbox = Object.fromEntries(
      (db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]),
    );
    return {
      integrity,
      incomingEmail: count("SELECT count(*) FROM messages WHERE channel = 'email' AND direction = 'incoming'"),
      incomingTelegram: count("SELECT count(*) FROM messages WHERE channel = 'telegram' AND direction = 'incoming'"),
      outbox,
    };
  } finally {
    db.close();
  }
}

export interface OutgoingRow {
  messageId: number;
  channel: 'email' | 'telegram';
  text: string;
  delivery: string | null;
  failureReason: string | null;
  outboxState: string;
  /** Our Message-ID (email), fixed before the first attempt. */
  headerMessageId: string | null;
  /** The requester's address on the channel: Telegram chat id or email address. */
  sourceId: string | null;
  /** Telegram message ids recorded as accepted, in part order. */
  telegramMessageIds: number[];
}

export interface StoreFacts {
  incomingEmailIds: string[];
  incomingTelegramIds: string[];
  outgoing: OutgoingRow[];
}

/** Everything the final verification compares with the peers. */
export function readFacts(file: string): StoreFacts {
  const db = openStore(file);
  try {
    const incomingEmailIds = db
      .prepare(
        "SELECT em.header_message_id FROM messages m JOIN email_messages em ON em.message_id = m.id WHERE m.channel = 'email' AND m.direction = 'incoming'",
      )
      .pluck()
      .all() as string[];
    const incomingTelegramIds = db.prepare("SELECT external_id FROM messages WHERE channel = 'telegram' AND direction = 'incoming'").pluck().all() as string[];
    const parts = db.prepare('SELECT outbox_id, telegram_message_id FROM telegram_sent_parts ORDER BY outbox_id, part').all() as {
      outbox_id: number;
      telegram_message_id: number;
    }[];
    const partsOf = new Map<number, number[]>();
    for (const p of parts) partsOf.set(p.outbox_id, [...(partsOf.get(p.outbox_id) ?? []), p.telegram_message_id]);
    const rows = db
      .prepare(
        `SELECT m.id, m.channel, m.body_text, m.delivery, m.failure_reason, o.id AS outbox_id, o.state, em.header_message_id, ci.source_id
           FROM messages m JOIN outbox o ON o.message_id = m.id
           JOIN conversations c ON c.id = m.conversation_id
           LEFT JOIN channel_identities ci ON ci.id = c.channel_identity_id
           LEFT JOIN email_messages em ON em.message_id = m.id
          WHERE m.direction = 'outgoing' ORDER BY m.id`,
      )
      .all() as {
      id: number;
      channel: 'email' | 'telegram';
      body_text: string;
      delivery: string | null;
      failure_reason: string | null;
      outbox_id: number;
      state: string;
      header_message_id: string | null;
      source_id: string | null;
    }[];
    const outgoing = rows.map((r) => ({
      messageId: r.id,
      channel: r.channel,
      text: r.body_text,
      delivery: r.delivery,
      failureReason: r.failure_reason,
      outboxState: r.state,
      headerMessageId: r.header_message_id,
      sourceId: r.source_id,
      telegramMessageIds: partsOf.get(r.outbox_id) ?? [],
    }));
    return { incomingEmailIds, incomingTelegramIds, outgoing };
  } finally {
    db.close();
  }
}

/** Settled: nothing waiting in the outbox and every inbound message the feeder handed over stored. */
export function settledState(file: string): { pendingOutbox: number; incomingEmail: number; incomingTelegram: number; telegramOffset: number | null } {
  const db = openStore(file);
  try {
    const count = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;
    const cursor = db.prepare("SELECT value FROM channel_cursors WHERE channel = 'telegram'").pluck().get() as string | undefined;
    return {
      pendingOutbox: count("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')"),
      incomingEmail: count("SELECT count(*) FROM messages WHERE channel = 'email' AND direction = 'incoming'"),
      incomingTelegram: count("SELECT count(*) FROM messages WHERE channel = 'telegram' AND direction = 'incoming'"),
      telegramOffset: cursor ? ((JSON.parse(cursor) as { offset?: number }).offset ?? null) : null,
    };
  } finally {
    db.close();
  }
}
