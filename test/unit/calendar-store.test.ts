import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarQueries, parseIcs, SERVICE_HOURS_KEY } from '../../src-main/core/calendar';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { tempDataDir } from '../helpers/core';
import { wordCoreMessage } from '../../src-common/messages';

const wita = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00+08:00`);
const NOW = wita('2026-11-28 10:00');
/** The day the coming year's list was found missing. */
const DEC_4 = wita('2026-12-04 10:00');

const opened: { db: Db; cleanup(): void }[] = [];
function freshDb(): Db {
  const temp = tempDataDir();
  const db = openDatabase(join(temp.dir, 'db.sqlite3'));
  opened.push({ db, cleanup: temp.cleanup });
  return db;
}
afterEach(() =>
  opened.splice(0).forEach(({ db, cleanup }) => {
    db.close();
    cleanup();
  }),
);

const ics = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Libur//ID', ...events, 'END:VCALENDAR', ''].join('\r\n');
const allDay = (start: string, summary: string, end?: string) =>
  [
    'BEGIN:VEVENT',
    `UID:${start}-${summary.length}@test`,
    `DTSTART;VALUE=DATE:${start}`,
    ...(end ? [`DTEND;VALUE=DATE:${end}`] : []),
    `SUMMARY:${summary}`,
    'END:VEVENT',
  ].join('\r\n');

describe('calendar store', () => {
  it('seeds the shipped 2026 decree once; a deleted day stays deleted; 2027 is reported missing', () => {
    const cal = calendarQueries(freshDb());
    const first = cal.seed(NOW);
    expect(first.inserted).toBe(25);
    expect(first.yearsMissingDecree).toEqual([2027]);
    expect(cal.listStored(2026).every((d) => d.source === 'skb-2026')).toBe(true);
    expect(cal.listStored(2026).filter((d) => d.kind === 'cuti_bersama')).toHaveLength(8);
    cal.deleteDay('2026-12-24');
    expect(cal.seed(NOW).inserted).toBe(0);
    expect(cal.listStored(2026)).toHaveLength(24);
  });

  it('the coming year is pre-filled: fixed-date holidays as certain, moving ones "perlu dicek", and its local days', () => {
    const cal = calendarQueries(freshDb());
    cal.seed(DEC_4);
    cal.addDay({ date: '2027-01-13', kind: 'local', name: 'Hari Raya Galungan (surat edaran Gubernur Bali)' });
    const y2027 = cal.daysOfYear(2027);
    expect(y2027.hasDecree).toBe(false);
    const certain = y2027.days.filter((d) => !d.tentative && d.kind === 'national').map((d) => [d.date, d.name]);
    expect(certain).toEqual([
      ['2027-01-01', 'Tahun Baru Masehi'],
      ['2027-05-01', 'Hari Buruh Internasional'],
      ['2027-06-01', 'Hari Lahir Pancasila'],
      ['2027-08-17', 'Hari Kemerdekaan Republik Indonesia'],
      ['2027-12-25', 'Hari Raya Natal'],
    ]);
    // Islamic, Chinese, Hindu, Buddhist and Easter-based holidays move: each is an estimate to check.
    const moving = y2027.days.filter((d) => d.tentative);
    for (const pattern of [/Isra Mikraj/, /Imlek/, /Nyepi/, /Idul Fitri/, /Wafat Yesus/, /Kenaikan Yesus/, /Idul Adha/, /Waisak/, /Tahun Baru Islam/, /Maulid/])
      expect(
        moving.some((d) => pattern.test(d.name)),
        String(pattern),
      ).toBe(true);
    expect(moving.every((d) => d.source === 'perkiraan' && d.stored && d.kind === 'national')).toBe(true);
    // date-holidays calls 27 Rajab "Maulid Nabi Muhammad": 5 January 2027 is Isra Mikraj, Maulid falls in August.
    expect(y2027.days.find((d) => d.date === '2027-01-05')).toMatchObject({ name: 'Isra Mikraj Nabi Muhammad SAW', tentative: true });
    expect(y2027.days.filter((d) => /Maulid/.test(d.name)).map((d) => d.date.slice(0, 7))).toEqual(['2027-08']);
    expect(y2027.days.find((d) => d.date === '2027-12-25')!.name).toBe('Hari Raya Natal');
    expect(y2027.days.find((d) => d.date === '2027-01-13')).toMatchObject({ source: 'manual', kind: 'local', tentative: false });
    expect(cal.yearsMissingDecree([2026, 2027])).toEqual([2027]); // a local day is not a decree

    const calendar = cal.buildCalendar();
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-13')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-12')).toBe(true);
  });

  it('adding one day of a year leaves its other days in place (pre-filled and further ahead)', () => {
    const cal = calendarQueries(freshDb());
    cal.seed(DEC_4);
    const before = cal.daysOfYear(2027).days.length;
    cal.addDay({ date: '2027-03-11', kind: 'cuti_bersama', name: 'Cuti bersama Idul Fitri' });
    expect(cal.daysOfYear(2027).days).toHaveLength(before + 1);
    expect(cal.yearsMissingDecree([2027])).toEqual([2027]); // one typed day is not the decree
    // 2028 was never pre-filled: its computed days stay under a typed one.
    cal.addDay({ date: '2028-01-26', kind: 'national', name: 'Isra Mikraj (menurut SKB)' });
    const calendar = cal.buildCalendar();
    for (const date of ['2027-01-01', '2027-01-05', '2027-08-17', '2028-01-01', '2028-08-17', '2028-01-26'])
      expect(calendar.isWorkingDay(date), date).toBe(false);
    expect(cal.daysOfYear(2028).days.find((d) => d.date === '2028-08-17')).toMatchObject({ stored: false, source: 'tetap' });
  });

  it('asks for the coming year from October; declaring a typed list complete waits for every estimate to be checked', () => {
    const cal = calendarQueries(freshDb());
    cal.seed(wita('2026-09-30 10:00'));
    expect(cal.yearsToAskFor(wita('2026-09-30 10:00'))).toEqual([]);
    expect(cal.yearsToAskFor(wita('2026-10-01 08:00'))).toEqual([2027]);
    expect(cal.yearsToAskFor(DEC_4)).toEqual([2027]);

    const estimates = cal.listStored(2027).filter((d) => d.tentative);
    expect(() => cal.confirmYear(2027, DEC_4)).toThrow(new RegExp(`${estimates.length} hari perkiraan di tahun 2027`));
    cal.updateDay('2027-03-09', { name: 'Idul Fitri 1448 H' }); // edited: checked
    cal.deleteDay('2027-03-10');
    for (const day of estimates.filter((d) => !['2027-03-09', '2027-03-10'].includes(d.date))) expect(cal.checkDay(day.date).tentative).toBe(false);
    cal.confirmYear(2027, DEC_4);
    expect(cal.yearsToAskFor(DEC_4)).toEqual([]);
    expect(cal.daysOfYear(2027).hasDecree).toBe(true);
    expect(cal.buildCalendar().isWorkingDay('2027-03-10')).toBe(true);
  });

  it("a CSV decree replaces the year's estimates and keeps its fixed-date and local days", () => {
    const cal = calendarQueries(freshDb());
    cal.seed(DEC_4);
    cal.addDay({ date: '2027-01-23', kind: 'local', name: 'Hari Raya Kuningan (surat edaran)' });
    const csv = [
      'Tanggal;Keterangan;Jenis',
      '01/01/2027;Tahun Baru 2027 Masehi;Libur nasional',
      '05/01/2027;Isra Mikraj Nabi Muhammad SAW;Libur nasional',
      '"10/03/2027";"Idul Fitri 1448 Hijriah";nasional',
      '11/03/2027;Cuti Bersama Idul Fitri 1448 Hijriah;cuti bersama',
      '31/02/2027;Tanggal keliru;nasional',
      '',
    ].join('\r\n');
    const result = cal.importCsv(csv);
    expect(result.days.map((d) => [d.date, d.kind])).toEqual([
      ['2027-01-01', 'national'],
      ['2027-01-05', 'national'],
      ['2027-03-10', 'national'],
      ['2027-03-11', 'cuti_bersama'],
    ]);
    expect(result.skipped.map((s) => s.line)).toEqual([6]);
    expect(result.estimatesReplaced).toBe(9); // 11 estimates; 5 January and 10 March now the decree's own
    expect(cal.yearsMissingDecree([2027])).toEqual([]);
    const days = cal.daysOfYear(2027).days;
    expect(days.some((d) => d.tentative)).toBe(false);
    expect(days.find((d) => d.date === '2027-01-23')).toMatchObject({ kind: 'local' });
    expect(days.find((d) => d.date === '2027-08-17')).toMatchObject({ source: 'tetap' });
    const calendar = cal.buildCalendar();
    expect(calendar.isWorkingDay('2027-03-09')).toBe(true); // the estimate's Idul Fitri day is gone
    expect(calendar.isWorkingDay('2027-03-11')).toBe(false);
    expect(() => cal.importCsv('Tanggal;Keterangan\n')).toThrow(/tidak berisi satu hari pun/);
  });

  it('an entered decree replaces the fallback for that year', () => {
    const cal = calendarQueries(freshDb());
    cal.seed(NOW);
    cal.importIcs(ics(allDay('20270101', 'Tahun Baru 2027 Masehi'), allDay('20270208', 'Cuti bersama Tahun Baru Imlek')));
    expect(cal.yearsMissingDecree([2026, 2027])).toEqual([]);
    const calendar = cal.buildCalendar();
    expect(calendar.isWorkingDay('2027-01-05')).toBe(true); // date-holidays' day is no longer used
    expect(calendar.nonWorkingDayOn('2027-02-08')).toMatchObject({ kind: 'cuti_bersama' });
  });

  it('adds, edits and deletes days with validation', () => {
    const cal = calendarQueries(freshDb());
    cal.addDay({ date: '2026-09-09', kind: 'local', name: 'Hari Jadi Kota Singaraja' });
    expect(() => cal.addDay({ date: '2026-09-09', kind: 'local', name: 'lagi' })).toThrow(/sudah ada/);
    expect(() => cal.addDay({ date: '2026-02-30', kind: 'national', name: 'x' })).toThrow(/tidak valid/);
    expect(() => cal.addDay({ date: '2026-09-10', kind: 'local', name: '  ' })).toThrow(/tidak valid/);
    expect(cal.updateDay('2026-09-09', { name: 'HUT Kota Singaraja' })).toMatchObject({ kind: 'local', name: 'HUT Kota Singaraja' });
    expect(() => cal.updateDay('2026-09-11', { name: 'x' })).toThrow(/tidak ditemukan/);
    expect(cal.buildCalendar().isWorkingDay('2026-09-09')).toBe(false);
    cal.deleteDay('2026-09-09');
    expect(cal.buildCalendar().isWorkingDay('2026-09-09')).toBe(true);
    expect(() => cal.deleteDay('2026-09-09')).toThrow(/tidak ditemukan/);
  });

  it('stores validated hours in settings and builds the calendar from them', () => {
    const db = freshDb();
    const cal = calendarQueries(db);
    const friday = [{ from: 480, to: 690 }]; // Friday 08:00–11:30
    const week = [[], [{ from: 480, to: 930 }], [{ from: 480, to: 930 }], [{ from: 480, to: 930 }], [{ from: 480, to: 930 }], friday, []];
    cal.saveHours(week, NOW);
    expect(JSON.parse((db.prepare('SELECT value FROM settings WHERE key = ?').get(SERVICE_HOURS_KEY) as { value: string }).value)).toEqual(week);
    expect(() => cal.saveHours([[{ from: 900, to: 800 }], [], [], [], [], [], []], NOW)).toThrow();
    const calendar = cal.buildCalendar();
    expect(calendar.isOpen(wita('2026-12-04 12:00'))).toBe(false);
    expect(calendar.currentPeriodEnd(wita('2026-12-04 10:00'))).toBe(wita('2026-12-04 11:30'));
  });
});

describe('.ics import', () => {
  it('reads all-day events, multi-day events by exclusive DTEND, and the kind from the summary', () => {
    const parsed = parseIcs(
      ics(
        allDay('20270310', 'Idul Fitri 1448 H', '20270312'),
        allDay('20270312', 'Cuti Bersama Idul Fitri 1448 H'),
        ['BEGIN:VEVENT', 'UID:t@test', 'DTSTART:20270401T090000Z', 'SUMMARY:Rapat', 'END:VEVENT'].join('\r\n'),
        ['BEGIN:VEVENT', 'UID:r@test', 'DTSTART;VALUE=DATE:20270101', 'RRULE:FREQ=YEARLY', 'SUMMARY:Tahun Baru', 'END:VEVENT'].join('\r\n'),
        allDay('20270311', 'Idul Fitri (ganda)'),
      ),
    );
    expect(parsed.days).toEqual([
      { date: '2027-03-10', kind: 'national', name: 'Idul Fitri 1448 H' },
      { date: '2027-03-11', kind: 'national', name: 'Idul Fitri 1448 H' },
      { date: '2027-03-12', kind: 'cuti_bersama', name: 'Cuti Bersama Idul Fitri 1448 H' },
    ]);
    expect(parsed.skipped.map((s) => s.summary)).toEqual(['Rapat', 'Tahun Baru', 'Idul Fitri (ganda)']);
    expect(wordCoreMessage('id', parsed.skipped[0]!.reason)).toMatch(/sehari penuh/);
    expect(wordCoreMessage('id', parsed.skipped[1]!.reason)).toMatch(/RRULE/);
    expect(wordCoreMessage('en', parsed.skipped[2]!.reason)).toMatch(/2027-03-11/);
  });

  it('bad input gives a clear error and writes nothing', () => {
    const db = freshDb();
    const cal = calendarQueries(db);
    expect(() => cal.importIcs('ini bukan kalender')).toThrow(/tidak dapat dibaca|bukan kalender/);
    expect(() => cal.importIcs('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEND:VCARD\r\n')).toThrow(/VCALENDAR/);
    expect(() => cal.importIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2027\r\n')).toThrow(/tidak dapat dibaca/);
    expect(cal.listStored()).toEqual([]);
  });
});
