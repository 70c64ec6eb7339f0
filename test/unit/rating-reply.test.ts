import { describe, expect, it } from 'vitest';
import { parseRatingReply, stripReplyHistory } from '../../src-main/core/domain/rating-reply';

const QUOTED_REQUEST = [
  '> Yth. Bapak/Ibu,',
  '> Konsultasi KONS-5108-20261130-0001 telah selesai. Mohon beri nilai 1–5',
  '> dengan membalas email ini. Contoh: 5',
].join('\n');

// Replies as requesters write them (Indonesian and English), with what the console must read.
const replies: { reply: string; score: number | null; feedback: string | null }[] = [
  { reply: '5', score: 5, feedback: null },
  { reply: '5\n', score: 5, feedback: null },
  { reply: '4.', score: 4, feedback: null },
  { reply: 'Nilai: 4 - cukup membantu', score: 4, feedback: 'cukup membantu' },
  { reply: '⭐⭐⭐⭐', score: 4, feedback: null },
  { reply: '★★★★★ Pelayanan sangat cepat', score: 5, feedback: 'Pelayanan sangat cepat' },
  { reply: '★★★☆☆', score: 3, feedback: null },
  { reply: '4/5', score: 4, feedback: null },
  { reply: 'Saya kasih 4/5, datanya lengkap', score: 4, feedback: 'datanya lengkap' },
  { reply: 'empat', score: 4, feedback: null },
  { reply: 'Lima! Petugasnya ramah sekali.', score: 5, feedback: 'Petugasnya ramah sekali.' },
  { reply: '4 bintang', score: 4, feedback: null },
  { reply: 'Saya beri 5 bintang untuk PST Buleleng', score: 5, feedback: 'untuk PST Buleleng' },
  { reply: 'Skor 3', score: 3, feedback: null },
  { reply: 'nilai saya 5, terima kasih', score: 5, feedback: 'terima kasih' },
  { reply: 'Nilainya 2. Balasan baru datang setelah 10 hari.', score: 2, feedback: 'Balasan baru datang setelah 10 hari.' },
  { reply: '3 hari baru dibalas, nilai 2', score: 2, feedback: '3 hari baru dibalas' },
  { reply: '5, terima kasih banyak atas bantuannya', score: 5, feedback: 'terima kasih banyak atas bantuannya' },
  { reply: 'Terima kasih banyak, 5', score: 5, feedback: 'Terima kasih banyak' },
  { reply: 'Terima kasih atas bantuannya.\n\n4', score: 4, feedback: 'Terima kasih atas bantuannya.' },
  { reply: '5️⃣ mantap', score: 5, feedback: 'mantap' },
  { reply: 'Rating: 5/5. Very helpful, thank you!', score: 5, feedback: 'Very helpful, thank you!' },
  { reply: 'I would rate it 4 out of 5. The tables came quickly.', score: 4, feedback: 'The tables came quickly.' },
  { reply: 'Five stars, great service', score: 5, feedback: 'great service' },
  { reply: 'Score: 3 - answer was OK but late', score: 3, feedback: 'answer was OK but late' },
  { reply: `4\n\n${QUOTED_REQUEST}`, score: 4, feedback: null },
  {
    reply: 'Nilai 5, responnya cepat.\n\nPada Sen, 30 Nov 2026 pukul 14.02 PST BPS Buleleng <pst5108@bps.go.id>\nmenulis:\n> Mohon beri nilai 1–5',
    score: 5,
    feedback: 'responnya cepat.',
  },
  {
    reply: 'Good, 4.\n\nOn Mon, Nov 30, 2026 at 2:02 PM PST BPS Buleleng <pst5108@bps.go.id> wrote:\n> Please rate 1-5',
    score: 4,
    feedback: 'Good',
  },
  {
    reply:
      '3\nDatanya belum lengkap untuk tahun 2025.\n\n-----Original Message-----\nFrom: PST BPS Buleleng\nSent: Monday, November 30, 2026 2:02 PM\nNilai 1-5?',
    score: 3,
    feedback: 'Datanya belum lengkap untuk tahun 2025.',
  },
  {
    reply: 'Nilai 4\n\n-- \nI Made Suarjana\nUniversitas Pendidikan Ganesha\nHP 0812-3456-7890',
    score: 4,
    feedback: null,
  },
  {
    reply: '5\n\nSent from my iPhone',
    score: 5,
    feedback: null,
  },
  // No score: feedback only.
  { reply: 'Pelayanannya memuaskan, terima kasih.', score: null, feedback: 'Pelayanannya memuaskan, terima kasih.' },
  {
    reply: 'Terima kasih, data sudah diterima 2 hari lalu. Bisa hubungi saya di 0812 3456 7890.',
    score: null,
    feedback: 'Terima kasih, data sudah diterima 2 hari lalu. Bisa hubungi saya di 0812 3456 7890.',
  },
  { reply: 'Data tahun 2026 belum tersedia, menunggu 10 hari.', score: null, feedback: 'Data tahun 2026 belum tersedia, menunggu 10 hari.' },
  { reply: 'dua hari saya menunggu jawaban', score: null, feedback: 'dua hari saya menunggu jawaban' },
  { reply: '2 tabel yang saya minta sudah masuk', score: null, feedback: '2 tabel yang saya minta sudah masuk' },
  { reply: '1. Datanya lengkap\n2. Petugas ramah', score: null, feedback: '1. Datanya lengkap\n2. Petugas ramah' },
  { reply: 'Telp kantor 0362-22145 tidak diangkat', score: null, feedback: 'Telp kantor 0362-22145 tidak diangkat' },
  { reply: 'nilai 4,5', score: null, feedback: 'nilai 4,5' },
  { reply: 'Nilai 10 dari 10!', score: null, feedback: 'Nilai 10 dari 10!' },
  // Ambiguous: two different scores.
  { reply: 'Antara 4 atau 5, nilai 4 atau 5 deh', score: null, feedback: 'Antara 4 atau 5, nilai 4 atau 5 deh' },
  { reply: '5\nTapi kalau soal waktu, nilai 3', score: null, feedback: '5\nTapi kalau soal waktu, nilai 3' },
  { reply: '⭐⭐⭐⭐⭐ eh maksud saya 4/5', score: null, feedback: '⭐⭐⭐⭐⭐ eh maksud saya 4/5' },
  // Nothing new at all.
  { reply: `\n\n${QUOTED_REQUEST}`, score: null, feedback: null },
  { reply: '', score: null, feedback: null },
];

describe('rating reply parsing', () => {
  it('covers at least 30 replies', () => expect(replies.length).toBeGreaterThanOrEqual(30));

  it.each(replies)('$reply', ({ reply, score, feedback }) => {
    expect(parseRatingReply(reply)).toEqual({ score, feedback });
  });

  it('keeps CRLF replies and cuts history at the first marker', () => {
    expect(parseRatingReply('4\r\nCukup baik\r\n\r\n> quoted 5')).toEqual({ score: 4, feedback: 'Cukup baik' });
    expect(stripReplyHistory('Oke\n________________\nFrom: PST\nSent: today\n5')).toBe('Oke');
    expect(stripReplyHistory('Oke, 4\nDari: PST BPS Buleleng <pst5108@bps.go.id>\nDikirim: Senin\nNilai 1')).toBe('Oke, 4');
    expect(parseRatingReply('Oke, 4\nFrom: PST BPS Buleleng\nSent: Monday\nNilai 1-5')).toEqual({ score: 4, feedback: 'Oke' });
  });

  it('drops mail-app footers from the feedback and keeps what is written above and below a quote', () => {
    expect(parseRatingReply('5, pelayanannya cepat\n\nDapatkan Outlook untuk Android')).toEqual({ score: 5, feedback: 'pelayanannya cepat' });
    expect(parseRatingReply('Nilai 4 ya\nSent from my iPhone\n\n> Mohon beri nilai 1-5')).toEqual({ score: 4, feedback: 'ya' });
    expect(parseRatingReply('Dikirim dari Yahoo Mail di Android\n\nNilai 5')).toEqual({ score: 5, feedback: null });
    const below = 'Pada Rab, 4 Nov 2026 10.00 PST BPS Buleleng menulis:\n> Mohon beri nilai 1-5 untuk layanan kami.\n\nNilai 5, petugasnya ramah sekali';
    expect(parseRatingReply(below)).toEqual({ score: 5, feedback: 'petugasnya ramah sekali' });
    expect(parseRatingReply('Terima kasih\n> Mohon beri nilai 1-5\nsaya beri 4')).toMatchObject({
      score: 4,
      feedback: expect.stringContaining('Terima kasih'),
    });
  });
});
