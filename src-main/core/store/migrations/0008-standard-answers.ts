import type { Migration } from '../migrate';

/**
 * The library of standard answers (jawaban standar): quick replies gain a retired flag (a
 * supervisor retires an answer instead of deleting it, so its history stays readable), a usage
 * count, and files (a "cara mengakses data BPS" guide). The files live in the database itself:
 * they are few and small, and so every backup and restore carries them without touching the
 * attachment store, whose unreferenced blobs are purged after an erasure.
 *
 * The answers PST officers give again and again are seeded here, as written at this version; an
 * office that already has an answer of the same name or shortcut keeps its own.
 */
// The officer's own signature follows on email; on Telegram the office signs.
const SIGN_OFF = 'Salam,\nPST BPS Kabupaten Buleleng';

export const STANDARD_ANSWERS_0008: readonly { name: string; shortcut: string; body: string }[] = [
  {
    name: 'Data tersedia di website',
    shortcut: 'website',
    body: `Yth. {nama},

Data yang Anda butuhkan sudah tersedia dan dapat diunduh gratis di website BPS Kabupaten Buleleng:
{isi:judul tabel atau publikasi}
{isi:tautan}

Bila tautan tidak dapat dibuka atau datanya belum sesuai kebutuhan, silakan balas pesan ini dengan menyebut nomor tiket {tiket}.

${SIGN_OFF}`,
  },
  {
    name: 'Diteruskan ke fungsi teknis',
    shortcut: 'teruskan',
    body: `Yth. {nama},

Permintaan Anda ({tiket}) telah kami teruskan ke {isi:fungsi atau tim teknis} yang menangani data tersebut. Jawaban akan kami sampaikan paling lambat {batas_waktu}.

${SIGN_OFF}`,
  },
  {
    name: 'Data belum dirilis',
    shortcut: 'belumrilis',
    body: `Yth. {nama},

Data {isi:nama data} belum dirilis oleh BPS. Menurut jadwal, data tersebut direncanakan rilis pada {isi:perkiraan tanggal rilis}. Setelah rilis, data dapat diunduh di website BPS Kabupaten Buleleng; kami juga akan mengabari Anda melalui kanal ini.

Sementara itu, data terakhir yang tersedia adalah {isi:data terakhir yang tersedia}.

${SIGN_OFF}`,
  },
  {
    name: 'Data dikirim dalam format Excel',
    shortcut: 'excel',
    body: `Yth. {nama},

Bersama pesan ini kami kirimkan data {isi:nama data} dalam format Excel (terlampir). Mohon cantumkan sumber data "BPS Kabupaten Buleleng" bila data ini digunakan dalam tulisan atau laporan Anda.

${SIGN_OFF}`,
  },
  {
    name: 'Permintaan mikrodata melalui SILASTIK',
    shortcut: 'silastik',
    body: `Yth. {nama},

Data yang Anda minta berupa mikrodata (data per rumah tangga/individu hasil survei atau sensus). Mikrodata BPS hanya dapat diperoleh melalui layanan SILASTIK di https://silastik.bps.go.id: buat akun, pilih "Permintaan Data Mikro", lalu unggah surat permohonan dan proposal penelitian. Petugas SILASTIK akan memproses permohonan Anda.

Bila Anda cukup memerlukan tabel agregat (misalnya menurut kecamatan), sampaikan kepada kami dan kami bantu mencarikannya.

${SIGN_OFF}`,
  },
  {
    name: 'Rekomendasi kegiatan statistik melalui Romantik',
    shortcut: 'romantik',
    body: `Yth. {nama},

Rekomendasi kegiatan statistik sektoral (survei yang akan dilaksanakan oleh instansi Anda) diajukan melalui aplikasi Romantik di https://romantik.web.bps.go.id. Siapkan rancangan kegiatan, kuesioner, dan surat pengantar dari pimpinan instansi. BPS akan memberikan rekomendasi setelah pemeriksaan berkas.

${SIGN_OFF}`,
  },
  {
    name: 'Data tidak tersedia di BPS',
    shortcut: 'instansilain',
    body: `Yth. {nama},

Mohon maaf, data {isi:nama data} tidak dihasilkan oleh BPS. Data tersebut merupakan data administrasi yang dikelola oleh {isi:instansi pemilik data}; silakan menghubungi instansi tersebut.

Bila ada data lain yang dapat kami bantu, silakan sampaikan dengan menyebut nomor tiket {tiket}.

${SIGN_OFF}`,
  },
  {
    name: 'Data hanya tersedia sampai kecamatan',
    shortcut: 'tingkatdesa',
    body: `Yth. {nama},

Data {isi:nama data} hanya tersedia sampai tingkat kecamatan; BPS tidak menerbitkannya per desa/kelurahan karena jumlah sampel survei tidak mencukupi untuk tingkat desa. Data per kecamatan dapat dilihat di publikasi "Kecamatan Dalam Angka".

Untuk data tingkat desa, Anda dapat menghubungi kantor desa/kelurahan atau kecamatan setempat.

${SIGN_OFF}`,
  },
  {
    name: 'Mohon lengkapi identitas',
    shortcut: 'identitas',
    body: `Yth. {nama},

Agar permintaan Anda ({tiket}) dapat kami proses sesuai standar pelayanan, mohon lengkapi data berikut:
{kekurangan}

Layanan ini gratis. Permintaan diselesaikan paling lambat {hari_kerja} hari kerja sejak persyaratan lengkap.

${SIGN_OFF}`,
  },
  {
    name: 'Mohon perjelas kebutuhan data',
    shortcut: 'perjelas',
    body: `Yth. {nama},

Agar kami dapat memberikan data yang tepat, mohon jelaskan lebih rinci:
1. Data apa yang dibutuhkan (misalnya jumlah penduduk menurut jenis kelamin);
2. Wilayahnya (kabupaten, kecamatan, atau desa);
3. Tahun atau periode datanya;
4. Untuk keperluan apa data tersebut digunakan.

${SIGN_OFF}`,
  },
  {
    name: 'Cara mengakses data BPS',
    shortcut: 'caraakses',
    body: `Yth. {nama},

Data BPS Kabupaten Buleleng dapat diakses gratis kapan saja:
• Website https://bulelengkab.bps.go.id: menu "Tabel Statistik" dan "Publikasi";
• Publikasi "Kabupaten Buleleng Dalam Angka" dan "Kecamatan Dalam Angka" (PDF, dapat diunduh);
• Aplikasi Allstats BPS di ponsel.

Panduan singkatnya kami lampirkan bila tersedia. Bila data belum ditemukan, balas pesan ini dengan menyebut nomor tiket {tiket}.

${SIGN_OFF}`,
  },
  {
    name: 'Konsultasi selesai',
    shortcut: 'selesai',
    body: `Yth. {nama},

Permintaan Anda ({tiket}) telah kami selesaikan: {isi:apa yang diberikan}. Terima kasih telah menggunakan layanan PST BPS Kabupaten Buleleng. Bila masih ada yang kurang, silakan balas pesan ini.

${SIGN_OFF}`,
  },
  {
    name: 'Kunjungan langsung ke PST',
    shortcut: 'kunjungan',
    body: `Yth. {nama},

Anda juga dapat berkonsultasi langsung di ruang Pelayanan Statistik Terpadu (PST) BPS Kabupaten Buleleng pada jam layanan ({jam_layanan}), atau menelepon (0362) 22145. Layanan gratis; cukup membawa identitas diri.

${SIGN_OFF}`,
  },
];

export const m0008: Migration = {
  version: 8,
  name: 'standard-answers',
  up(db) {
    db.exec(`
      ALTER TABLE templates ADD COLUMN retired_at INTEGER;
      ALTER TABLE templates ADD COLUMN use_count INTEGER NOT NULL DEFAULT 0 CHECK (use_count >= 0);
      ALTER TABLE templates ADD COLUMN last_used_at INTEGER;

      CREATE TABLE template_files (
        id          INTEGER PRIMARY KEY,
        template_id INTEGER NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
        file_name   TEXT NOT NULL,
        mime_type   TEXT NOT NULL,
        size        INTEGER NOT NULL CHECK (size >= 0),
        content     BLOB NOT NULL,
        created_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX template_files_template ON template_files(template_id);
    `);
    const now = Date.now();
    const nameTaken = db.prepare('SELECT 1 FROM templates WHERE name = ?');
    const shortcutTaken = db.prepare('SELECT 1 FROM templates WHERE shortcut = ?');
    const insert = db.prepare("INSERT INTO templates (name, shortcut, body, language, created_at, updated_at) VALUES (?, ?, ?, 'id', ?, ?)");
    for (const answer of STANDARD_ANSWERS_0008) {
      if (nameTaken.get(answer.name)) continue;
      insert.run(answer.name, shortcutTaken.get(answer.shortcut) ? null : answer.shortcut, answer.body, now, now);
    }
  },
};
