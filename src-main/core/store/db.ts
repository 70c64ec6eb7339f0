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
    // Deleted and overwritten content is zeroed on the page instead of left in free space: an
    // erased requester's name or an earlier phone number must not stay readable in the file.
    // Costs little here (see the ingest bench); it is per connection, so every open sets it.
    if (!options.readonly) db.pragma('secure_delete = ON');
    // 32 MB of page cache instead of SQLite's 2 MB: a year of consultations is a few hundred MB,
    // and the inbox and search indexes should stay in memory.
    db.pragma('cache_size = -32000');
    // Statement journals and temporary tables in memory, not in temporary files: a write inside a
    // long transaction (a first mail sync stores 200 mails in one) journals the pages it changes,
    // and on disk that was a file created and some 25 small writes per stored mail.
    db.pragma('temp_store = MEMORY');
    cacheStatements(db);
    if (options.migrate ?? true) migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Compiling a statement costs more than running most of ours, and the code prepares them where it
 * uses them; so prepare() hands out one compiled statement per SQL text and connection. Modes a
 * caller set (raw, pluck, expand) are reset, so a cached statement behaves like a fresh one.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = prepare(source);
      // Bounded: dynamic SQL (IN lists of varying length) must not grow it forever.
      if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
      cache.set(source, statement);
    } else if (statement.reader) {
      statement.raw(false);
      statement.pluck(false);
      statement.expand(false);
    }
    return statement;
  }) as Db['prepare'];
}
