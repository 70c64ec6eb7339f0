import type { Rng } from './random';

import type { Occupation } from '../../../src-common/occupations';

export interface Institution {
  name: string;
  /** How requesters write it in a hurry. */
  short: string;
  /** Mail domain of the institution, if its people use one. */
  domain?: string;
  occupation: Occupation;
  weight: number;
}

const pemkab = (dinas: string, short: string, weight = 2): Institution => ({
  name: `${dinas} Kabupaten Buleleng`,
  short,
  domain: 'bulelengkab.go.id',
  occupation: 'ASN/TNI/Polri',
  weight,
});

/** Who writes to PST Buleleng: universities first, then the regency's own offices. */
export const INSTITUTIONS: readonly Institution[] = [
  { name: 'Universitas Pendidikan Ganesha', short: 'Undiksha', domain: 'student.undiksha.ac.id', occupation: 'Pelajar/Mahasiswa', weight: 22 },
  { name: 'Universitas Pendidikan Ganesha', short: 'Undiksha', domain: 'undiksha.ac.id', occupation: 'Peneliti/Dosen', weight: 5 },
  { name: 'STIKES Buleleng', short: 'STIKES Buleleng', domain: 'stikesbuleleng.ac.id', occupation: 'Pelajar/Mahasiswa', weight: 5 },
  { name: 'STAHN Mpu Kuturan Singaraja', short: 'STAHN Mpu Kuturan', domain: 'stahnmpukuturan.ac.id', occupation: 'Pelajar/Mahasiswa', weight: 4 },
  { name: 'Universitas Panji Sakti', short: 'Unipas', domain: 'unipas.ac.id', occupation: 'Pelajar/Mahasiswa', weight: 3 },
  { name: 'Politeknik Negeri Bali', short: 'PNB', domain: 'pnb.ac.id', occupation: 'Pelajar/Mahasiswa', weight: 3 },
  { name: 'Universitas Udayana', short: 'Unud', domain: 'student.unud.ac.id', occupation: 'Pelajar/Mahasiswa', weight: 5 },
  { name: 'Universitas Udayana', short: 'Unud', domain: 'unud.ac.id', occupation: 'Peneliti/Dosen', weight: 2 },
  { name: 'Universitas Pendidikan Nasional', short: 'Undiknas', domain: 'undiknas.ac.id', occupation: 'Pelajar/Mahasiswa', weight: 1 },
  { name: 'SMA Negeri 1 Singaraja', short: 'SMAN 1 Singaraja', occupation: 'Pelajar/Mahasiswa', weight: 2 },
  { name: 'SMK Negeri 1 Singaraja', short: 'SMKN 1 Singaraja', occupation: 'Pelajar/Mahasiswa', weight: 1 },
  { name: 'SMA Negeri 4 Singaraja', short: 'SMAN 4 Singaraja', occupation: 'Pelajar/Mahasiswa', weight: 1 },
  {
    name: 'Badan Perencanaan Pembangunan Daerah Kabupaten Buleleng',
    short: 'Bappeda Buleleng',
    domain: 'bulelengkab.go.id',
    occupation: 'ASN/TNI/Polri',
    weight: 4,
  },
  pemkab('Dinas Pertanian', 'Distan Buleleng'),
  pemkab('Dinas Pariwisata', 'Dispar Buleleng'),
  pemkab('Dinas Kesehatan', 'Dinkes Buleleng'),
  pemkab('Dinas Sosial', 'Dinsos Buleleng'),
  pemkab('Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil Buleleng'),
  pemkab('Dinas Tenaga Kerja', 'Disnaker Buleleng', 1),
  pemkab('Dinas Pendidikan, Pemuda dan Olahraga', 'Disdikpora Buleleng', 1),
  pemkab('Dinas Perikanan', 'Dinas Perikanan Buleleng', 1),
  pemkab('Badan Pendapatan Daerah', 'Bapenda Buleleng', 1),
  pemkab('Bagian Perekonomian Setda', 'Bag. Perekonomian Setda Buleleng', 1),
  { name: 'Kepolisian Resor Buleleng', short: 'Polres Buleleng', occupation: 'ASN/TNI/Polri', weight: 1 },
  { name: 'Kodim 1609/Buleleng', short: 'Kodim 1609', occupation: 'ASN/TNI/Polri', weight: 1 },
  { name: 'Bank Indonesia Provinsi Bali', short: 'BI Bali', domain: 'bi.go.id', occupation: 'ASN/TNI/Polri', weight: 1 },
  {
    name: 'PT Bank Pembangunan Daerah Bali Cabang Singaraja',
    short: 'BPD Bali Singaraja',
    domain: 'bpdbali.co.id',
    occupation: 'Pegawai BUMN/BUMD',
    weight: 2,
  },
  { name: 'PT Bank Rakyat Indonesia Cabang Singaraja', short: 'BRI Singaraja', domain: 'bri.co.id', occupation: 'Pegawai BUMN/BUMD', weight: 2 },
  { name: 'PLN UP3 Bali Utara', short: 'PLN Bali Utara', domain: 'pln.co.id', occupation: 'Pegawai BUMN/BUMD', weight: 1 },
  { name: 'Perumda Air Minum Tirta Hita Buleleng', short: 'PDAM Buleleng', occupation: 'Pegawai BUMN/BUMD', weight: 1 },
  { name: 'Radar Bali', short: 'Radar Bali', occupation: 'Pegawai Swasta', weight: 1 },
  { name: 'Bali Post', short: 'Bali Post', occupation: 'Pegawai Swasta', weight: 1 },
  { name: 'NusaBali', short: 'NusaBali', occupation: 'Pegawai Swasta', weight: 1 },
  { name: 'Tribun Bali', short: 'Tribun Bali', occupation: 'Pegawai Swasta', weight: 1 },
  { name: 'Puri Bagus Lovina', short: 'Puri Bagus Lovina', occupation: 'Pegawai Swasta', weight: 1 },
  { name: 'Aneka Lovina Villas & Spa', short: 'Aneka Lovina', occupation: 'Pegawai Swasta', weight: 1 },
  { name: 'PHRI Kabupaten Buleleng', short: 'PHRI Buleleng', occupation: 'Lainnya', weight: 1 },
  { name: 'Pokdarwis Desa Kalibukbuk', short: 'Pokdarwis Kalibukbuk', occupation: 'Lainnya', weight: 1 },
  { name: 'Lovina Dolphin Tour', short: 'Lovina Dolphin Tour', occupation: 'Wiraswasta', weight: 1 },
  { name: 'Gapoktan Tani Mekar Sukasada', short: 'Gapoktan Tani Mekar', occupation: 'Wiraswasta', weight: 1 },
  { name: 'Subak Anyar Sambangan', short: 'Subak Anyar', occupation: 'Lainnya', weight: 1 },
  { name: 'KWT Sari Merta Munduk', short: 'KWT Sari Merta', occupation: 'Wiraswasta', weight: 1 },
  { name: 'CV Karya Utama Singaraja', short: 'CV Karya Utama', occupation: 'Wiraswasta', weight: 2 },
  { name: 'UD Sumber Rejeki Seririt', short: 'UD Sumber Rejeki', occupation: 'Wiraswasta', weight: 1 },
  { name: 'Koperasi Serba Usaha Mertha Sari', short: 'KSU Mertha Sari', occupation: 'Pegawai Swasta', weight: 1 },
  { name: 'Perorangan', short: 'umum', occupation: 'Lainnya', weight: 3 },
];

const BALINESE_ORDER_MALE = ['Wayan', 'Putu', 'Gede', 'Made', 'Kadek', 'Nengah', 'Nyoman', 'Komang', 'Ketut'];
const BALINESE_ORDER_FEMALE = ['Luh', 'Putu', 'Made', 'Kadek', 'Nyoman', 'Komang', 'Ketut', 'Wayan'];
const BALINESE_GIVEN_MALE = [
  'Agus',
  'Arya',
  'Adi Saputra',
  'Budiarta',
  'Suardana',
  'Mahendra',
  'Widiantara',
  'Ariasa',
  'Yudiana',
  'Sudarma',
  'Artawan',
  'Suputra',
  'Wirawan',
  'Dharma Putra',
  'Krisna',
  'Eka Pratama',
  'Surya Darma',
  'Juliarta',
  'Sastrawan',
  'Yoga',
];
const BALINESE_GIVEN_FEMALE = [
  'Ayu Lestari',
  'Sri Wahyuni',
  'Dewi Astiti',
  'Pradnyani',
  'Juniantari',
  'Sukarmini',
  'Purnama Sari',
  'Widya Ningsih',
  'Ari Suastini',
  'Diah Pitaloka',
  'Rai Suartini',
  'Mas Ayu',
  'Eka Yanti',
  'Novi Antari',
  'Intan Permata',
];
const TRIWANGSA = ['Ida Bagus', 'Ida Ayu', 'Anak Agung', 'I Gusti Ngurah', 'Gusti Ayu', 'Dewa Gede', 'Desak Made'];
const NUSANTARA = [
  'Budi Santoso',
  'Siti Nurhaliza',
  'Ahmad Fauzi',
  'Rizky Pratama',
  'Dwi Lestari',
  'Andi Saputra',
  'Yohanes Kefi',
  'Maria Goreti Seran',
  'Fitri Handayani',
  'Muhammad Iqbal',
  'Nur Aini',
  'Rahmat Hidayat',
  'Dian Permatasari',
  'Agustinus Lamawuran',
  'Lalu Zulkarnain',
  'Baiq Nurul Aini',
  'Hendra Gunawan',
  'Sri Rahayu',
  'Yusuf Maulana',
  'Theresia Ndoen',
  'Fransiskus Xaverius Bere',
  'Andi Tenri Ajeng',
  'Rina Marlina',
  'Teguh Prasetyo',
  'Nadia Putri',
];

export interface Person {
  name: string;
  /** What goes into mail addresses and usernames: lowercase, no titles. */
  handle: string;
  female: boolean;
}

export function personName(rng: Rng): Person {
  const kind = rng.weighted([
    ['bali', 62],
    ['triwangsa', 8],
    ['nusantara', 30],
  ] as const);
  if (kind === 'nusantara') {
    const name = rng.pick(NUSANTARA);
    return { name, handle: name, female: /Siti|Lestari|Maria|Fitri|Aini|Permata|Rahayu|Theresia|Tenri|Rina|Nadia|Baiq/.test(name) };
  }
  const female = rng.chance(0.5);
  const given = rng.pick(female ? BALINESE_GIVEN_FEMALE : BALINESE_GIVEN_MALE);
  if (kind === 'triwangsa') {
    const title = rng.pick(TRIWANGSA);
    return { name: `${title} ${given}`, handle: given, female: /Ayu|Desak/.test(title) || female };
  }
  const order = rng.pick(female ? BALINESE_ORDER_FEMALE : BALINESE_ORDER_MALE);
  return { name: `${female ? 'Ni' : 'I'} ${order} ${given}`, handle: `${order} ${given}`, female };
}

const slug = (s: string, sep: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '');

/** Mail address: the institution's domain for many, a webmail address for the rest. */
export function emailOf(rng: Rng, person: Person, institution: Institution, serial: number): string {
  const local = slug(person.handle, '.');
  if (institution.domain && rng.chance(0.6)) {
    // Student mailboxes carry the student number (NIM); staff ones the name.
    if (institution.domain.startsWith('student.')) return `${local.split('.').at(-1)}.${2_100_000_000 + serial}@${institution.domain}`;
    return `${local}.${serial.toString(36)}@${institution.domain}`;
  }
  const webmail = rng.weighted([
    ['gmail.com', 80],
    ['yahoo.co.id', 10],
    ['yahoo.com', 5],
    ['outlook.com', 5],
  ] as const);
  return `${local}${rng.chance(0.5) ? rng.int(1, 99) : ''}.${serial.toString(36)}@${webmail}`;
}

/** Indonesian mobile numbers in E.164: +62 8xx with the operators' real prefixes. */
export function whatsappOf(rng: Rng): string {
  const prefix = rng.pick(['811', '812', '813', '821', '822', '823', '852', '853', '857', '858', '878', '877', '895', '896', '881']);
  let rest = '';
  const length = rng.int(7, 8);
  for (let i = 0; i < length; i++) rest += String(rng.int(0, 9));
  return `+62${prefix}${rest}`;
}

/** How people type their number in a message: 0812-3456-7890, +62 812 3456 7890... */
export function localWhatsapp(rng: Rng, e164: string): string {
  const national = `0${e164.slice(3)}`;
  return rng.weighted([
    [national, 3],
    [`${national.slice(0, 4)}-${national.slice(4, 8)}-${national.slice(8)}`, 2],
    [`+62 ${e164.slice(3, 6)} ${e164.slice(6, 10)} ${e164.slice(10)}`, 1],
  ] as const);
}

export function telegramUsernameOf(rng: Rng, person: Person, serial: number): string | undefined {
  if (rng.chance(0.25)) return undefined; // many Telegram users never set one
  return `${slug(person.handle, '_')}_${serial.toString(36)}`;
}
