import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChatExport } from '../../src-main/core/channels/whatsapp/export-parse';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/whatsapp/${name}`, import.meta.url), 'utf8');
/** A WITA wall-clock time as an instant (UTC+8, no DST). */
const wita = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);

/** The chat as a person reading the export would tell it: who said what, when, and what came with it. */
const told = (text: string) =>
  parseChatExport(text).lines.map((l) => ({
    at: l.at,
    who: l.sender,
    text: l.text,
    ...(l.files.length ? { files: l.files } : {}),
    ...(l.mediaOmitted ? { omitted: true } : {}),
    ...(l.deleted ? { deleted: true } : {}),
    ...(l.edited ? { edited: true } : {}),
  }));

describe('WhatsApp chat export', () => {
  it('Android, Indonesian phone: d/m/yy, 24 h with ".", across midnight and the end of November', () => {
    const parsed = parseChatExport(fixture('android-id.txt'));
    expect(parsed.format).toBe('android');
    expect(parsed.order).toBe('dmy');
    expect(told(fixture('android-id.txt'))).toEqual([
      { at: wita(2026, 11, 30, 23, 58), who: null, text: expect.stringMatching(/^Pesan dan panggilan terenkripsi secara end-to-end\./) },
      { at: wita(2026, 11, 30, 23, 58), who: 'Budi Santoso', text: 'Selamat malam, saya Budi dari Universitas Pendidikan Ganesha' },
      {
        at: wita(2026, 11, 30, 23, 59),
        who: 'Budi Santoso',
        text: 'Saya membutuhkan data jumlah penduduk Kabupaten Buleleng per kecamatan tahun 2020-2025\nuntuk skripsi saya.\n\nTerima kasih.',
      },
      { at: wita(2026, 12, 1, 0, 1), who: 'Budi Santoso', text: '', omitted: true },
      { at: wita(2026, 12, 1, 0, 2), who: 'Budi Santoso', text: '', deleted: true },
      {
        at: wita(2026, 12, 1, 8, 5),
        who: 'PST BPS Buleleng',
        text: 'Selamat pagi Bapak Budi, permintaan Bapak kami terima. Mohon kirimkan email aktif Bapak.',
      },
      { at: wita(2026, 12, 1, 8, 7), who: 'Budi Santoso', text: 'Baik, email saya budi.santoso@undiksha.ac.id' },
    ]);
  });

  it('Android, English (US) phone: m/d/yy, 12 h with AM/PM after a narrow space, files attached with a caption', () => {
    const parsed = parseChatExport(fixture('android-en.txt'));
    expect(parsed.order).toBe('mdy');
    expect(told(fixture('android-en.txt'))).toEqual([
      { at: wita(2026, 11, 30, 23, 58), who: null, text: expect.stringMatching(/^Messages and calls are end-to-end encrypted\./) },
      { at: wita(2026, 11, 30, 23, 58), who: '+62 812-3456-7890', text: 'Good evening, I am Sarah Miller from Udayana University.' },
      {
        at: wita(2026, 11, 30, 23, 59),
        who: '+62 812-3456-7890',
        text: 'I need tourism statistics for Buleleng:\n- hotel occupancy 2024\n- foreign visitors per month',
      },
      { at: wita(2026, 12, 1, 0, 3), who: '+62 812-3456-7890', text: 'This is the table I found', files: ['IMG-20261201-WA0001.jpg'] },
      { at: wita(2026, 12, 1, 0, 4), who: '+62 812-3456-7890', text: '', files: ['Tabel_Pariwisata_2024.pdf'] },
      { at: wita(2026, 12, 1, 0, 5), who: '+62 812-3456-7890', text: '', deleted: true },
      { at: wita(2026, 12, 1, 9, 15), who: 'PST BPS Buleleng', text: 'Good morning Ms Sarah, we have received your request.' },
      { at: wita(2026, 12, 1, 12, 30), who: '+62 812-3456-7890', text: 'Thank you!', edited: true },
    ]);
  });

  it('iOS, Indonesian phone: [d/m/yy HH.MM.SS], the encryption notice under the contact name is the phone, not the contact', () => {
    const parsed = parseChatExport(fixture('ios-id.txt'));
    expect(parsed.format).toBe('ios');
    expect(parsed.order).toBe('dmy');
    expect(told(fixture('ios-id.txt'))).toEqual([
      { at: wita(2026, 11, 30, 23, 58, 10), who: null, text: expect.stringMatching(/^Pesan dan panggilan terenkripsi/) },
      { at: wita(2026, 11, 30, 23, 58, 41), who: 'Ni Luh Putu Ayu', text: 'Om swastiastu, saya Ayu dari Dinas Pariwisata Buleleng' },
      { at: wita(2026, 11, 30, 23, 59, 2), who: 'Ni Luh Putu Ayu', text: 'Mohon data kunjungan wisatawan 2025\nper bulan ya kak' },
      { at: wita(2026, 12, 1, 0, 3, 12), who: 'Ni Luh Putu Ayu', text: '', omitted: true },
      { at: wita(2026, 12, 1, 0, 4, 55), who: 'Ni Luh Putu Ayu', text: '', deleted: true },
      { at: wita(2026, 12, 1, 8, 10), who: 'PST BPS Buleleng', text: 'Selamat pagi Ibu Ayu, permintaan Ibu kami proses.' },
      { at: wita(2026, 12, 1, 8, 11, 30), who: 'Ni Luh Putu Ayu', text: 'Suksma 🙏' },
    ]);
  });

  it('iOS, English (US) phone: [m/d/yy, h:mm:ss AM], 12 AM is just after midnight and 1 PM is 13.00', () => {
    const parsed = parseChatExport(fixture('ios-en.txt'));
    expect(parsed.order).toBe('mdy');
    expect(told(fixture('ios-en.txt'))).toEqual([
      { at: wita(2026, 11, 30, 23, 58, 10), who: null, text: expect.stringMatching(/^Messages and calls are end-to-end encrypted/) },
      { at: wita(2026, 11, 30, 23, 58, 40), who: 'Made Wirawan', text: 'Hello, Made Wirawan from Politeknik Negeri Bali.' },
      { at: wita(2026, 11, 30, 23, 59, 59), who: 'Made Wirawan', text: 'I need the poverty rate of Buleleng 2020–2025.\nIt is for a journal article.' },
      { at: wita(2026, 12, 1, 0, 0, 30), who: 'Made Wirawan', text: '', omitted: true },
      { at: wita(2026, 12, 1, 0, 1, 5), who: 'Made Wirawan', text: '', deleted: true },
      { at: wita(2026, 12, 1, 8, 30), who: 'PST BPS Buleleng', text: 'Good morning, your request is being processed.' },
      { at: wita(2026, 12, 1, 13, 2, 17), who: 'Made Wirawan', text: 'Thanks a lot' },
    ]);
  });

  it('decides d/m against m/d from the whole file: a late "13/12" settles the early ambiguous dates', () => {
    const text = ['05/12/2026 09:00 - Ayu: Halo', '06/12/2026 09:00 - Ayu: Masih ada?', '13/12/2026 10:00 - Ayu: Sudah seminggu'].join('\n');
    expect(told(text).map((l) => l.at)).toEqual([wita(2026, 12, 5, 9, 0), wita(2026, 12, 6, 9, 0), wita(2026, 12, 13, 10, 0)]);
    const us = ['12/5/26, 9:00 AM - Ayu: Hi', '12/6/26, 9:00 AM - Ayu: Still there?', '12/13/26, 10:00 AM - Ayu: A week now'].join('\n');
    expect(told(us).map((l) => l.at)).toEqual([wita(2026, 12, 5, 9, 0), wita(2026, 12, 6, 9, 0), wita(2026, 12, 13, 10, 0)]);
  });

  it('with no day above 12 anywhere, the order that keeps the chat in time order wins', () => {
    // As m/d these run 2 Jan, 10 Jan, 1 Feb, 3 Feb; as d/m they would jump back from 1 Oct to 2 Jan.
    const text = ['1/2/27 10:00 - Ayu: a', '1/10/27 10:00 - Ayu: b', '2/1/27 10:00 - Ayu: c', '2/3/27 10:00 - Ayu: d'].join('\n');
    expect(parseChatExport(text).order).toBe('mdy');
    // Nothing to tell them apart: an Indonesian phone's d/m.
    expect(parseChatExport('01/02/27 10.00 - Ayu: a\n01/02/27 10.05 - Ayu: b').order).toBe('dmy');
  });

  it('12 AM and 12 PM, "a.m." and a colon in the message keep their meaning', () => {
    const text = ['12/30/26, 12:00 AM - Ayu: tengah malam', '12/30/26, 12:00 PM - Ayu: siang: jam 12', '12/30/26, 3:05 p.m. - Ayu: sore'].join('\n');
    expect(told(text)).toEqual([
      { at: wita(2026, 12, 30, 0, 0), who: 'Ayu', text: 'tengah malam' },
      { at: wita(2026, 12, 30, 12, 0), who: 'Ayu', text: 'siang: jam 12' },
      { at: wita(2026, 12, 30, 15, 5), who: 'Ayu', text: 'sore' },
    ]);
  });

  it('the phone zone moves the instant, not the wall clock', () => {
    const [line] = parseChatExport('01/12/26 08.00 - Ayu: pagi', 'Asia/Jakarta').lines;
    expect(line?.at).toBe(Date.UTC(2026, 11, 1, 1, 0));
    expect(line?.local).toBe('2026-12-01 08:00');
  });

  it('iOS attachments named in the text, with the document line it writes before them', () => {
    const text = [
      '[01/12/26 10.00.00] Ayu: \u200e<lampiran: 00000012-PHOTO-2026-12-01-10-00-00.jpg>',
      '[01/12/26 10.01.00] Ayu: Tabel.pdf • 3 halaman \u200e<lampiran: 00000013-Tabel.pdf>',
    ].join('\n');
    expect(told(text)).toEqual([
      { at: wita(2026, 12, 1, 10, 0), who: 'Ayu', text: '', files: ['00000012-PHOTO-2026-12-01-10-00-00.jpg'] },
      { at: wita(2026, 12, 1, 10, 1), who: 'Ayu', text: '', files: ['00000013-Tabel.pdf'] },
    ]);
  });

  it('lines before the first dated line, and blank exports, give nothing', () => {
    expect(parseChatExport('').lines).toEqual([]);
    expect(parseChatExport('bukan ekspor chat\nsama sekali').lines).toEqual([]);
  });

  it('other phones the office meets: English (UK) Android with a four-digit year, iOS with a four-digit year and a narrow space before PM', () => {
    const uk = [
      '05/12/2026, 14:30 - Komang: Good afternoon',
      '05/12/2026, 14:31 - Komang: <Media omitted>',
      '05/12/2026, 14:32 - Komang: You deleted this message',
    ].join('\n');
    expect(told(uk)).toEqual([
      { at: wita(2026, 12, 5, 14, 30), who: 'Komang', text: 'Good afternoon' },
      { at: wita(2026, 12, 5, 14, 31), who: 'Komang', text: '', omitted: true },
      { at: wita(2026, 12, 5, 14, 32), who: 'Komang', text: '', deleted: true },
    ]);
    // Nothing in these dates tells 12 May from 5 December: the 12-hour clock is the US iPhone's, which writes m/d.
    const ios = '\u200e[12/5/2026, 2:30:15\u202fPM] Komang: \u200edocument omitted\n[12/5/2026, 2:31:00\u202fPM] Komang: Sudah?';
    expect(told(ios)).toEqual([
      { at: wita(2026, 12, 5, 14, 30, 15), who: 'Komang', text: '', omitted: true },
      { at: wita(2026, 12, 5, 14, 31), who: 'Komang', text: 'Sudah?' },
    ]);
  });
});
