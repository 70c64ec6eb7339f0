import { ingest, ingestBatch } from '../../src-main/core/inbound/ingest';
import type { InboundMessage } from '../../src-main/core/inbound/types';
import { ADMIN, startTestCore } from '../helpers/core';

const HOUR = 3_600_000;

export interface SeededInbox {
  admin: typeof ADMIN;
  conversations: number;
  /** Conversations with at least one unread incoming message. */
  unread: number;
  /** A word that occurs in exactly one message, for the search test. */
  searchWord: string;
}

/**
 * Fills a data dir through the real core, as the connectors would: the admin account and a few
 * consultations from Telegram and email. Run before the host starts on that dir; the core is
 * closed again before returning.
 */
export async function seedInbox(dataDir: string, now = Date.now()): Promise<SeededInbox> {
  const core = startTestCore({ dir: dataDir, now: () => now });
  try {
    await core.must('auth.setupAdmin', ADMIN);
    let sequence = 0;
    const telegram = (id: number, name: string, text: string, at: number, institution?: string): InboundMessage => ({
      channel: 'telegram',
      externalId: `1000${id}:${++sequence}`,
      sourceId: `1000${id}`,
      displayName: name,
      receivedAt: at,
      text,
      requester: { name, institution, telegramUserId: `1000${id}` },
      thread: { mode: 'identity' },
    });
    const email = (id: number, name: string, address: string, subject: string, text: string, at: number): InboundMessage => ({
      channel: 'email',
      externalId: `<seed-${id}@example.test>`,
      sourceId: address,
      displayName: name,
      receivedAt: at,
      subject,
      text,
      requester: { name, email: address },
      thread: { mode: 'explicit' },
    });
    const messages = [
      telegram(
        1,
        'Kadek Ayu Lestari',
        'Selamat pagi, saya butuh data jumlah penduduk Kecamatan Sukasada tahun 2024 untuk skripsi.',
        now - 50 * HOUR,
        'Universitas Pendidikan Ganesha',
      ),
      telegram(1, 'Kadek Ayu Lestari', 'Kalau bisa sekalian data per desa ya, terima kasih.', now - 49 * HOUR, 'Universitas Pendidikan Ganesha'),
      email(
        2,
        'Made Wirawan',
        'made.wirawan@example.test',
        'Permintaan data PDRB Buleleng',
        'Mohon dikirimkan data PDRB Kabupaten Buleleng atas dasar harga berlaku 2020–2024.',
        now - 30 * HOUR,
      ),
      telegram(
        3,
        'Putu Sri Handayani',
        'Apakah ada publikasi Buleleng Dalam Angka edisi terbaru? Saya perlu tabel pariwisata.',
        now - 5 * HOUR,
        'Dinas Pariwisata Kabupaten Buleleng',
      ),
      email(
        4,
        'Nyoman Arta',
        'nyoman.arta@example.test',
        'Data kemiskinan',
        'Saya ingin menanyakan persentase penduduk miskin Buleleng menurut kecamatan.',
        now - 2 * HOUR,
      ),
      telegram(5, 'Gede Pramana', 'Halo, bagaimana cara mengutip data BPS untuk laporan penelitian?', now - 20 * 60_000, 'Politeknik Negeri Bali'),
    ];
    for (const message of messages) ingest(core.services, message);

    // The conversation actions (status, assignment, SLA) are not in the contract yet; until they
    // are, set a realistic spread directly so every row style can be seen.
    const db = core.services.db;
    const ids = (db.prepare('SELECT id FROM conversations ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const set = db.prepare('UPDATE conversations SET status = ?, sla_due_at = ?, assignee_id = ?, unread_count = ?, requirements_complete_at = ? WHERE id = ?');
    const adminId = (db.prepare('SELECT id FROM officers LIMIT 1').get() as { id: number }).id;
    set.run('in_progress', now - 3 * HOUR, adminId, 0, now - 48 * HOUR, ids[0]); // overdue
    set.run('in_progress', now + 6 * HOUR, adminId, 1, now - 28 * HOUR, ids[1]); // due soon
    set.run('waiting_requester', now + 60 * HOUR, null, 0, now - 4 * HOUR, ids[2]); // plenty of time
    set.run('awaiting_requirements', null, null, 1, null, ids[3]);
    // ids[4] stays 'new' and unread, as ingest left it
    const unread = (db.prepare('SELECT count(*) AS n FROM conversations WHERE unread_count > 0').get() as { n: number }).n;
    return { admin: ADMIN, conversations: ids.length, unread, searchWord: 'pariwisata' };
  } finally {
    core.close();
  }
}

/** Requester names of the many-conversations seed, oldest first: "Pemohon 000001". */
export const manyName = (i: number): string => `Pemohon ${String(i).padStart(6, '0')}`;

/**
 * `count` email conversations, one minute apart (the last one newest), for the paging and
 * virtualization test; ingested in batches through the core like a first mail sync.
 */
export async function seedMany(dataDir: string, count: number, now = Date.now()): Promise<typeof ADMIN> {
  const core = startTestCore({ dir: dataDir, now: () => now });
  try {
    await core.must('auth.setupAdmin', ADMIN);
    const BATCH = 1000;
    for (let start = 1; start <= count; start += BATCH) {
      const batch: InboundMessage[] = [];
      for (let i = start; i < start + BATCH && i <= count; i++) {
        batch.push({
          channel: 'email',
          externalId: `<many-${i}@example.test>`,
          sourceId: `pemohon${i}@example.test`,
          receivedAt: now - (count - i + 1) * 60_000,
          subject: `Permintaan data ${i}`,
          text: `Permintaan data nomor ${i}`,
          requester: { name: manyName(i), email: `pemohon${i}@example.test` },
          thread: { mode: 'explicit' },
        });
      }
      ingestBatch(core.services, batch);
    }
    return ADMIN;
  } finally {
    core.close();
  }
}
