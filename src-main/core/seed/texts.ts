import type { Rng } from './random';
import { localWhatsapp } from './people';
import { dataRequest, PURPOSES_EN, type Topic } from './topics';

/** Everything the texts of one consultation draw on. */
export interface ThreadVoice {
  name: string;
  occupation: string;
  institution: string;
  institutionShort: string;
  email: string;
  whatsapp: string;
  topic: Topic;
  need: string;
  purpose: string;
  year: number;
  formal: boolean;
  english: boolean;
}

export type MessageKind = 'opening' | 'identity' | 'clarification' | 'extra' | 'followUp' | 'thanks';

const GREETING_FORMAL = ['Selamat pagi', 'Selamat siang', 'Om Swastyastu', 'Dengan hormat', 'Selamat sore'];
const GREETING_CASUAL = ['Halo kak', 'Pagi min', 'Permisi kak', 'Om Swastyastu kak', 'Halo admin PST', 'Selamat siang kak'];

const role = (v: ThreadVoice): string => {
  switch (v.occupation) {
    case 'Pelajar/Mahasiswa':
      return v.institutionShort.startsWith('SM') ? `siswa ${v.institutionShort}` : `mahasiswa ${v.institution}`;
    case 'Peneliti/Dosen':
      return `dosen di ${v.institution}`;
    case 'ASN/TNI/Polri':
    case 'Pegawai BUMN/BUMD':
    case 'Pegawai Swasta':
      return `staf ${v.institution}`;
    case 'Wiraswasta':
      return `pengelola ${v.institution}`;
    default:
      return 'masyarakat umum dari Singaraja';
  }
};

function opening(rng: Rng, v: ThreadVoice): string {
  if (v.english) {
    return `${rng.pick(['Good morning', 'Dear PST team', 'Hello'])}, my name is ${v.name} from ${v.institution}. For ${rng.pick(PURPOSES_EN)} I am looking for data on ${v.need}. Could you tell me whether it is available and how I can get it? Thank you.`;
  }
  const greeting = rng.pick(v.formal ? GREETING_FORMAL : GREETING_CASUAL);
  const intro = `perkenalkan saya ${v.name}, ${role(v)}`;
  const ask = rng.pick([
    `Saya ingin meminta data ${v.need} untuk ${v.purpose}.`,
    `Untuk ${v.purpose}, saya membutuhkan data ${v.need}. Apakah datanya tersedia?`,
    `Mohon bantuannya, saya sedang mencari data ${v.need} untuk ${v.purpose}.`,
    `Apakah di BPS Buleleng tersedia data ${v.need}? Data tersebut saya perlukan untuk ${v.purpose}.`,
  ]);
  if (!v.formal) return `${greeting}, ${intro}. ${ask} Terima kasih 🙏`;
  return `Yth. Petugas PST BPS Kabupaten Buleleng,\n\n${greeting}, ${intro}. ${ask}\n\nAtas perhatian dan bantuannya saya ucapkan terima kasih.\n\nHormat saya,\n${v.name}\n${v.institution}\n${localWhatsapp(rng, v.whatsapp)}`;
}

function identity(rng: Rng, v: ThreadVoice): string {
  if (v.english) return `Name: ${v.name}\nInstitution: ${v.institution}\nEmail: ${v.email}\nWhatsApp: ${v.whatsapp}\nPurpose: ${v.purpose}`;
  const lead = rng.pick(['Berikut data diri saya:', 'Baik, ini identitas saya kak:', 'Sesuai permintaan, berikut kelengkapan identitas saya:']);
  return `${lead}\nNama: ${v.name}\nInstansi: ${v.institution}\nPekerjaan: ${v.occupation}\nEmail: ${v.email}\nNo. WA: ${localWhatsapp(rng, v.whatsapp)}\nKeperluan: ${v.purpose} (data ${v.need})`;
}

function clarification(rng: Rng, v: ThreadVoice): string {
  if (v.english)
    return rng.pick([
      'Is the data available in Excel format?',
      'I need it by district if possible, for the last five years.',
      'Do you also have the metadata or the definition used?',
    ]);
  return rng.pick([
    'Kalau bisa datanya dalam format Excel ya kak, supaya mudah diolah.',
    `Yang saya butuhkan sampai level kecamatan, untuk tahun ${v.year - 5} sampai ${v.year - 1}.`,
    'Apakah ada juga data per desa? Kalau tidak ada, per kecamatan juga tidak apa-apa.',
    'Mohon maaf kak, definisi yang dipakai BPS untuk indikator ini apa ya? Untuk saya cantumkan di metodologi.',
    `Apakah data ${v.topic === 'Lainnya' ? 'ini' : v.topic.toLowerCase()} tahun ${v.year} sudah rilis?`,
    'Saya sudah cek di website bps.go.id tetapi tabelnya hanya sampai tingkat kabupaten.',
    'Untuk sitasi di skripsi, sumbernya saya tulis publikasi apa ya kak?',
  ]);
}

function extra(rng: Rng, v: ThreadVoice, year: number): string {
  const other = dataRequest(rng, rng.pick(['Kependudukan', 'PDRB/Ekonomi', 'Kemiskinan', 'IPM', 'Pariwisata'] as const), year, v.english);
  if (v.english) return `One more question: do you also have ${other}?`;
  return rng.pick([`Satu lagi kak, apakah ada data ${other}?`, `Izin bertanya lagi, saya juga memerlukan ${other}. Apakah bisa dibantu?`]);
}

function followUp(rng: Rng, v: ThreadVoice): string {
  if (v.english) return 'Sorry to bother you again, is there any update on my request?';
  return rng.pick([
    'Mohon maaf, izin menanyakan kembali perkembangan permintaan data saya.',
    'Permisi kak, apakah sudah ada kabar terkait data yang saya minta?',
    'Selamat pagi, saya ingin menindaklanjuti permintaan data minggu lalu. Terima kasih.',
    'Kak, maaf mengganggu, datanya kira-kira kapan bisa saya terima?',
  ]);
}

function thanks(rng: Rng, v: ThreadVoice): string {
  if (v.english) return rng.pick(['Thank you very much, I have received the data.', 'Many thanks for your help!']);
  return rng.pick([
    'Terima kasih banyak atas bantuannya 🙏',
    'Baik kak, datanya sudah saya terima. Matur suksma.',
    'Sudah saya terima filenya, terima kasih BPS Buleleng, pelayanannya cepat.',
    'Terima kasih kak, sangat membantu untuk skripsi saya.',
    'Suksma, data sudah lengkap.',
  ]);
}

export function messageText(rng: Rng, kind: MessageKind, v: ThreadVoice, year: number): string {
  switch (kind) {
    case 'opening':
      return opening(rng, v);
    case 'identity':
      return identity(rng, v);
    case 'clarification':
      return clarification(rng, v);
    case 'extra':
      return extra(rng, v, year);
    case 'followUp':
      return followUp(rng, v);
    case 'thanks':
      return thanks(rng, v);
  }
}

/** The order a thread of `count` messages takes: ask, identify, clarify or chase, say thanks. */
export function threadKinds(rng: Rng, count: number): MessageKind[] {
  if (count === 1) return ['opening'];
  const kinds: MessageKind[] = ['opening', 'identity'];
  while (kinds.length < count - 1)
    kinds.push(
      rng.weighted([
        ['clarification', 5],
        ['extra', 2],
        ['followUp', 3],
      ] as const),
    );
  if (kinds.length < count) kinds.push(rng.chance(0.8) ? 'thanks' : 'followUp');
  return kinds;
}
