import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Db } from '../store/db';

/** Ordinary tables of the schema (FTS shadow tables included, the virtual table itself not). */
export function tableNames(db: Db): string[] {
  const rows = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
    sql: string | null;
  }[];
  return rows.filter((r) => !/^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(r.sql ?? '')).map((r) => r.name);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function tableCounts(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of tableNames(db)) counts[name] = (db.prepare(`SELECT count(*) AS n FROM ${quote(name)}`).get() as { n: number }).n;
  return counts;
}

/**
 * A sha256 over every row of every table, in a total order (all columns), so two databases with the
 * same content give the same digest whatever their page layout. Used to prove a restore identical.
 */
export function tableDigests(db: Db): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const name of tableNames(db)) {
    const columns = (db.prepare(`SELECT count(*) AS n FROM pragma_table_info(?)`).get(name) as { n: number }).n;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    const hash = createHash('sha256');
    for (const row of db
      .prepare(`SELECT * FROM ${quote(name)} ORDER BY ${order}`)
      .raw()
      .iterate() as IterableIterator<unknown[]>) {
      // A BLOB serializes through Buffer.toJSON: its bytes, deterministically.
      hash.update(JSON.stringify(row));
      hash.update('\n');
    }
    digests[name] = hash.digest('hex');
  }
  return digests;
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
