import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

describe('migration 0011 bps-data', () => {
  it('adds the cache of BPS answers and the links sent per consultation, each link once per message', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 10);
    db.prepare('INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1)').run();
    db.prepare(
      "INSERT INTO conversations (id, ticket, requester_id, channel, status, last_message_preview, last_message_at, created_at, updated_at) VALUES (1, 'KONS-5108-20261201-0001', 1, 'telegram', 'new', '', 1, 1, 1)",
    ).run();
    db.prepare("INSERT INTO messages (id, conversation_id, direction, channel, body_text, created_at) VALUES (1, 1, 'outgoing', 'telegram', 'x', 1)").run();
    expect(migrate(db, migrations, 11)).toBe(11);

    const cache = db.prepare('INSERT INTO bps_cache (request, body, fetched_at) VALUES (?, ?, ?)');
    cache.run('list:statictable:5108:1:penduduk', '{"items":[]}', 1);
    expect(() => cache.run('list:statictable:5108:1:penduduk', '{}', 2)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => cache.run('list:publication:5108:1:ipm', 'not json', 2)).toThrow(/CHECK/);

    const link = db.prepare('INSERT INTO bps_links_sent (conversation_id, message_id, url, title, sent_at) VALUES (1, ?, ?, ?, 5)');
    link.run(1, 'https://bulelengkab.bps.go.id/id/statistics-table/download/1012.xlsx', 'Jumlah Wisatawan 2024');
    expect(() => link.run(1, 'https://bulelengkab.bps.go.id/id/statistics-table/download/1012.xlsx', null)).toThrow(/UNIQUE/);
    expect(() => link.run(2, 'https://bali.bps.go.id/x.pdf', null)).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT conversation_id AS c, title FROM bps_links_sent').all()).toEqual([{ c: 1, title: 'Jumlah Wisatawan 2024' }]);
  });
});
