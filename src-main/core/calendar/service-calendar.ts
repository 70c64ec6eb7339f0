import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import { DEFAULT_SERVICE_HOURS, parseServiceHours, standardDayMinutes, type ServiceHours } from './hours';
import { isIsoDate } from './iso-date';
import type { NonWorkingDay } from './non-working-days';

export const SERVICE_TIME_ZONE = 'Asia/Makassar';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A search for an opening gives up after this many consecutive closed days (about ten years). */
const MAX_CLOSED_DAYS = 3_700;

export interface ServiceCalendarOptions {
  /** Validated hours (parseServiceHours); default Monday–Friday 08:00–15:30. */
  hours?: ServiceHours;
  /** Non-working days entered for the calendar (decree lists, local closures). */
  nonWorkingDays?: Iterable<NonWorkingDay>;
  /**
   * Days for a year whose decree list has not been entered, asked lazily once per year the
   * arithmetic touches; days given in `nonWorkingDays` win on the same date.
   */
  fallbackForYear?: (year: number) => readonly NonWorkingDay[];
  /** Years whose list in `nonWorkingDays` is complete: no fallback for them. */
  yearsWithDecree?: Iterable<number>;
  /**
   * Years whose days are the decree's; a due date reckoned across any other year is an estimate
   * (isEstimate). Without this option every year counts as confirmed.
   */
  confirmedYears?: Iterable<number>;
  timeZone?: string;
}

export interface PausedSpan {
  from: number;
  to: number;
}

/** One local calendar day with its open intervals as instants, built once and cached. */
interface CalendarDay {
  readonly dayNumber: number; // days since 1970-01-01 of the local date
  readonly date: string;
  readonly start: number; // local midnight
  readonly end: number; // next local midnight
  readonly open: readonly number[]; // flat [from, to, from, to, …], half-open, sorted
  readonly openMs: number;
  readonly nonWorking: NonWorkingDay | undefined;
}

/**
 * Working-time arithmetic of the service (DESIGN §1). All instants are ms since the epoch; open
 * time is the half-open service hours of each local day that is not a non-working day. Immutable:
 * rebuild it when hours or days change. Days are built lazily (TZDate, once each) and cached, so
 * the hot paths are a few map lookups and additions per calendar day crossed.
 */
export class ServiceCalendar {
  readonly hours: ServiceHours;
  readonly timeZone: string;
  /** Open time of one working day of an SLA target, in ms. */
  readonly standardDayMs: number;
  private readonly days = new Map<string, NonWorkingDay>();
  private readonly fallbackForYear: ((year: number) => readonly NonWorkingDay[]) | undefined;
  private readonly resolvedYears = new Set<number>();
  private readonly confirmedYears: ReadonlySet<number> | undefined;
  private readonly cache = new Map<number, CalendarDay>();
  private readonly offsets = new Map<number, number>();
  /** Running totals of open time per day (see openBefore): prefix[i] = open ms of days prefixBase … prefixBase+i-1. */
  private prefixBase: number | undefined;
  private prefix: number[] = [0];
  /** The zone's offset as last seen: maps an instant to its local day in one guess, checked after. */
  private offsetGuess: number | undefined;

  constructor(options: ServiceCalendarOptions = {}) {
    this.hours = parseServiceHours(options.hours ?? DEFAULT_SERVICE_HOURS);
    this.timeZone = options.timeZone ?? SERVICE_TIME_ZONE;
    this.standardDayMs = standardDayMinutes(this.hours) * MINUTE;
    for (const day of options.nonWorkingDays ?? []) this.days.set(day.date, day);
    this.fallbackForYear = options.fallbackForYear;
    for (const year of options.yearsWithDecree ?? []) this.resolvedYears.add(year);
    this.confirmedYears = options.confirmedYears ? new Set(options.confirmedYears) : undefined;
  }

  /** True when the span between two instants touches a year without its decree list: a due date in it is "perkiraan". */
  isEstimate(a: number, b: number): boolean {
    if (!this.confirmedYears) return false;
    const [first, last] = [this.dateOf(Math.min(a, b)), this.dateOf(Math.max(a, b))].map((d) => Number(d.slice(0, 4)));
    for (let year = first!; year <= last!; year++) if (!this.confirmedYears.has(year)) return true;
    return false;
  }

  isOpen(at: number): boolean {
    const open = this.dayAt(at).open;
    for (let i = 0; i < open.length; i += 2) if (at >= open[i]! && at < open[i + 1]!) return true;
    return false;
  }

  /** The first open instant at or after `at` (the SLA clock's start for an event at `at`). */
  nextOpening(at: number): number {
    let day = this.dayAt(at);
    for (let closed = 0; closed <= MAX_CLOSED_DAYS; closed++) {
      const open = day.open;
      for (let i = 0; i < open.length; i += 2) if (at < open[i + 1]!) return Math.max(at, open[i]!);
      day = this.day(day.dayNumber + 1);
    }
    throw new Error(`Tidak ada jam layanan dalam ${MAX_CLOSED_DAYS} hari setelah ${new Date(at).toISOString()}`);
  }

  /** The closing instant of the open period containing `at`, or null when closed at `at`. */
  currentPeriodEnd(at: number): number | null {
    let day = this.dayAt(at);
    let end: number | null = null;
    for (let i = 0; i < day.open.length; i += 2) if (at >= day.open[i]! && at < day.open[i + 1]!) end = day.open[i + 1]!;
    // Hours open until 24:00 followed by hours from 00:00 are one period.
    while (end !== null && end === day.end) {
      day = this.day(day.dayNumber + 1);
      if (day.open[0] !== end) break;
      end = day.open[1]!;
    }
    return end;
  }

  /**
   * The instant at which `ms` of open time has passed, counting from the first opening at or after
   * `start`. An addition that uses a period up exactly ends at its closing (15:30), not at the next
   * opening; adding 0 gives the next opening.
   */
  addWorkingTime(start: number, ms: number): number {
    if (!Number.isFinite(start) || !Number.isFinite(ms) || ms < 0) throw new RangeError(`addWorkingTime(${start}, ${ms})`);
    if (ms === 0) return this.nextOpening(start);
    let remaining = ms;
    let day = this.dayAt(start);
    let from = start;
    for (let closed = 0; closed <= MAX_CLOSED_DAYS;) {
      const open = day.open;
      if (from <= day.start && day.openMs < remaining) {
        remaining -= day.openMs; // a whole day crossed: no need to look at its intervals
      } else {
        for (let i = 0; i < open.length; i += 2) {
          const to = open[i + 1]!;
          if (from >= to) continue;
          const begin = Math.max(open[i]!, from);
          if (remaining <= to - begin) return begin + remaining;
          remaining -= to - begin;
        }
      }
      closed = day.openMs > 0 ? 0 : closed + 1;
      day = this.day(day.dayNumber + 1);
      from = day.start;
    }
    throw new Error(`Tidak ada jam layanan dalam ${MAX_CLOSED_DAYS} hari setelah ${new Date(start).toISOString()}`);
  }

  /** Open time in [a, b), in ms; 0 when b ≤ a. */
  workingTimeBetween(a: number, b: number): number {
    if (!(b > a)) return 0;
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError(`workingTimeBetween(${a}, ${b})`);
    const first = this.dayAt(a);
    const last = this.dayAt(b);
    if (first.dayNumber === last.dayNumber) return overlap(first.open, a, b);
    // The whole days in between come from running totals, so months-long spans (an overdue
    // consultation in the inbox) cost the same as one day.
    // The earlier day first: it may re-anchor the totals; the later one only extends them.
    const before = this.openBefore(first.dayNumber + 1);
    const between = this.openBefore(last.dayNumber) - before;
    return overlap(first.open, a, b) + between + overlap(last.open, a, b);
  }

  /** Open time of all days from an anchor day up to (not including) `dayNumber`; a difference of two is exact. */
  private openBefore(dayNumber: number): number {
    if (this.prefixBase === undefined) this.prefixBase = dayNumber;
    if (dayNumber < this.prefixBase) {
      // Extend the running totals backwards: re-anchor at dayNumber.
      const earlier = [0];
      for (let d = dayNumber; d < this.prefixBase; d++) earlier.push(earlier[earlier.length - 1]! + this.day(d).openMs);
      const shift = earlier[earlier.length - 1]!;
      this.prefix = [...earlier.slice(0, -1), ...this.prefix.map((v) => v + shift)];
      this.prefixBase = dayNumber;
    }
    while (this.prefixBase + this.prefix.length - 1 < dayNumber) {
      const d = this.prefixBase + this.prefix.length - 1;
      this.prefix.push(this.prefix[this.prefix.length - 1]! + this.day(d).openMs);
    }
    return this.prefix[dayNumber - this.prefixBase]!;
  }

  /** The open time of an SLA target of `workingDays` working days (N × a standard Monday). */
  workingDaysTarget(workingDays: number): number {
    return workingDays * this.standardDayMs;
  }

  /**
   * Due instant of a target of `workingDays` counted from `start` (the moment the request became
   * clear and complete): the earliest instant at which the open time since the clock started,
   * minus the open time inside `pausedSpans` (waiting for the requester), reaches the target.
   * Spans may overlap or lie before `start`; a pause still running is passed with `to` = now.
   */
  dueAt(start: number, workingDays: number, pausedSpans: readonly PausedSpan[] = []): number {
    let remaining = this.workingDaysTarget(workingDays);
    let from = start;
    const spans = pausedSpans.filter((s) => s.to > s.from).sort((x, y) => x.from - y.from);
    for (const span of spans) {
      if (span.to <= from) continue;
      if (span.from > from) {
        const due = this.addWorkingTime(from, remaining);
        if (due <= span.from) return due;
        remaining -= this.workingTimeBetween(from, span.from);
      }
      from = span.to;
    }
    return this.addWorkingTime(from, remaining);
  }

  /** A local date with service hours that is not a non-working day. */
  isWorkingDay(date: string | number): boolean {
    return this.dayOf(date).openMs > 0;
  }

  /** The holiday or leave day on a local date (or the date of an instant), if any. */
  nonWorkingDayOn(date: string | number): NonWorkingDay | undefined {
    return this.dayOf(date).nonWorking;
  }

  /** The local date 'YYYY-MM-DD' of an instant. */
  dateOf(at: number): string {
    return this.dayAt(at).date;
  }

  /**
   * An identifier of the closed period containing `at` (null while open), the same for every
   * instant of one evening, weekend or holiday block: an out-of-hours auto-reply is sent once per key.
   */
  closedPeriodKey(at: number): string | null {
    if (this.isOpen(at)) return null;
    return `tutup-hingga-${format(new TZDate(this.nextOpening(at), this.timeZone), "yyyy-MM-dd'T'HH:mm")}`;
  }

  private dayOf(date: string | number): CalendarDay {
    if (typeof date === 'number') return this.dayAt(date);
    if (!isIsoDate(date)) throw new RangeError(`Tanggal tidak valid: ${date}`);
    return this.day(Date.parse(`${date}T00:00:00Z`) / DAY);
  }

  private dayAt(at: number): CalendarDay {
    let dayNumber = Math.floor((at + (this.offsetGuess ?? 0)) / DAY);
    let day = this.day(dayNumber);
    while (at < day.start) day = this.day(--dayNumber);
    while (at >= day.end) day = this.day(++dayNumber);
    return day;
  }

  private day(dayNumber: number): CalendarDay {
    const cached = this.cache.get(dayNumber);
    if (cached) return cached;
    const built = this.buildDay(dayNumber);
    this.cache.set(dayNumber, built);
    return built;
  }

  private buildDay(dayNumber: number): CalendarDay {
    const utc = new Date(dayNumber * DAY);
    const [year, month, date] = [utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()];
    this.resolveYear(year);
    const iso = utc.toISOString().slice(0, 10);
    const { start, end } = this.dayBounds(dayNumber, year, month, date);
    const nonWorking = this.days.get(iso);
    const intervals = nonWorking ? [] : (this.hours[utc.getUTCDay()] ?? []);
    // Without a clock change inside the day, minute m of the day is start + m minutes; otherwise
    // ask the zone (kept for other zones: Asia/Makassar has no DST).
    const at = (minutes: number) =>
      end - start === DAY ? start + minutes * MINUTE : new TZDate(year, month, date, Math.floor(minutes / 60), minutes % 60, this.timeZone).getTime();
    const open = intervals.flatMap((i) => [at(i.from), at(i.to)]);
    let openMs = 0;
    for (let i = 0; i < open.length; i += 2) openMs += open[i + 1]! - open[i]!;
    this.offsetGuess ??= dayNumber * DAY - start;
    return { dayNumber, date: iso, start, end, open, openMs, nonWorking };
  }

  /**
   * Local midnight and the next one. The zone's offset (tzOffset, a few µs) serves when it holds for
   * the whole day; around a clock change TZDate (slower) does the exact conversion.
   */
  private dayBounds(dayNumber: number, year: number, month: number, date: number): { start: number; end: number } {
    const wall = dayNumber * DAY;
    const offset = this.offsetAt(wall - (this.offsetGuess ?? 0));
    const start = wall - offset;
    const end = start + DAY;
    if (this.offsetAt(start) === offset && this.offsetAt(end) === offset) return { start, end };
    return { start: new TZDate(year, month, date, this.timeZone).getTime(), end: new TZDate(year, month, date + 1, this.timeZone).getTime() };
  }

  /** The zone's offset in ms at an instant; memoized because a day's end is the next day's start. */
  private offsetAt(at: number): number {
    let offset = this.offsets.get(at);
    if (offset === undefined) this.offsets.set(at, (offset = tzOffset(this.timeZone, new Date(at)) * MINUTE));
    return offset;
  }

  private resolveYear(year: number): void {
    if (this.resolvedYears.has(year)) return;
    this.resolvedYears.add(year);
    for (const day of this.fallbackForYear?.(year) ?? []) if (!this.days.has(day.date)) this.days.set(day.date, day);
  }
}

/** Open time of the intervals [open[0], open[1]), [open[2], open[3]) … inside [a, b). */
function overlap(open: readonly number[], a: number, b: number): number {
  let total = 0;
  for (let i = 0; i < open.length; i += 2) {
    const ms = Math.min(open[i + 1]!, b) - Math.max(open[i]!, a);
    if (ms > 0) total += ms;
  }
  return total;
}
