import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';
import { SYSTEM_TEMPLATES } from '../../src-main/core/workflow/templates';

const OLD_ACK = [
  'Yth. {nama},',
  '',
  'Terima kasih telah menghubungi Pelayanan Statistik Terpadu (PST) BPS Kabupaten Buleleng. Permintaan Anda kami terima dengan nomor tiket {tiket}.',
  '',
  '• Layanan ini GRATIS, tidak dipungut biaya apa pun.',
  '• Jam layanan: {jam_layanan}.',
  '• Permintaan diselesaikan paling lambat {hari_kerja} hari kerja sejak persyaratan lengkap dan kebutuhan data jelas.',
  '',
  '{kekurangan}',
  '',
  'Mohon sebutkan nomor tiket {tiket} setiap kali menghubungi kami.',
  '',
  'Salam,\nPST BPS Kabupaten Buleleng',
].join('\n');

/** A version-8 database with requesters who typed their institution in several ways, then 0009. */
function upgraded(ackBody = OLD_ACK) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 8);
  const requester = db.prepare('INSERT INTO requesters (id, name, institution, created_at, updated_at) VALUES (?, ?, ?, 1, 1)');
  requester.run(1, 'Ayu', '-');
  requester.run(2, 'Made', ' Perorangan ');
  requester.run(3, 'Komang', 'Universitas Pendidikan Ganesha');
  requester.run(4, 'Putu', null);
  requester.run(5, 'Nyoman', 'pribadi');
  db.prepare("INSERT INTO templates (name, body, language, system_key, created_at, updated_at) VALUES ('Tanda terima', ?, 'id', 'ack', 1, 1)").run(ackBody);
  db.prepare(
    "INSERT INTO conversations (id, ticket, requester_id, channel, last_message_at, created_at, updated_at) VALUES (1, 'KONS-5108-20260105-0001', 1, 'telegram', 1, 1, 1)",
  ).run();
  db.prepare(
    "INSERT INTO messages (id, conversation_id, direction, channel, external_id, body_text, created_at) VALUES (1, 1, 'incoming', 'telegram', '7:1', '', 1)",
  ).run();
  expect(migrate(db, migrations, 9)).toBe(9);
  return db;
}

describe('migration 0009 telegram-files-intake', () => {
  it('marks "-", "perorangan" and "pribadi" as individuals with no institution, and leaves real institutions alone', () => {
    const db = upgraded();
    expect(db.prepare('SELECT id, institution, individual FROM requesters ORDER BY id').all()).toEqual([
      { id: 1, institution: null, individual: 1 },
      { id: 2, institution: null, individual: 1 },
      { id: 3, institution: 'Universitas Pendidikan Ganesha', individual: 0 },
      { id: 4, institution: null, individual: 0 },
      { id: 5, institution: null, individual: 1 },
    ]);
    expect(() => db.prepare('UPDATE requesters SET individual = 2 WHERE id = 3').run()).toThrow(/CHECK/);
  });

  it('adds attachment_downloads as a STRICT table tied to its message', () => {
    const db = upgraded();
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'attachment_downloads'").get()).toEqual({ strict: 1 });
    const insert = db.prepare(
      "INSERT INTO attachment_downloads (message_id, channel, file_ref, file_name, mime_type, state, attempts, created_at, updated_at) VALUES (?, 'telegram', 'BQAC', 'surat.pdf', 'application/pdf', ?, 1, 1, 1)",
    );
    insert.run(1, 'pending');
    expect(() => insert.run(1, 'lost')).toThrow(/CHECK/);
    expect(() => insert.run(99, 'pending')).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT file_name, state, attempts, next_try_at, last_error FROM attachment_downloads').all()).toEqual([
      { file_name: 'surat.pdf', state: 'pending', attempts: 1, next_try_at: null, last_error: null },
    ]);
    db.prepare('DELETE FROM messages WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM attachment_downloads').pluck().get()).toBe(0);
  });

  it('shortens the acknowledgement as shipped, and keeps one the admin edited', () => {
    const shipped = upgraded();
    const body = shipped.prepare("SELECT body FROM templates WHERE system_key = 'ack'").pluck().get() as string;
    expect(body).toBe(SYSTEM_TEMPLATES.ack.body);
    expect(body.split('\n').length).toBeLessThanOrEqual(8);
    const edited = upgraded('Halo {nama}, tiket Anda {tiket}.');
    expect(edited.prepare("SELECT body FROM templates WHERE system_key = 'ack'").pluck().get()).toBe('Halo {nama}, tiket Anda {tiket}.');
  });
});
