import type { ConversationStatus, ConversationSummary, Language } from '../../src-preload/contract';
import type { Translate } from '../i18n';
import { localeOf } from '../i18n';
import { STANDARD_WORKING_DAY_MS, workingParts } from '../../src-common/working-time';

/** The office's zone (UTC+8, no DST): every time the console shows is WITA. */
const OFFICE_TIME_ZONE = 'Asia/Makassar';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone: OFFICE_TIME_ZONE });
    formatters.set(key, f);
  }
  return f;
}

/** "28 Nov 2026, 20.44 WITA" */
export const formatDateTime = (ms: number, language: Language): string =>
  `${formatter(language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms)} WITA`;

/** Today: "20.44 WITA"; otherwise "28 Nov, 20.44 WITA" (year only when not this year). */
export function formatShort(ms: number, language: Language, now: number = Date.now()): string {
  const day = formatter(language, { year: 'numeric', month: '2-digit', day: '2-digit' });
  if (day.format(ms) === day.format(now)) return `${formatter(language, { hour: '2-digit', minute: '2-digit' }).format(ms)} WITA`;
  const sameYear = formatter(language, { year: 'numeric' }).format(ms) === formatter(language, { year: 'numeric' }).format(now);
  const options: Intl.DateTimeFormatOptions = sameYear
    ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' };
  return `${formatter(language, options).format(ms)} WITA`;
}

/** "Rab 9 Des 15.30": when a deadline falls, short enough for a list row (no zone: every time shown is WITA). */
export function formatDueShort(ms: number, language: Language): string {
  const parts = formatter(language, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const clock = `${part('hour')}${language === 'id' ? '.' : ':'}${part('minute')}`;
  return `${part('weekday')} ${part('day')} ${part('month')} ${clock}`;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Amber from here on. The real rule is "within 1 working day"; 24 h approximates it for now. */
const DUE_SOON_MS = DAY;

export type DueLevel = 'none' | 'ok' | 'soon' | 'overdue';

export interface DueInfo {
  level: DueLevel;
  text: string;
}

/** "2 hari 3 jam", "5 jam", "45 menit": the two largest units, rounded down. */
function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${t('time.days', { n: days })} ${t('time.hours', { n: hours })}` : t('time.days', { n: days });
  if (hours > 0) return mins > 0 ? `${t('time.hours', { n: hours })} ${t('time.minutes', { n: mins })}` : t('time.hours', { n: hours });
  return t('time.minutes', { n: Math.max(mins, 1) });
}

/** The SLA due time as time left (or overdue), with its warning level. */
export function dueInfo(dueAt: number | null, now: number, t: Translate): DueInfo {
  if (dueAt === null) return { level: 'none', text: t('inbox.noSla') };
  const left = dueAt - now;
  if (left <= 0) return { level: 'overdue', text: t('inbox.overdueBy', { time: formatDuration(left, t) }) };
  return { level: left < DUE_SOON_MS ? 'soon' : 'ok', text: t('inbox.dueIn', { time: formatDuration(left, t) }) };
}

/** "2 hari 3 jam", "3 jam 15 menit" of working time: the two largest units, in working days of `dayMs` (src-common/working-time). */
export function formatWorkingDuration(ms: number, t: Translate, dayMs: number = STANDARD_WORKING_DAY_MS): string {
  const { days, hours, minutes: mins } = workingParts(ms, dayMs);
  // A reply outside service hours took no service time at all: say so rather than "1 menit".
  if (days === 0 && hours === 0 && mins === 0) return t('time.underMinute');
  if (days > 0) return hours > 0 ? `${t('time.days', { n: days })} ${t('time.hours', { n: hours })}` : t('time.days', { n: days });
  if (hours === 0) return t('time.minutes', { n: mins });
  return mins > 0 ? `${t('time.hours', { n: hours })} ${t('time.minutes', { n: mins })}` : t('time.hours', { n: hours });
}

const CLOSED: readonly ConversationStatus[] = ['resolved', 'rated'];

/**
 * The SLA as the core reckons it (service time, paused while waiting for the requester): a closed
 * consultation has no time left to show, a paused one says so; only without the core's state does
 * it fall back to the raw due instant.
 */
export function slaInfo(
  item: Pick<ConversationSummary, 'status' | 'slaDueAt' | 'slaState' | 'workingMsLeft'> & { slaEstimated?: boolean; workingDayMs?: number },
  now: number,
  t: Translate,
  /** Given, a running clock also says when it falls due: "Sisa 2 hari 4 jam kerja · Rab 9 Des 15.30". */
  language?: Language,
): DueInfo {
  if (CLOSED.includes(item.status)) return { level: 'none', text: '' };
  if (item.slaState === 'paused') return { level: 'none', text: t('inbox.slaPaused') };
  if (item.slaState === 'none') return { level: 'none', text: t('inbox.noSla') };
  if (item.workingMsLeft === null) return dueInfo(item.slaDueAt, now, t);
  const left = item.workingMsLeft;
  // Reckoned across a year whose holiday decree is not in yet: the officer should not promise it to the day.
  const estimate = item.slaEstimated ? ` (${t('inbox.estimated')})` : '';
  if (item.slaState === 'overdue')
    return { level: 'overdue', text: t('inbox.overdueByWorking', { time: formatWorkingDuration(left, t, item.workingDayMs) }) + estimate };
  const when = language && item.slaDueAt !== null ? ` · ${formatDueShort(item.slaDueAt, language)}` : '';
  return {
    level: item.slaState === 'due_soon' ? 'soon' : 'ok',
    text: `${t('inbox.dueInWorking', { time: formatWorkingDuration(left, t, item.workingDayMs) })}${estimate}${when}`,
  };
}
