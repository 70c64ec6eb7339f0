import { DATA_REQUESTS, fillDataRequest, Rng, TOPIC_WEIGHTS, type Topic } from '../../src-main/core/seed';
import type { Db } from '../../src-main/core/store/db';
import { indexSimilarAnswer } from '../../src-main/core/store/similar-answers';

/** Where the office points a requester, per topic: the tables and publications PST answers from. */
const SOURCES: Record<Topic, readonly string[]> = {
  Kependudukan: [
    'publikasi Kabupaten Buleleng Dalam Angka, bab Penduduk dan Ketenagakerjaan',
    'tabel statistik Kependudukan di website BPS Kabupaten Buleleng',
  ],
  Ketenagakerjaan: ['hasil Survei Angkatan Kerja Nasional (Sakernas) Agustus', 'Berita Resmi Statistik Keadaan Ketenagakerjaan Provinsi Bali'],
  Kemiskinan: ['tabel Kemiskinan di website BPS Kabupaten Buleleng (hasil Susenas Maret)', 'publikasi Data dan Informasi Kemiskinan Kabupaten/Kota'],
  'PDRB/Ekonomi': ['publikasi PDRB Kabupaten Buleleng Menurut Lapangan Usaha', 'publikasi PDRB Kabupaten Buleleng Menurut Pengeluaran'],
  Pertanian: ['publikasi Buleleng Dalam Angka, bab Pertanian', 'hasil Sensus Pertanian 2023 di website ST2023'],
  Pariwisata: ['Berita Resmi Statistik Perkembangan Pariwisata Provinsi Bali', 'publikasi Statistik Hotel dan Akomodasi Lainnya'],
  IPM: ['publikasi Indeks Pembangunan Manusia Kabupaten Buleleng', 'tabel IPM di website BPS Provinsi Bali'],
  'Harga/Inflasi': ['Berita Resmi Statistik Perkembangan Indeks Harga Konsumen Kota Singaraja', 'tabel inflasi di website BPS Kabupaten Buleleng'],
  Lainnya: ['publikasi Kabupaten Buleleng Dalam Angka', 'publikasi Kecamatan Dalam Angka'],
};

const SHORT_ANSWERS = ['Baik kak, datanya kami lampirkan dalam format Excel ya. Terima kasih.', 'Berikut kami kirimkan file yang diminta. Semoga bermanfaat.'];

const NAMES = ['Ni Luh Putu Ayu Lestari', 'I Gede Agus Mahendra', 'Kadek Dwi Pramana', 'Komang Sri Wahyuni', 'Made Arya Wiguna', 'Ketut Sudiarta'];

/** A closed consultation as the corpus holds it: what was asked, and how the office answered. */
export interface CorpusItem {
  topic: Topic;
  request: number;
  need: string;
  summary: string;
  answer: string;
  name: string;
}

export function corpusItem(rng: Rng): CorpusItem {
  const topic = rng.weighted(TOPIC_WEIGHTS);
  const request = rng.int(0, DATA_REQUESTS[topic].length - 1);
  const need = fillDataRequest(rng, DATA_REQUESTS[topic][request]!, rng.int(2022, 2026));
  const name = rng.pick(NAMES);
  const summary = `Diberikan ${need.split(' ').slice(0, 6).join(' ')}`;
  // Most answers name the data and the source; some only say the file is attached.
  const answer = rng.chance(0.15)
    ? `Yth. ${name},\n\n${rng.pick(SHORT_ANSWERS)}`
    : `Yth. ${name},\n\nData ${need} dapat Anda peroleh dari ${rng.pick(SOURCES[topic])}; tabelnya kami lampirkan. Mohon cantumkan sumber "BPS Kabupaten Buleleng".\n\nSalam,\nPST BPS Kabupaten Buleleng`;
  return { topic, request, need, summary, answer, name };
}

/**
 * Writes `count` closed consultations, each with the officer's final reply, indexed as closing
 * them indexes them. Returns the label (topic and request) of each conversation id.
 */
export function writeCorpus(db: Db, officerId: number, count: number, seed: number): Map<number, { topic: Topic; request: number }> {
  const rng = new Rng(seed ^ 0xc0ffee);
  const labels = new Map<number, { topic: Topic; request: number }>();
  const requester = db.prepare('INSERT INTO requesters (name, email, created_at, updated_at) VALUES (?, ?, 1, 1)');
  const conversation = db.prepare(
    `INSERT INTO conversations (ticket, requester_id, channel, status, need, topic, summary, last_message_at, resolved_at, created_at, updated_at)
     VALUES (?, ?, 'email', 'rated', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const reply = db.prepare(
    "INSERT INTO messages (conversation_id, direction, channel, body_text, author_officer_id, delivery, created_at) VALUES (?, 'outgoing', 'email', ?, ?, 'sent', ?)",
  );
  const start = Date.UTC(2022, 0, 3);
  const write = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const item = corpusItem(rng);
      const at = start + i * 900_000;
      const requesterId = Number(requester.run(item.name, `peminta${i}@example.test`).lastInsertRowid);
      const id = Number(conversation.run(`KONS-5108-BENCH-${i}`, requesterId, item.need, item.topic, item.summary, at, at, at, at).lastInsertRowid);
      reply.run(id, item.answer, officerId, at);
      indexSimilarAnswer(db, id, at);
      labels.set(id, { topic: item.topic, request: item.request });
    }
  });
  for (let from = 0; from < count; from += 5000) write(from, Math.min(count, from + 5000));
  return labels;
}
