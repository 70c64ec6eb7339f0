import { TZDate } from '@date-fns/tz';
import { invalidInput, notFound } from '../errors';
import type { Db } from '../store/db';
import { settingsQueries } from '../store/queries/settings';
import { DEFAULT_SERVICE_HOURS, parseServiceHours, type ServiceHours } from './hours';
import { parseIcs, type IcsDays } from './ics';
import { parseCsvDays, type CsvDays } from './csv';
import {
  ESTIMATE_SOURCE,
  FIXED_SOURCE,
  SHIPPED_SOURCE,
  estimatedMovingDays,
  fallbackNonWorkingDays,
  fixedNationalDays,
  nonWorkingDaySchema,
  shippedDecreeDays,
  type NonWorkingDay,
  type NonWorkingKind,
} from './non-working-days';
import { SERVICE_TIME_ZONE, ServiceCalendar } from './service-calendar';

export const SERVICE_HOURS_KEY = 'serviceHours';
/** Sources already seeded: a seed runs once, so a day the admin deleted stays deleted. */
const SEEDED_SOURCES_KEY = 'calendarSeededSources';
/** Years the admin declared complete after typing their decree list day by day. */
const CONFIRMED_YEARS_KEY = 'calendarConfirmedYears';
/** Sources that are not a decree list: typed days, and a year's pre-filled days. */
const NOT_DECREE_SOURCES = ['manual', FIXED_SOURCE, ESTIMATE_SOURCE] as const;
/** From this month (October, when the coming year's decree is usually signed) the coming year is asked for. */
const ASK_NEXT_YEAR_FROM_MONTH = 10;
const prefillKey = (year: number) => `prefill-${year}`;

export interface StoredNonWorkingDay extends NonWorkingDay {
  /** 'skb-2026', 'ics', 'csv', 'manual', 'tetap' (a fixed-date holiday) or 'perkiraan' (an estimate). */
  source: string;
  /** False for a day of a year that was never pre-filled: computed, nothing to edit or delete. */
  stored: boolean;
  tentative: boolean;
}

export interface CalendarDaysOfYear {
  year: number;
  /** True once the year's decree list is in: imported, shipped, or typed and declared complete. */
  hasDecree: boolean;
  days: StoredNonWorkingDay[];
}

interface DayRow extends NonWorkingDay {
  source: string;
}

const view = (row: DayRow, stored: boolean): StoredNonWorkingDay => ({
  date: row.date,
  kind: row.kind,
  name: row.name,
  source: row.source,
  stored,
  tentative: row.source === ESTIMATE_SOURCE,
});

/**
 * The calendar in the database: non-working days (table non_working_days) and service hours
 * (settings 'serviceHours'). A year "has a decree" once its list is imported (.ics, CSV, the
 * shipped one) or typed and declared complete. Before that the year is pre-filled once with its
 * fixed-date holidays and the estimated moving ones (source 'perkiraan', "perlu dicek"), stored
 * like any other day: adding, editing or deleting one day never makes the others vanish.
 */
export const calendarQueries = (db: Db) => {
  const settings = settingsQueries(db);
  const selectYear = db.prepare('SELECT date, kind, name, source FROM non_working_days WHERE date >= ? AND date < ? ORDER BY date');
  const selectAll = db.prepare('SELECT date, kind, name, source FROM non_working_days ORDER BY date');
  const selectOne = db.prepare('SELECT date, kind, name, source FROM non_working_days WHERE date = ?');
  const insertIgnore = db.prepare('INSERT OR IGNORE INTO non_working_days (date, kind, name, source) VALUES (@date, @kind, @name, @source)');
  const upsert = db.prepare(
    'INSERT INTO non_working_days (date, kind, name, source) VALUES (@date, @kind, @name, @source) ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, name = excluded.name, source = excluded.source',
  );
  const decreeYears = db.prepare(
    `SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) AS year FROM non_working_days
     WHERE kind IN ('national', 'cuti_bersama') AND source NOT IN (${NOT_DECREE_SOURCES.map(() => '?').join(', ')})`,
  );
  const deleteEstimatesOfYear = db.prepare('DELETE FROM non_working_days WHERE source = ? AND date >= ? AND date < ?');

  const validDay = (day: unknown): NonWorkingDay => {
    const parsed = nonWorkingDaySchema.safeParse(day);
    if (!parsed.success)
      throw invalidInput(
        { code: 'calendar.day_invalid' },
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    return parsed.data;
  };
  const yearsWithDecree = (): Set<number> =>
    new Set([...(decreeYears.all(...NOT_DECREE_SOURCES) as { year: number }[]).map((r) => r.year), ...settings.get<number[]>(CONFIRMED_YEARS_KEY, [])]);
  const prefilledYears = (): Set<number> =>
    new Set(
      settings
        .get<string[]>(SEEDED_SOURCES_KEY, [])
        .filter((s) => s.startsWith('prefill-'))
        .map((s) => Number(s.slice('prefill-'.length))),
    );
  const yearRange = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`] as const;

  const queries = {
    /**
     * Seeds the calendar (DESIGN §1): the shipped 2026 decree is stored once (source 'skb-2026');
     * the current and the coming year, while without a decree, are pre-filled once with their
     * fixed-date holidays and estimated moving ones. Each seed runs once, so a day the admin
     * deleted stays deleted. Returns the years to ask the admin for (yearsMissingDecree).
     */
    seed(now: number): { inserted: number; prefilled: number; yearsMissingDecree: number[] } {
      const year = new TZDate(now, SERVICE_TIME_ZONE).getFullYear();
      const { inserted, prefilled } = db.transaction(() => {
        const seeded = settings.get<string[]>(SEEDED_SOURCES_KEY, []);
        const done = [...seeded];
        let shipped = 0;
        if (!seeded.includes(SHIPPED_SOURCE)) {
          for (const day of shippedDecreeDays().days) shipped += insertIgnore.run({ ...day, source: SHIPPED_SOURCE }).changes;
          done.push(SHIPPED_SOURCE);
        }
        const decreed = yearsWithDecree();
        let filled = 0;
        for (const y of [year, year + 1]) {
          if (decreed.has(y) || done.includes(prefillKey(y))) continue;
          for (const day of fixedNationalDays(y)) filled += insertIgnore.run({ ...day, source: FIXED_SOURCE }).changes;
          for (const day of estimatedMovingDays(y))
            filled += insertIgnore.run({ date: day.date, kind: day.kind, name: day.name, source: ESTIMATE_SOURCE }).changes;
          done.push(prefillKey(y));
        }
        if (done.length !== seeded.length) settings.set(SEEDED_SOURCES_KEY, done, now);
        return { inserted: shipped, prefilled: filled };
      })();
      return { inserted, prefilled, yearsMissingDecree: queries.yearsToAskFor(now) };
    },

    /**
     * The years whose decree list the admin is asked for: the current one while missing, and the
     * coming one from October (its decree is usually signed in September–October).
     */
    yearsToAskFor(now: number): number[] {
      const local = new TZDate(now, SERVICE_TIME_ZONE);
      const year = local.getFullYear();
      return queries.yearsMissingDecree(local.getMonth() + 1 >= ASK_NEXT_YEAR_FROM_MONTH ? [year, year + 1] : [year]);
    },

    /** The stored days, optionally of one year. */
    listStored(year?: number): StoredNonWorkingDay[] {
      return ((year === undefined ? selectAll.all() : selectYear.all(...yearRange(year))) as DayRow[]).map((row) => view(row, true));
    },

    /**
     * The days the calendar uses for a year: the stored ones; for a year neither decreed nor
     * pre-filled (further ahead), the computed fallback under them.
     */
    daysOfYear(year: number): CalendarDaysOfYear {
      const stored = queries.listStored(year);
      const hasDecree = yearsWithDecree().has(year);
      if (hasDecree || prefilledYears().has(year)) return { year, hasDecree, days: stored };
      const byDate = new Map<string, StoredNonWorkingDay>(
        fallbackNonWorkingDays(year).map((d) => [d.date, view({ ...d, source: d.tentative ? ESTIMATE_SOURCE : FIXED_SOURCE }, false)]),
      );
      for (const day of stored) byDate.set(day.date, day);
      return { year, hasDecree, days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) };
    },

    /**
     * Declares a typed list complete: refused while an estimate of the year is still unchecked
     * (edit or confirm it, or delete it), so no estimated day passes as decreed.
     */
    confirmYear(year: number, now: number): void {
      const unchecked = queries.listStored(year).filter((d) => d.tentative).length;
      if (unchecked > 0) throw invalidInput({ code: 'calendar.year_unchecked', params: { year, n: unchecked } });
      const confirmed = settings.get<number[]>(CONFIRMED_YEARS_KEY, []);
      if (!confirmed.includes(year)) settings.set(CONFIRMED_YEARS_KEY, [...confirmed, year].sort(), now);
    },

    /** An estimate checked against the decree as it stands: typed by the admin from now on. */
    checkDay(date: string): StoredNonWorkingDay {
      const existing = selectOne.get(date) as DayRow | undefined;
      if (!existing) throw notFound({ code: 'calendar.day_not_found', params: { date } });
      const checked = { ...existing, source: existing.source === ESTIMATE_SOURCE ? 'manual' : existing.source };
      upsert.run(checked);
      return view(checked, true);
    },

    /** Of `years`, those with no decree list entered (warn the admin about these). */
    yearsMissingDecree(years: readonly number[]): number[] {
      const have = yearsWithDecree();
      return years.filter((y) => !have.has(y));
    },

    addDay(day: NonWorkingDay, source = 'manual'): void {
      const valid = validDay(day);
      if (selectOne.get(valid.date)) throw invalidInput({ code: 'calendar.date_exists', params: { date: valid.date } });
      insertIgnore.run({ ...valid, source });
    },

    /** Changes the kind and/or name of a stored day (to move a day, delete and add); an edited estimate counts as checked. */
    updateDay(date: string, patch: { kind?: NonWorkingKind; name?: string }): StoredNonWorkingDay {
      const existing = selectOne.get(date) as DayRow | undefined;
      if (!existing) throw notFound({ code: 'calendar.day_not_found', params: { date } });
      const valid = validDay({ date, kind: patch.kind ?? existing.kind, name: patch.name ?? existing.name });
      const row = { ...valid, source: existing.source === ESTIMATE_SOURCE ? 'manual' : existing.source };
      upsert.run(row);
      return view(row, true);
    },

    deleteDay(date: string): void {
      if (db.prepare('DELETE FROM non_working_days WHERE date = ?').run(date).changes === 0)
        throw notFound({ code: 'calendar.day_not_found', params: { date } });
    },

    /**
     * Stores days (replacing the same dates) in one transaction: all or nothing. A list with
     * national or cuti bersama days is that year's decree: the year's remaining estimates go (their
     * count is returned, the admin is told), its fixed-date and local days stay.
     */
    importDays(days: readonly NonWorkingDay[], source: string): { imported: number; estimatesReplaced: number } {
      const valid = days.map(validDay);
      return db.transaction(() => {
        valid.forEach((day) => upsert.run({ date: day.date, kind: day.kind, name: day.name, source }));
        const decreeYearsOfList = new Set(valid.filter((d) => d.kind !== 'local').map((d) => Number(d.date.slice(0, 4))));
        let estimatesReplaced = 0;
        for (const year of decreeYearsOfList) estimatesReplaced += deleteEstimatesOfYear.run(ESTIMATE_SOURCE, ...yearRange(year)).changes;
        return { imported: valid.length, estimatesReplaced };
      })();
    },

    /** Parses an .ics file and stores its days; a file that cannot be read writes nothing. */
    importIcs(text: string): IcsDays & { estimatesReplaced: number } {
      const parsed = parseIcs(text);
      return { ...parsed, estimatesReplaced: queries.importDays(parsed.days, 'ics').estimatesReplaced };
    },

    /** Parses a CSV list (date, name, optional kind) and stores its days; a file that cannot be read writes nothing. */
    importCsv(text: string): CsvDays & { estimatesReplaced: number } {
      const parsed = parseCsvDays(text);
      return { ...parsed, estimatesReplaced: queries.importDays(parsed.days, 'csv').estimatesReplaced };
    },

    loadHours(): ServiceHours {
      return parseServiceHours(settings.get<unknown>(SERVICE_HOURS_KEY, DEFAULT_SERVICE_HOURS));
    },

    saveHours(hours: unknown, now: number): ServiceHours {
      const valid = parseServiceHours(hours);
      settings.set(SERVICE_HOURS_KEY, valid, now);
      return valid;
    },

    /** The calendar as stored now; build a new one after any edit. */
    buildCalendar(): ServiceCalendar {
      const decreed = yearsWithDecree();
      return new ServiceCalendar({
        hours: queries.loadHours(),
        nonWorkingDays: queries.listStored(),
        // A pre-filled year has its days stored; only years further ahead fall back to the computed list.
        yearsWithDecree: [...decreed, ...prefilledYears()],
        fallbackForYear: fallbackNonWorkingDays,
        confirmedYears: decreed,
      });
    },
  };
  return queries;
};
