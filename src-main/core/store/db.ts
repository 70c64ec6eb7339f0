import Database from 'better-sqlite3';
import { latestVersion, migrate, NewerDatabaseError } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Run pending migrations (default true). Tests of single migrations turn it off. */
  migrate?: boolean;
  readonly?: boolean;
}

/**
 * Opens the console's database: WAL so readers never wait on the writer, foreign keys on,
 * a busy timeout so a second connection (backup, CLI report) waits instead of failing.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    // Before anything writes (even switching to WAL writes the header): a database from a newer
    // version must be left exactly as it is.
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > latestVersion(migrations)) throw new NewerDatabaseError(found, latestVersion(migrations));
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL is durable across application crashes in WAL mode; only an OS crash or power
      // loss may roll back the last transactions, never corrupt the file.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (options.migrate ?? true) migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
