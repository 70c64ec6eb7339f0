import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';
import { generaliseAnswer } from '../../src-main/core/store/similar-answers';
import { matchExpression, searchTerms } from '../../src-main/core/store/similar-terms';
import { RECENT_ANSWERS, rankSimilar } from '../../src-main/core/workflow/similar';

describe('search terms of a need, Indonesian-aware', () => {
  it('one word whatever its affixes: penduduk, kependudukan, penduduknya', () => {
    const [a] = searchTerms('penduduk');
    expect(searchTerms('kependudukan')).toEqual([a]);
    expect(searchTerms('penduduknya')).toEqual([a]);
    expect(searchTerms('pertanian')).toEqual(searchTerms('petani'));
    expect(searchTerms('kemiskinan')).toEqual(searchTerms('miskin'));
  });

  it('drops the way a request is phrased, keeps years, numbers and the acronyms tables are named by', () => {
    expect(searchTerms('Mohon info data jumlah penduduk Kabupaten Buleleng tahun 2024 ya kak')).toEqual(searchTerms('jumlah penduduk tahun 2024'));
    expect(searchTerms('IPM dan TPT 2019-2023')).toEqual(['ipm', 'tpt', '2019', '2023']);
    expect(searchTerms('PDRB ADHK 2010')).toEqual(['pdrb', 'adhk', '2010']);
  });

  it('reads chat shorthand and the English of foreign researchers as the Indonesian words', () => {
    expect(searchTerms('jml pddk thn 2023')).toEqual(searchTerms('jumlah penduduk tahun 2023'));
    expect(searchTerms('population poverty unemployment')).toEqual(searchTerms('penduduk kemiskinan pengangguran'));
  });

  it('never hands FTS5 an operator or a broken quote from what a requester typed', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const query = db.prepare('SELECT rowid FROM similar_fts WHERE similar_fts MATCH ?');
    for (const typed of ['data "penduduk', 'NOT NEAR(padi, 2) AND *', 'kopi^ OR -jagung', 'tabel: "IPM"* {nama}']) {
      const match = matchExpression(typed);
      expect(match).not.toBeNull();
      expect(() => query.all(match)).not.toThrow();
    }
    expect(matchExpression('mohon info ya kak, terima kasih')).toBeNull();
  });
});

describe('ranking over a large index', () => {
  it('searches the newest answers first and the older ones only when those give fewer than 3', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    db.exec(`INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (1, 'k', 'K', 'officer', 'x', 1);
             INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1);`);
    const conversation = db.prepare(
      "INSERT INTO conversations (id, ticket, requester_id, channel, status, topic, last_message_at, resolved_at, created_at, updated_at) VALUES (?, ?, 1, 'email', 'resolved', ?, 1, 1, 1, 1)",
    );
    const message = db.prepare(
      "INSERT INTO messages (id, conversation_id, direction, channel, body_text, author_officer_id, created_at) VALUES (?, ?, 'outgoing', 'email', ?, 1, 1)",
    );
    const answer = db.prepare("INSERT INTO similar_answers VALUES (?, ?, ?, ?, '', ?, ?, 1)");
    const add = (id: number, topic: string, need: string, text: string) => {
      conversation.run(id, `T-${id}`, topic);
      message.run(id, id, text);
      answer.run(id, id, text, need, topic.toLowerCase(), need);
    };
    db.transaction(() => {
      // The oldest: the only answer about grapes, and one about coffee.
      add(1, 'Pertanian', 'anggur', 'Produksi anggur ada di Buleleng Dalam Angka.');
      add(2, 'Pertanian', 'kopi', 'Produksi kopi lama.');
      // Then more coffee answers than the recent window holds.
      for (let i = 3; i <= RECENT_ANSWERS + 3; i++) add(i, 'Pertanian', 'kopi robusta', `Produksi kopi robusta tahun ${i}.`);
    })();
    const coffee = rankSimilar(db, 'kopi', 0);
    expect(coffee).toHaveLength(3);
    expect(coffee.every((c) => c.conversationId > 3)).toBe(true);
    expect(rankSimilar(db, 'anggur', 0).map((c) => c.conversationId)).toEqual([1]);
    // Not the consultation being answered itself.
    expect(rankSimilar(db, 'anggur', 1)).toEqual([]);
  });
});

describe('the office’s reply as any requester could receive it', () => {
  it('replaces the name the reply used, also the Telegram profile name given before the form, and every contact', () => {
    const reply = generaliseAnswer(
      'Halo Kak Dewi Anggreni! Tabel IPM terlampir untuk tiket KONS-5108-20261102-0007. Kami kirim juga ke 0812 3456 7890? Tidak: ke +6281234567890 dan @dewi_ang.\n-- \nKomang, PST',
      {
        ticket: 'KONS-5108-20261102-0007',
        name: null,
        displayName: 'Dewi Anggreni',
        institution: null,
        email: null,
        whatsapp: '+6281234567890',
        telegramUsername: 'dewi_ang',
      },
    );
    expect(reply).toBe('Halo Kak {nama}! Tabel IPM terlampir untuk tiket {tiket}. Kami kirim juga ke {kontak}? Tidak: ke {kontak} dan {kontak}.');
  });
});
