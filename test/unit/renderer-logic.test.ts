import { expect, it } from 'vitest';
import { snippetParts } from '../../src-renderer/format/highlight';
import { dueInfo, formatDateTime, formatShort, slaInfo } from '../../src-renderer/format/time';
import { translate, type Translate } from '../../src-renderer/i18n';
import { en } from '../../src-renderer/i18n/en';
import { id } from '../../src-renderer/i18n/id';

// The renderer's pure pieces, in Node (no browser needed); the screens are covered by the e2e specs.
const tId: Translate = (key, values) => translate('id', key, values);
const HOUR = 3_600_000;

it('search snippets split into text and <mark> parts without touching HTML', () => {
  expect(snippetParts('data \u0002penduduk\u0003 dan \u0002miskin\u0003.')).toEqual([
    { text: 'data ', hit: false },
    { text: 'penduduk', hit: true },
    { text: ' dan ', hit: false },
    { text: 'miskin', hit: true },
    { text: '.', hit: false },
  ]);
  // Markup in a message stays text.
  expect(snippetParts('<b>\u0002x\u0003</b>')).toEqual([
    { text: '<b>', hit: false },
    { text: 'x', hit: true },
    { text: '</b>', hit: false },
  ]);
  expect(snippetParts('')).toEqual([]);
});

it('SLA due: amber under 24 h, red when overdue, grey without a clock', () => {
  const now = Date.UTC(2026, 10, 30, 2, 0); // Monday 10:00 WITA
  expect(dueInfo(null, now, tId)).toEqual({ level: 'none', text: 'Tenggat belum berjalan' });
  expect(dueInfo(now + 2 * 24 * HOUR + 3 * HOUR, now, tId)).toEqual({ level: 'ok', text: 'Sisa 2 hari 3 jam' });
  expect(dueInfo(now + 24 * HOUR, now, tId).level).toBe('ok');
  expect(dueInfo(now + 24 * HOUR - 60_000, now, tId)).toEqual({ level: 'soon', text: 'Sisa 23 jam 59 menit' });
  expect(dueInfo(now + 30_000, now, tId)).toEqual({ level: 'soon', text: 'Sisa 1 menit' });
  expect(dueInfo(now, now, tId)).toEqual({ level: 'overdue', text: 'Terlambat 1 menit' });
  expect(dueInfo(now - 3 * HOUR, now, tId)).toEqual({ level: 'overdue', text: 'Terlambat 3 jam' });
});

it("SLA in rows: the core's service time and state win over the raw due instant", () => {
  const now = Date.UTC(2026, 10, 30, 2, 0);
  const row = { status: 'in_progress' as const, slaDueAt: now + 3 * 24 * HOUR };
  // Service time: 3 h 15 min of working time left, even though the instant is three calendar days away.
  expect(slaInfo({ ...row, slaState: 'running', workingMsLeft: 3.25 * HOUR }, now, tId)).toEqual({ level: 'ok', text: 'Sisa 3 jam 15 menit kerja' });
  expect(slaInfo({ ...row, slaState: 'due_soon', workingMsLeft: 2 * HOUR }, now, tId)).toEqual({ level: 'soon', text: 'Sisa 2 jam kerja' });
  expect(slaInfo({ ...row, slaState: 'overdue', workingMsLeft: -1.5 * HOUR }, now, tId)).toEqual({ level: 'overdue', text: 'Terlambat 1 jam 30 menit kerja' });
  // Against the standard, in its working days of 7.5 hours: 89 working hours late is 11 days 6.5 hours.
  expect(slaInfo({ ...row, slaState: 'overdue', workingMsLeft: -89 * HOUR }, now, tId)).toEqual({ level: 'overdue', text: 'Terlambat 11 hari 6 jam kerja' });
  expect(slaInfo({ ...row, slaState: 'running', workingMsLeft: 22.5 * HOUR }, now, tId)).toEqual({ level: 'ok', text: 'Sisa 3 hari kerja' });
  expect(slaInfo({ ...row, slaState: 'running', workingMsLeft: 10 * HOUR }, now, tId)).toEqual({ level: 'ok', text: 'Sisa 1 hari 2 jam kerja' });
  // A reply outside service hours takes no service time: not rounded up to a minute.
  expect(slaInfo({ ...row, slaState: 'due_soon', workingMsLeft: 20_000 }, now, tId)).toEqual({ level: 'soon', text: 'Sisa kurang dari 1 menit kerja' });
  expect(slaInfo({ ...row, status: 'waiting_requester', slaState: 'paused', workingMsLeft: HOUR }, now, tId)).toEqual({ level: 'none', text: 'Dijeda' });
  expect(slaInfo({ ...row, slaState: 'none', workingMsLeft: null }, now, tId)).toEqual({ level: 'none', text: 'Tenggat belum berjalan' });
  // Closed: nothing left to count down, whatever the clock said at closure.
  for (const status of ['resolved', 'rated'] as const)
    expect(slaInfo({ ...row, status, slaState: 'overdue', workingMsLeft: -HOUR }, now, tId)).toEqual({ level: 'none', text: '' });
  // With the language, a running clock also says when it falls due (Monday 30 Nov 10.00 WITA + 3 days: Thursday 3 December 10.00).
  expect(slaInfo({ ...row, slaState: 'running', workingMsLeft: 10 * HOUR }, now, tId, 'id')).toEqual({
    level: 'ok',
    text: 'Sisa 1 hari 2 jam kerja · Kam 3 Des 10.00',
  });
  expect(slaInfo({ ...row, slaState: 'overdue', workingMsLeft: -HOUR }, now, tId, 'id')).toEqual({ level: 'overdue', text: 'Terlambat 1 jam kerja' });
  // Without the core's figure, the raw instant still answers.
  expect(slaInfo({ ...row, slaState: 'running', workingMsLeft: null }, now, tId)).toEqual({ level: 'ok', text: 'Sisa 3 hari' });
});

it('times are shown in WITA whatever the machine zone', () => {
  const at = Date.UTC(2026, 10, 27, 23, 30); // 28 Nov 07:30 WITA
  expect(formatDateTime(at, 'id')).toBe('28 Nov 2026, 07.30 WITA');
  expect(formatDateTime(at, 'en')).toBe('28 Nov 2026, 07:30 WITA');
  // "Today" is the WITA day: 23:30 UTC on the 27th is already the 28th in Bali.
  expect(formatShort(at, 'id', Date.UTC(2026, 10, 28, 1, 0))).toBe('07.30 WITA');
  expect(formatShort(at, 'id', Date.UTC(2026, 11, 5, 1, 0))).toBe('28 Nov, 07.30 WITA');
});

it('English has exactly the Indonesian keys and placeholders, none empty', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe('');
  // Placeholders match, so no value goes missing in one language.
  const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(id) as (keyof typeof id)[]) expect(slots(en[key]), key).toEqual(slots(id[key]));
});
