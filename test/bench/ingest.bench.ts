import { join } from 'node:path';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { previewOf } from '../../src-main/core/domain/preview';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { tempDataDir } from '../helpers/core';
import { streamSeed } from './lib/context';
import type { Benchmark, WorkerState } from './lib/types';

/** A generated message with the keys the raw baseline needs to address rows without lookups. */
interface RawRow {
  conversation: number;
  requester: number;
  index: number;
  m: InboundMessage;
}

interface RawState {
  db: Db;
  insert: ReturnType<typeof statements>;
  seen: Set<number>;
  tickets: Map<string, number>;
  ms: number;
  cpuMs: number;
  rows: number;
}

/** The floor: plain prepared INSERTs of the same rows, ids known in advance, no lookups, no updates. */
const statements = (db: Db) => ({
  requester: db.prepare(
    'INSERT INTO requesters (id, name, institution, email, telegram_user_id, telegram_username, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ),
  identity: db.prepare('INSERT INTO channel_identities (id, requester_id, channel, source_id, display_name, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
  conversation: db.prepare(
    `INSERT INTO conversations (id, ticket, requester_id, channel_identity_id, channel, status, subject, automated, unread_count,
                                last_message_preview, last_message_at, last_incoming_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'new', ?, 0, 1, ?, ?, ?, ?, ?)`,
  ),
  message: db.prepare(
    `INSERT INTO messages (conversation_id, direction, channel, external_id, body_text, body_html, meta, created_at)
     VALUES (?, 'incoming', ?, ?, ?, ?, ?, ?)`,
  ),
});

const witaDay = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');

function rawInsert(s: RawState, rows: RawRow[]): void {
  const now = Date.now();
  for (const { conversation, requester, index, m } of rows) {
    if (!s.seen.has(requester)) {
      s.seen.add(requester);
      const r = m.requester ?? {};
      s.insert.requester.run(requester, r.name ?? null, r.institution ?? null, r.email ?? null, r.telegramUserId ?? null, r.telegramUsername ?? null, now, now);
      s.insert.identity.run(requester, requester, m.channel, m.sourceId, m.displayName ?? null, now);
    }
    if (index === 0) {
      const day = witaDay(m.receivedAt);
      const n = (s.tickets.get(day) ?? 0) + 1;
      s.tickets.set(day, n);
      const ticket = `KONS-5108-${day}-${String(n).padStart(4, '0')}`;
      s.insert.conversation.run(
        conversation,
        ticket,
        requester,
        requester,
        m.channel,
        m.subject ?? null,
        previewOf(m.text),
        m.receivedAt,
        m.receivedAt,
        now,
        now,
      );
    }
    s.insert.message.run(conversation, m.channel, m.externalId, m.text, m.html ?? null, m.meta ? JSON.stringify(m.meta) : null, m.receivedAt);
  }
}

const rawState = (state: WorkerState) => state.raw as RawState;

export const ingestBench: Benchmark = {
  id: 'ingest',
  title: 'Ingest: ingestBatch() against raw prepared INSERTs (two fresh databases on disk)',

  async run(ctx) {
    const { options } = ctx;
    const core = await ctx.core();
    if (ctx.shared.get('loaded')) throw new Error('the ingest benchmark must run on an empty core: list it first');
    ctx.log(`ingest: ${options.messages} messages in batches of ${options.batchSize} through ingestBatch()`);
    let wall = performance.now();
    await streamSeed(options, core, 'core.ingest', (batch) => batch.map((m) => m.inbound));
    const coreWall = performance.now() - wall;
    ctx.shared.set('loaded', true);
    const ingested = await core.call<{ ms: number; cpuMs: number; inserted: number }>('core.ingestTotals');
    const coreCounts = await core.call<{ conversations: number; messages: number }>('core.counts');
    ctx.shared.set('rss.afterIngest', await core.maxRss());

    const bare = await ctx.bare();
    await bare.call('raw.open', { keep: options.keep });
    ctx.log('ingest: the same rows through raw INSERTs');
    wall = performance.now();
    await streamSeed(options, bare, 'raw.batch', (batch) =>
      batch.map((m): RawRow => ({ conversation: m.conversation.key, requester: m.conversation.requester.key, index: m.index, m: m.inbound })),
    );
    const rawWall = performance.now() - wall;
    const raw = await bare.call<{ ms: number; cpuMs: number; rows: number; conversations: number; messages: number }>('raw.finish');

    const rate = (n: number, ms: number) => (n / ms) * 1000;
    const value = rate(ingested.inserted, ingested.ms);
    const baseline = rate(raw.rows, raw.ms);
    const same = coreCounts.conversations === raw.conversations && coreCounts.messages === raw.messages;
    return [
      {
        name: 'ingest throughput (ingestBatch)',
        value,
        unit: 'msg/s',
        baseline,
        ratio: value / baseline,
        target: '≥ 0.5× raw',
        pass: value / baseline >= 0.5 && same,
        note: `wall time inside the calls: ${ingested.inserted} msgs in ${(ingested.ms / 1000).toFixed(1)} s (raw ${(raw.ms / 1000).toFixed(1)} s); wall incl. generation ${(coreWall / 1000).toFixed(0)} s / ${(rawWall / 1000).toFixed(0)} s; stores ${same ? 'equal' : 'DIFFER'}: ${coreCounts.conversations} conv, ${coreCounts.messages} msgs`,
      },
      {
        name: 'ingest throughput, CPU time',
        value: rate(ingested.inserted, ingested.cpuMs),
        unit: 'msg/s',
        baseline: rate(raw.rows, raw.cpuMs),
        ratio: rate(ingested.inserted, ingested.cpuMs) / rate(raw.rows, raw.cpuMs),
        note: `per message: ${((ingested.cpuMs / ingested.inserted) * 1000).toFixed(0)} µs CPU (raw ${((raw.cpuMs / raw.rows) * 1000).toFixed(0)} µs); shown because other work on the machine inflates wall times`,
      },
    ];
  },

  bareTasks: {
    'raw.open': (args, state) => {
      const { keep } = args as { keep: boolean };
      const temp = tempDataDir('pst-bench-raw-');
      const db = openDatabase(join(temp.dir, 'raw.sqlite3'));
      state.raw = { db, insert: statements(db), seen: new Set(), tickets: new Map(), ms: 0, cpuMs: 0, rows: 0 } satisfies RawState;
      (state.onClose as (fn: () => void) => void)(() => {
        if (db.open) db.close();
        if (!keep) temp.cleanup();
      });
      return temp.dir;
    },
    'raw.batch': (args, state) => {
      const s = rawState(state);
      const rows = args as RawRow[];
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      s.db.transaction(() => rawInsert(s, rows))();
      s.ms += performance.now() - t0;
      const used = process.cpuUsage(cpu);
      s.cpuMs += (used.user + used.system) / 1000;
      s.rows += rows.length;
      return null;
    },
    'raw.finish': (_args, state) => {
      const s = rawState(state);
      const one = (sql: string) => (s.db.prepare(sql).get() as { n: number }).n;
      const counts = { conversations: one('SELECT count(*) AS n FROM conversations'), messages: one('SELECT count(*) AS n FROM messages') };
      s.db.close();
      return { ms: s.ms, cpuMs: s.cpuMs, rows: s.rows, ...counts };
    },
  },
};
