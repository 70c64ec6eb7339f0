import { TZDate } from '@date-fns/tz';
import { invalidInput, notFound } from '../errors';
import type { Db } from '../store/db';
import { settingsQueries } from '../store/queries/settings';
import { DEFAULT_SERVICE_HOURS, parseServiceHours, type ServiceHours } from './hours';
import { parseIcs, type IcsDays } from './ics';
import {
  FALLBACK_SOURCE,
  SHIPPED_SOURCE,
  fallbackNonWorkingDays,
  nonWorkingDaySchema,
  shippedDecreeDays,
  type NonWorkingDay,
  type NonWorkingKind,
} from './non-working-days';
import { SERVICE_TIME_ZONE, ServiceCalendar } from './service-calendar';

export const SERVICE_HOURS_KEY = 'serviceHours';
/** Sources already seeded: a seed runs once, so a day the admin deleted stays deleted. */
const SEEDED_SOURCES_KEY = 'calendarSeededSources';

export interface StoredNonWorkingDay extends NonWorkingDay {
  /** 'skb-2026', 'ics', 'manual', or 'date-holidays' for a fallback day not stored in the table. */
  source: string;
}

export interface CalendarDaysOfYear {
  year: number;
  /** False while the year has no decree list: its days then come from date-holidays. */
  hasDecree: boolean;
  days: StoredNonWorkingDay[];
}

/**
 * The calendar in the database: non-working days (table non_working_days) and service hours
 * (settings 'serviceHours'). A year "has a decree" once any national or cuti bersama day of it is
 * stored; until then its national holidays come from date-holidays and the admin is warned.
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
    "SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) AS year FROM non_working_days WHERE kind IN ('national', 'cuti_bersama')",
  );

  const validDay = (day: unknown): NonWorkingDay => {
    const parsed = nonWorkingDaySchema.safeParse(day);
    if (!parsed.success)
      throw invalidInput(
        { code: 'calendar.day_invalid' },
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    return parsed.data;
  };
  const yearsWithDecree = (): Set<number> => new Set((decreeYears.all() as { year: number }[]).map((r) => r.year));

  const queries = {
    /**
     * Seeds the calendar for the current and next year (DESIGN §1): the shipped 2026 decree is
     * stored once (source 'skb-2026'; idempotent, and a day the admin deleted stays deleted); a year
     * without a decree runs on the date-holidays fallback and is returned for a warning.
     */
    seed(now: number): { inserted: number; yearsMissingDecree: number[] } {
      const inserted = db.transaction(() => {
        const seeded = settings.get<string[]>(SEEDED_SOURCES_KEY, []);
        if (seeded.includes(SHIPPED_SOURCE)) return 0;
        let count = 0;
        for (const day of shippedDecreeDays().days) count += insertIgnore.run({ ...day, source: SHIPPED_SOURCE }).changes;
        settings.set(SEEDED_SOURCES_KEY, [...seeded, SHIPPED_SOURCE], now);
        return count;
      })();
      const year = new TZDate(now, SERVICE_TIME_ZONE).getFullYear();
      return { inserted, yearsMissingDecree: queries.yearsMissingDecree([year, year + 1]) };
    },

    /** The stored days, optionally of one year. */
    listStored(year?: number): StoredNonWorkingDay[] {
      return (year === undefined ? selectAll.all() : selectYear.all(`${year}-01-01`, `${year + 1}-01-01`)) as StoredNonWorkingDay[];
    },

    /** The days the calendar uses for a year: stored ones, plus the fallback while there is no decree. */
    daysOfYear(year: number): CalendarDaysOfYear {
      const stored = queries.listStored(year);
      const hasDecree = yearsWithDecree().has(year);
      if (hasDecree) return { year, hasDecree, days: stored };
      const byDate = new Map<string, StoredNonWorkingDay>(fallbackNonWorkingDays(year).map((d) => [d.date, { ...d, source: FALLBACK_SOURCE }]));
      for (const day of stored) byDate.set(day.date, day);
      return { year, hasDecree, days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) };
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

    /** Changes the kind and/or name of a stored day (to move a day, delete and add). */
    updateDay(date: string, patch: { kind?: NonWorkingKind; name?: string }): StoredNonWorkingDay {
      const existing = selectOne.get(date) as StoredNonWorkingDay | undefined;
      if (!existing) throw notFound({ code: 'calendar.day_not_found', params: { date } });
      const valid = validDay({ date, kind: patch.kind ?? existing.kind, name: patch.name ?? existing.name });
      upsert.run({ ...valid, source: existing.source });
      return { ...valid, source: existing.source };
    },

    deleteDay(date: string): void {
      if (db.prepare('DELETE FROM non_working_days WHERE date = ?').run(date).changes === 0)
        throw notFound({ code: 'calendar.day_not_found', params: { date } });
    },

    /** Stores days (replacing the same dates) in one transaction: all or nothing. */
    importDays(days: readonly NonWorkingDay[], source: string): number {
      const valid = days.map(validDay);
      db.transaction(() => valid.forEach((day) => upsert.run({ ...day, source })))();
      return valid.length;
    },

    /** Parses an .ics file and stores its days; a file that cannot be read writes nothing. */
    importIcs(text: string): IcsDays {
      const parsed = parseIcs(text);
      queries.importDays(parsed.days, 'ics');
      return parsed;
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
      return new ServiceCalendar({
        hours: queries.loadHours(),
        nonWorkingDays: queries.listStored(),
        yearsWithDecree: yearsWithDecree(),
        fallbackForYear: fallbackNonWorkingDays,
      });
    },
  };
  return queries;
};
