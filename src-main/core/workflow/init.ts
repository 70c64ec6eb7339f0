import { calendarQueries } from '../calendar';
import type { CoreServices } from '../services';
import { seedSystemTemplates } from './templates';

/**
 * Run once at core start: seeds the calendar (the shipped decree, once) and the system templates
 * (missing ones only). Returns the years of the current and next that have no decree list yet, for
 * the admin's warning (calendar.status tells the renderer the same).
 */
export function initWorkflow(core: CoreServices): { yearsMissingDecree: number[] } {
  const { yearsMissingDecree } = calendarQueries(core.db).seed(core.now());
  core.db.transaction(() => seedSystemTemplates(core.db, core.now()))();
  return { yearsMissingDecree };
}
