import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';
import { indexAllMessages, indexNextMessages, messagesAwaitingIndex } from '../../src-main/core/store/search-index';

const hits = (db: Database.Database, word: string) =>
  db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid').pluck().all(word) as number[];

function version15() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 15);
  db.prepare('INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1)').run();
  db.prepare(
    "INSERT INTO conversations (id, ticket, requester_id, channel, status, last_message_preview, last_message_at, created_at, updated_at) VALUES (1, 'K1', 1, 'email', 'new', '', 1, 1, 1)",
  ).run();
  return db;
}
const add = (db: Database.Database, text: string) =>
  Number(
    db.prepare("INSERT INTO messages (conversation_id, direction, channel, body_text, created_at) VALUES (1, 'incoming', 'email', ?, 1)").run(text)
      .lastInsertRowid,
  );

describe('migration 0016 search index later', () => {
  it('keeps what was indexed, indexes new messages only when asked, and never tells the index about rows it does not hold', () => {
    const db = version15();
    const old1 = add(db, 'data kemiskinan lama');
    const old2 = add(db, 'data inflasi lama');
    expect(hits(db, 'lama')).toEqual([old1, old2]);

    expect(migrate(db, migrations, 16)).toBe(16);
    expect(hits(db, 'lama')).toEqual([old1, old2]);
    expect(messagesAwaitingIndex(db)).toBe(false);

    // Stored now, searchable once indexed.
    const fresh1 = add(db, 'data penduduk baru');
    const fresh2 = add(db, 'data pariwisata baru');
    const fresh3 = add(db, 'salah ketik baru');
    expect(hits(db, 'baru')).toEqual([]);
    expect(messagesAwaitingIndex(db)).toBe(true);

    // A waiting message edited and one deleted before the indexer comes: the index learns only the final text.
    db.prepare('UPDATE messages SET body_text = ? WHERE id = ?').run('data pariwisata terbaru', fresh2);
    db.prepare('DELETE FROM messages WHERE id = ?').run(fresh3);
    // An indexed one edited and one deleted: the index follows at once.
    db.prepare('UPDATE messages SET body_text = ? WHERE id = ?').run('data kemiskinan direvisi', old1);
    db.prepare('DELETE FROM messages WHERE id = ?').run(old2);

    expect(indexNextMessages(db, 1)).toBe(true);
    expect(hits(db, 'baru')).toEqual([fresh1]);
    indexAllMessages(db);
    expect(messagesAwaitingIndex(db)).toBe(false);
    expect(hits(db, 'baru')).toEqual([fresh1]);
    expect(hits(db, 'terbaru')).toEqual([fresh2]);
    expect(hits(db, 'salah')).toEqual([]);
    expect(hits(db, 'direvisi')).toEqual([old1]);
    expect(hits(db, 'lama')).toEqual([]);

    // Indexed rows edited and deleted after the catch-up, and a reused id: the index stays exact.
    db.prepare('DELETE FROM messages WHERE id = ?').run(fresh2);
    const reused = add(db, 'pesan pengganti');
    expect(reused).toBe(fresh2); // SQLite reuses the largest rowid after it is deleted
    expect(hits(db, 'pengganti')).toEqual([reused]); // at or below the mark: indexed at once
    expect(hits(db, 'terbaru')).toEqual([]);
    db.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)");
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
