import type { Migration } from '../migrate';

/** The acknowledgement as shipped before: replaced below only where the admin left it unedited. */
const PREVIOUS_ACK = [
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

/** The short acknowledgement of this version (a frozen copy: later template changes do not rewrite history). */
const SHORT_ACK = [
  'Yth. {nama}, permintaan Anda kami terima dengan nomor tiket {tiket}.',
  '• Layanan ini GRATIS, tanpa biaya apa pun.',
  '• Jam layanan: {jam_layanan}.',
  '• Permintaan diselesaikan paling lambat {hari_kerja} hari kerja sejak persyaratan lengkap.',
  '{kekurangan}',
  'Mohon sebutkan nomor tiket {tiket} setiap kali menghubungi kami. Salam, PST BPS Kabupaten Buleleng.',
].join('\n');

/**
 * A file a channel could not fetch when its message arrived: the message is stored at once and the
 * file is fetched later (attempts, next try, the last failure as a code), so one bad file never
 * holds back the messages behind it. Requesters who typed "-" or "perorangan" for their institution
 * are individuals, not an institution called "-". The acknowledgement becomes short.
 */
export const m0009: Migration = {
  version: 9,
  name: 'telegram-files-intake',
  up(db) {
    db.exec(`
      CREATE TABLE attachment_downloads (
        id          INTEGER PRIMARY KEY,
        message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        channel     TEXT NOT NULL CHECK (channel IN ('telegram', 'email', 'manual')),
        -- The channel's handle for the file (Telegram: file_id, which stays valid for the bot).
        file_ref    TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        mime_type   TEXT NOT NULL,
        size        INTEGER,
        state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
        attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_try_at INTEGER,
        -- A code (channel.telegram.*), never a library's text: officers read it.
        last_error  TEXT,
        attachment_id INTEGER REFERENCES attachments(id),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX attachment_downloads_due ON attachment_downloads(state, next_try_at);
      CREATE INDEX attachment_downloads_message ON attachment_downloads(message_id);

      ALTER TABLE requesters ADD COLUMN individual INTEGER NOT NULL DEFAULT 0 CHECK (individual IN (0, 1));
      UPDATE requesters SET individual = 1, institution = NULL
       WHERE lower(trim(institution)) IN ('-', '--', '—', 'perorangan', 'pribadi', 'individu', 'umum', 'tidak ada');
    `);
    db.prepare("UPDATE templates SET body = ? WHERE system_key = 'ack' AND body = ?").run(SHORT_ACK, PREVIOUS_ACK);
  },
};
