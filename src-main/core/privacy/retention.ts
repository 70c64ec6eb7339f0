import { TZDate } from '@date-fns/tz';
import { subMonths } from 'date-fns';
import { SERVICE_TIME_ZONE } from '../calendar/service-calendar';
import type { CoreServices } from '../services';
import type { Db } from '../store/db';
import { auditQueries } from '../store/queries/audit';
import { settingsQueries } from '../store/queries/settings';
import { anonymiseRequesters, REDACTED_META, type AnonymiseStats } from './anonymise';
import { purgeBlobs } from './blobs';
import { scrubDatabaseFiles } from './scrub';

/**
 * "Simpan data pribadi pemohon selama N bulan" (0 = tanpa batas). Default 24: the office's reports
 * are weekly, monthly and yearly, and the yearly report and its audit look at the previous year;
 * students and agencies often come back within a year or two for the same research. Past that,
 * UU PDP 27/2022 (Pasal 16, 43) asks for deletion once the purpose is served; the statistics stay.
 */
export const DEFAULT_RETENTION_MONTHS = 24;
const MONTHS_KEY = 'privacy.retentionMonths';
const LAST_KEY = 'privacy.lastRetention';
/** Requesters per transaction: a first run over years of data must not hold the writer for long. */
const BATCH = 200;

export interface RetentionRun {
  at: number;
  months: number;
  /** Requesters whose last activity was before this instant were anonymised. */
  cutoff: number;
  stats: AnonymiseStats;
  complaintContacts: number;
}

export const readRetentionMonths = (db: Db): number => settingsQueries(db).get(MONTHS_KEY, DEFAULT_RETENTION_MONTHS);
export const writeRetentionMonths = (db: Db, months: number, now: number): void => settingsQueries(db).set(MONTHS_KEY, months, now);
export const readLastRetention = (db: Db): RetentionRun | null => settingsQueries(db).get<RetentionRun | null>(LAST_KEY, null);

/** N months before now, on the WITA calendar. */
export const retentionCutoff = (now: number, months: number): number => subMonths(new TZDate(now, SERVICE_TIME_ZONE), months).getTime();

/**
 * Requesters whose last activity (their latest message on any consultation, or their creation) is
 * before the cutoff and who still have personal data (fields, addresses, or unredacted messages):
 * a second run finds nothing to do.
 */
export function requestersPastRetention(db: Db, cutoff: number): number[] {
  return db
    .prepare(
      `SELECT r.id FROM requesters r
        WHERE max(r.created_at, coalesce((SELECT max(c.last_message_at) FROM conversations c WHERE c.requester_id = r.id), 0)) < :cutoff
          AND ${HOLDS_PERSONAL_DATA}
        ORDER BY r.id`,
    )
    .pluck()
    .all({ cutoff, redacted: REDACTED_META }) as number[];
}

/** Requester `r` still has personal data: fields, addresses, or messages not yet redacted (binds :redacted). */
const HOLDS_PERSONAL_DATA = `(r.name IS NOT NULL OR r.institution IS NOT NULL OR r.email IS NOT NULL OR r.whatsapp IS NOT NULL
               OR r.telegram_user_id IS NOT NULL OR r.telegram_username IS NOT NULL
               OR EXISTS (SELECT 1 FROM channel_identities i WHERE i.requester_id = r.id AND i.source_id NOT LIKE 'dihapus:%')
               OR EXISTS (SELECT 1 FROM conversations c JOIN messages m ON m.conversation_id = c.id
                           WHERE c.requester_id = r.id AND m.meta IS NOT :redacted))`;

/** Those of these requesters that still have personal data in this database (a backup's, say). */
export function requestersWithPersonalData(db: Db, ids: readonly number[]): number[] {
  const check = db.prepare(`SELECT 1 FROM requesters r WHERE r.id = :id AND ${HOLDS_PERSONAL_DATA}`);
  return ids.filter((id) => check.get({ id, redacted: REDACTED_META }) !== undefined);
}

/**
 * The periodic job: anonymises every requester past the retention period, in batches, each batch
 * in one transaction; blanks the contact of old complaints logged without a requester; audits the
 * run; deletes the attachment files after the commits. Nothing happens when the setting is 0.
 */
export function runRetention(core: CoreServices): RetentionRun | null {
  const months = readRetentionMonths(core.db);
  if (months <= 0) return null;
  const at = core.now();
  const cutoff = retentionCutoff(at, months);
  const ids = requestersPastRetention(core.db, cutoff);
  const stats: AnonymiseStats = { requesters: 0, conversations: 0, messages: 0, attachments: 0, complaints: 0 };
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const last = i + BATCH >= ids.length;
    const s = core.db.transaction(() => anonymiseRequesters(core, batch, { optimizeIndex: last }))();
    for (const k of Object.keys(stats) as (keyof AnonymiseStats)[]) stats[k] += s[k];
  }
  const run = core.db.transaction((): RetentionRun => {
    const complaintContacts = core.db
      .prepare(
        'UPDATE complaints SET contact_name = NULL, contact = NULL WHERE requester_id IS NULL AND received_at < ? AND (contact_name IS NOT NULL OR contact IS NOT NULL)',
      )
      .run(cutoff).changes;
    const result: RetentionRun = { at, months, cutoff, stats, complaintContacts };
    settingsQueries(core.db).set(LAST_KEY, result, at);
    auditQueries(core.db).write({
      at,
      officerId: null,
      action: 'privacy.retention',
      entityType: 'privacy',
      entityId: null,
      detail: { months, cutoff, ...stats, complaintContacts },
    });
    return result;
  })();
  if (stats.requesters > 0) scrubDatabaseFiles(core);
  else purgeBlobs(core);
  return run;
}
