import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { SERVICE_TIME_ZONE } from '../calendar/service-calendar';

export const BACKUP_PREFIX = 'PST-Backup-';
/** The console's database file (app.ts DATABASE_FILE; a test keeps them equal). Not imported from
 * app.ts, which loads every connector: the restore CLI must start in a blink. */
export const DATABASE_FILE = 'pst-console.sqlite3';
export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_NAME = /^PST-Backup-\d{8}-\d{4}(-\d+)?$/;

/** PST-Backup-YYYYMMDD-HHmm in WITA: sorts by time, reads like the office's clock. */
export const backupName = (at: number): string => `${BACKUP_PREFIX}${format(new TZDate(at, SERVICE_TIME_ZONE), 'yyyyMMdd-HHmm')}`;
