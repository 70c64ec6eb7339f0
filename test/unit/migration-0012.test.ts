import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

describe('migration 0012 similar-answers', () => {
  it('indexes the consultations closed before it, in the office’s words, and keeps the index in step', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 11);
    db.exec(`
      INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (1, 'komang', 'Komang', 'officer', 'x', 1);
      INSERT INTO requesters (id, name, institution, email, created_at, updated_at) VALUES
        (1, 'Gusti Ayu Ratna', 'Dinas Pertanian Buleleng', 'ratna@bulelengkab.go.id', 1, 1), (2, 'Wayan Lanang', NULL, NULL, 1, 1);
      INSERT INTO conversations (id, ticket, requester_id, channel, status, need, topic, summary, last_message_at, resolved_at, created_at, updated_at) VALUES
        (1, 'KONS-5108-20260105-0001', 1, 'email', 'rated', 'luas panen padi per kecamatan 2024', 'Pertanian', 'Tabel luas panen padi', 5, 5, 1, 5),
        (2, 'KONS-5108-20260105-0002', 2, 'telegram', 'resolved', 'produksi kopi', 'Pertanian', 'tidak dijawab', 5, 5, 1, 5),
        (3, 'KONS-5108-20260105-0003', 2, 'telegram', 'in_progress', 'produksi padi', NULL, NULL, 5, NULL, 1, 5);
      INSERT INTO messages (id, conversation_id, direction, channel, body_text, author_officer_id, created_at) VALUES
        (1, 1, 'incoming', 'email', 'Saya Ratna dari Dinas Pertanian, mohon luas panen padi', NULL, 2),
        (2, 1, 'outgoing', 'email', 'Yth. Gusti Ayu Ratna, luas panen padi per kecamatan 2024 terlampir (KONS-5108-20260105-0001).' || char(10) || '-- ' || char(10) || 'Komang, PST', 1, 3),
        (3, 1, 'outgoing', 'email', 'Mohon beri penilaian', NULL, 4),
        (4, 2, 'outgoing', 'telegram', 'Mohon beri penilaian', NULL, 4),
        (5, 3, 'outgoing', 'telegram', 'Sedang kami carikan', 1, 4);
    `);
    expect(migrate(db, migrations, 12)).toBe(12);

    // Only the closed consultation an officer answered; the console's own message is not the answer.
    const rows = db
      .prepare('SELECT conversation_id AS id, message_id AS messageId, answer, need_terms AS need, topic_terms AS topic FROM similar_answers')
      .all();
    expect(rows).toEqual([
      {
        id: 1,
        messageId: 2,
        answer: 'Yth. {nama}, luas panen padi per kecamatan 2024 terlampir ({tiket}).',
        need: 'luas panen padi camat 2024',
        topic: 'tani',
      },
    ]);
    const match = db.prepare('SELECT rowid FROM similar_fts WHERE similar_fts MATCH ? ORDER BY rank').pluck();
    expect(match.all('"padi"')).toEqual([1]);

    // The triggers keep the FTS index on the table's rows.
    db.prepare("UPDATE similar_answers SET need_terms = 'kopi robusta' WHERE conversation_id = 1").run();
    expect(match.all('need_terms : "padi"')).toEqual([]);
    expect(match.all('"robusta"')).toEqual([1]);
    db.prepare('DELETE FROM similar_answers').run();
    expect(match.all('"robusta"')).toEqual([]);
    expect(db.prepare("INSERT INTO similar_fts(similar_fts) VALUES ('integrity-check')").run().changes).toBeGreaterThanOrEqual(0);

    db.prepare('INSERT INTO similar_uses (conversation_id, source_conversation_id, shown_at) VALUES (3, 1, 9)').run();
    expect(() => db.prepare('INSERT INTO similar_uses (conversation_id, source_conversation_id, shown_at) VALUES (3, 1, 10)').run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE similar_uses SET draft_sha256 = 'abc'").run()).toThrow(/CHECK/);
  });
});
