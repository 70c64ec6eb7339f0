/** The occupation categories of the PST identity form (the bot's choices, the console's list, the report's table). */
export const OCCUPATIONS = ['Pelajar/Mahasiswa', 'Peneliti/Dosen', 'ASN/TNI/Polri', 'Pegawai BUMN/BUMD', 'Pegawai Swasta', 'Wiraswasta', 'Lainnya'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];
