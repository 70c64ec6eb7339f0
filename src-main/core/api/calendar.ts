import { z } from 'zod';
import type { CalendarStatus, ServiceHoursView } from '../../../src-preload/contract';
import { calendarQueries, describeServiceHours, isIsoDate } from '../calendar';
import type { CoreServices } from '../services';
import { invalidateCalendar, serviceCalendar } from '../calendar/cache';
import { recomputeOpenClocks } from '../workflow/sla';
import type { HandlerMap } from './define';
import { mutation, query } from './define';
import { empty, text } from './schemas';

const date = z.string().refine(isIsoDate, 'Tanggal harus berformat YYYY-MM-DD');
const kind = z.enum(['national', 'cuti_bersama', 'local']);
const minute = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
const hours = z.array(z.array(z.strictObject({ from: minute, to: minute })).max(6)).length(7);

function status(core: CoreServices): CalendarStatus {
  const calendar = serviceCalendar(core.db);
  const now = core.now();
  return {
    serviceHours: calendar.hours.map((day) => day.map((i) => ({ from: i.from, to: i.to }))) as ServiceHoursView,
    serviceHoursText: describeServiceHours(calendar.hours),
    yearsMissingDecree: calendarQueries(core.db).yearsToAskFor(now),
    openNow: calendar.isOpen(now),
    nextOpening: calendar.nextOpening(now),
  };
}

/** After an edit: a new calendar, and every running SLA clock's due recomputed with it (same transaction). */
function calendarChanged(core: CoreServices): void {
  invalidateCalendar(core.db);
  const count = recomputeOpenClocks(core.db, serviceCalendar(core.db));
  if (count > 0) core.events.emit('inbox.changed', { conversationIds: [] });
  core.events.emit('calendar.changed', {});
}

export const calendarHandlers = {
  'calendar.status': query<'calendar.status'>({
    access: 'officer',
    input: empty,
    run: (_input, { core }) => status(core),
  }),

  'calendar.setHours': mutation<'calendar.setHours'>({
    access: 'admin',
    input: z.strictObject({ hours }),
    run: (input, { core }) => {
      calendarQueries(core.db).saveHours(input.hours, core.now());
      calendarChanged(core);
      return status(core);
    },
    audit: (input) => ({ entityType: 'calendar', entityId: 'hours', detail: input.hours }),
  }),

  'calendar.listDays': query<'calendar.listDays'>({
    access: 'officer',
    input: z.strictObject({ year: z.number().int().min(2000).max(2100) }),
    run: (input, { core }) => calendarQueries(core.db).daysOfYear(input.year),
  }),

  'calendar.addDay': mutation<'calendar.addDay'>({
    access: 'admin',
    input: z.strictObject({ date, kind, name: text(200) }),
    run: (input, { core }) => {
      calendarQueries(core.db).addDay(input);
      calendarChanged(core);
      return { ...input, source: 'manual', stored: true, tentative: false };
    },
    audit: (input) => ({ entityType: 'non_working_day', entityId: input.date, detail: input }),
  }),

  'calendar.updateDay': mutation<'calendar.updateDay'>({
    access: 'admin',
    input: z.strictObject({ date, kind: kind.optional(), name: text(200).optional() }),
    run: (input, { core }) => {
      const day = calendarQueries(core.db).updateDay(input.date, { ...(input.kind ? { kind: input.kind } : {}), ...(input.name ? { name: input.name } : {}) });
      calendarChanged(core);
      return day;
    },
    audit: (input) => ({ entityType: 'non_working_day', entityId: input.date, detail: input }),
  }),

  'calendar.deleteDay': mutation<'calendar.deleteDay'>({
    access: 'admin',
    input: z.strictObject({ date }),
    run: (input, { core }) => {
      calendarQueries(core.db).deleteDay(input.date);
      calendarChanged(core);
      return null;
    },
    audit: (input) => ({ entityType: 'non_working_day', entityId: input.date }),
  }),

  'calendar.importIcs': mutation<'calendar.importIcs'>({
    access: 'admin',
    input: z.strictObject({ text: z.string().min(1).max(2_000_000) }),
    run: (input, { core }) => {
      const parsed = calendarQueries(core.db).importIcs(input.text);
      calendarChanged(core);
      return { imported: parsed.days.length, skipped: parsed.skipped, estimatesReplaced: parsed.estimatesReplaced };
    },
    audit: (_input, out) => ({ entityType: 'calendar', entityId: 'ics', detail: out }),
  }),

  'calendar.importCsv': mutation<'calendar.importCsv'>({
    access: 'admin',
    input: z.strictObject({ text: z.string().min(1).max(200_000) }),
    run: (input, { core }) => {
      const parsed = calendarQueries(core.db).importCsv(input.text);
      calendarChanged(core);
      return { imported: parsed.days.length, skipped: parsed.skipped, estimatesReplaced: parsed.estimatesReplaced };
    },
    audit: (_input, out) => ({ entityType: 'calendar', entityId: 'csv', detail: out }),
  }),

  'calendar.confirmYear': mutation<'calendar.confirmYear'>({
    access: 'admin',
    input: z.strictObject({ year: z.number().int().min(2000).max(2100) }),
    run: (input, { core }) => {
      calendarQueries(core.db).confirmYear(input.year, core.now());
      calendarChanged(core);
      return status(core);
    },
    audit: (input) => ({ entityType: 'calendar', entityId: `year-${input.year}`, detail: input }),
  }),

  'calendar.checkDay': mutation<'calendar.checkDay'>({
    access: 'admin',
    input: z.strictObject({ date }),
    run: (input, { core }) => {
      const day = calendarQueries(core.db).checkDay(input.date);
      calendarChanged(core);
      return day;
    },
    audit: (input) => ({ entityType: 'non_working_day', entityId: input.date, detail: { checked: true } }),
  }),
} satisfies HandlerMap;
