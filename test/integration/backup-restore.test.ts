import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE as APP_DATABASE_FILE } from '../../src-main/core/app';
import {
  createBackup,
  DATABASE_FILE,
  MANIFEST_FILE,
  restoreBackup,
  RestoreError,
  tableCounts,
  tableDigests,
  type BackupManifest,
} from '../../src-main/core/backup';
import { ingest } from '../../src-main/core/inbound/ingest';
import { openDatabase } from '../../src-main/core/store/db';
import { indexAllMessages } from '../../src-main/core/store/search-index';
import { runRestoreCli } from '../../src-main/cli/restore';
import { seedTrainingHistory } from '../../src-main/core/training';
import { startTestCore, tempDataDir, type TestCore } from '../helpers/core';

const DAY = 24 * 3_600_000;
/** 2026-11-27 16:00 WITA, a Friday after service hours. */
const NOW = Date.UTC(2026, 10, 27, 8, 0);

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function temp(): string {
  const t = tempDataDir('pst-backup-');
  cleanups.push(t.cleanup);
  return t.dir;
}

/** Seeded once (through the core: ingest, officers' actions, ratings, complaints), copied per test. */
let seededDir = '';
beforeAll(async () => {
  seededDir = tempDataDir('pst-backup-seed-').dir;
  const core = startTestCore({ dir: seededDir, now: () => NOW });
  try {
    const result = await seedTrainingHistory(core.services, { seed: 11, conversations: 250, now: NOW });
    expect(result.failures).toEqual([]);
    // Attachments: photos of identity cards and a data table sent by two requesters (stored once).
    const shared = Buffer.from('tabel penduduk per kecamatan 2025\n'.repeat(200));
    for (let i = 0; i < 40; i++) {
      ingest(core.services, {
        channel: 'telegram',
        externalId: `9${i}:1`,
        sourceId: `9${i}`,
        receivedAt: NOW - (i + 1) * 3_600_000,
        text: `lampiran nomor ${i}`,
        attachments: [
          { fileName: `ktp-${i}.jpg`, mimeType: 'image/jpeg', content: Buffer.from(`foto ktp ${i} `.repeat(500 + i)) },
          ...(i < 2 ? [{ fileName: 'tabel.csv', mimeType: 'text/csv', content: shared }] : []),
        ],
        thread: { mode: 'identity' },
      });
    }
  } finally {
    await core.close();
  }
}, 120_000);
afterAll(() => rmSync(seededDir, { recursive: true, force: true }));

function seededCore(): { core: TestCore; clock: { now: number } } {
  const dir = temp();
  cpSync(seededDir, dir, { recursive: true });
  const clock = { now: NOW };
  const core = startTestCore({ dir, now: () => clock.now });
  cleanups.push(() => core.close());
  return { core, clock };
}

/** What identical means for a restore: every table's content, and every attachment's bytes. */
function attachmentHashes(dataDir: string): Record<string, string> {
  const root = join(dataDir, 'attachments');
  const out: Record<string, string> = {};
  for (const dir of readdirSync(root)) {
    for (const file of readdirSync(join(root, dir)))
      out[`${dir}/${file}`] = createHash('sha256')
        .update(readFileSync(join(root, dir, file)))
        .digest('hex');
  }
  return out;
}

const withoutSecrets = (d: Record<string, string | number>) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'secrets'));

describe('backup and restore', () => {
  it('backs up while the console writes, and the restore is identical to the snapshot', async () => {
    const { core, clock } = seededCore();
    core.services.secrets.set('telegram.token', '123:ABC');
    const folder = temp();
    expect(DATABASE_FILE).toBe(APP_DATABASE_FILE);

    // Ingest between the backup's steps until the snapshot is taken; keep the live state at that instant.
    let snapshot: { digests: Record<string, string>; counts: Record<string, number>; attachments: Record<string, string> } | null = null;
    let written = 0;
    const backup = createBackup(core.services, folder, {
      onSnapshot: () => {
        snapshot = { digests: tableDigests(core.services.db), counts: tableCounts(core.services.db), attachments: attachmentHashes(core.dir) };
      },
    });
    while (snapshot === null) {
      await new Promise((r) => setImmediate(r));
      if (snapshot !== null) break;
      clock.now += 1000;
      ingest(core.services, {
        channel: 'email',
        externalId: `<live-${written}@mail.test>`,
        sourceId: `live${written}@mail.test`,
        receivedAt: clock.now,
        text: `surat saat pencadangan ${written}`,
        thread: { mode: 'explicit' },
      });
      written++;
    }
    const result = await backup;
    // Writes continue after the snapshot: they must not be in the backup.
    ingest(core.services, {
      channel: 'email',
      externalId: '<after@mail.test>',
      sourceId: 'after@mail.test',
      receivedAt: clock.now,
      text: 'sesudah',
      thread: { mode: 'explicit' },
    });
    expect(written).toBeGreaterThan(0);
    const snap = snapshot as unknown as { digests: Record<string, string>; counts: Record<string, number>; attachments: Record<string, string> };
    expect(result.manifest.tables).toEqual(snap.counts);
    expect(result.manifest.tables.conversations).toBeGreaterThan(250);
    expect(result.path).toBe(join(folder, 'PST-Backup-20261127-1600'));
    expect(result.manifest.secretsIncluded).toBe(false);
    expect(existsSync(join(result.path, 'secret.key'))).toBe(false);
    expect(result.manifest.files.filter((f) => f.path.startsWith('attachments/'))).toHaveLength(41);

    const target = join(temp(), 'restored');
    const restored = await restoreBackup(result.path, target);
    expect(restored.removedSecrets).toEqual(['telegram.token']);
    const db = openDatabase(join(target, DATABASE_FILE), { readonly: true, migrate: false });
    try {
      expect(withoutSecrets(tableCounts(db))).toEqual(withoutSecrets(snap.counts));
      expect(withoutSecrets(tableDigests(db))).toEqual(withoutSecrets(snap.digests));
      expect(tableCounts(db).secrets).toBe(0);
      expect((db.prepare("SELECT count(*) AS n FROM messages WHERE body_text = 'sesudah'").get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
    // The word index comes along as it was: what it held, and the mark above which messages wait
    // for the indexer. A console started on the restore indexes those and finds every message.
    const searchable = openDatabase(join(target, DATABASE_FILE), { migrate: false });
    try {
      indexAllMessages(searchable);
      expect((searchable.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'pencadangan'").get() as { n: number }).n).toBe(written);
      searchable.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)");
    } finally {
      searchable.close();
    }
    expect(attachmentHashes(target)).toEqual(snap.attachments);

    // The restored folder runs as a console.
    const again = startTestCore({ dir: target, now: () => clock.now });
    try {
      expect((again.services.db.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n).toBe(snap.counts.conversations);
    } finally {
      await again.close();
    }
  });

  it('refuses a damaged backup, a non-empty target and a backup from a newer schema', async () => {
    const { core } = seededCore();
    const { path } = await createBackup(core.services, temp());
    const manifest = JSON.parse(readFileSync(join(path, MANIFEST_FILE), 'utf8')) as BackupManifest;

    const nonEmpty = temp();
    writeFileSync(join(nonEmpty, 'something'), 'x');
    await expect(restoreBackup(path, nonEmpty)).rejects.toThrow(/tidak kosong/);

    // One flipped byte in one attachment.
    const victim = manifest.files.find((f) => f.path.startsWith('attachments/'))!;
    const file = join(path, ...victim.path.split('/'));
    const bytes = readFileSync(file);
    bytes[10] = bytes[10]! ^ 0xff;
    writeFileSync(file, bytes);
    const target = join(temp(), 'x');
    const refused = await restoreBackup(path, target).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RestoreError);
    expect((refused as Error).message).toContain(victim.path);
    expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
    bytes[10] = bytes[10]! ^ 0xff;
    writeFileSync(file, bytes);

    // One flipped byte in the database.
    const dbFile = join(path, DATABASE_FILE);
    const dbBytes = readFileSync(dbFile);
    dbBytes[dbBytes.length - 100] = dbBytes[dbBytes.length - 100]! ^ 0x01;
    writeFileSync(dbFile, dbBytes);
    await expect(restoreBackup(path, join(temp(), 'y'))).rejects.toThrow(/pst-console\.sqlite3: isi berubah/);
    dbBytes[dbBytes.length - 100] = dbBytes[dbBytes.length - 100]! ^ 0x01;
    writeFileSync(dbFile, dbBytes);

    writeFileSync(join(path, MANIFEST_FILE), JSON.stringify({ ...manifest, schemaVersion: 999 }));
    await expect(restoreBackup(path, join(temp(), 'z'))).rejects.toThrow(/lebih baru/);
    writeFileSync(join(path, MANIFEST_FILE), JSON.stringify(manifest));
    await expect(restoreBackup(path, join(temp(), 'ok'))).resolves.toMatchObject({ filesCopied: manifest.files.length });
  });

  it('keeps the newest N backups', async () => {
    const { core, clock } = seededCore();
    const folder = temp();
    mkdirSync(join(folder, 'PST-Backup-20200101-0000.partial'));
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      clock.now += DAY;
      names.push((await createBackup(core.services, folder, { keep: 2 })).path);
    }
    expect(readdirSync(folder).sort()).toEqual(
      names
        .slice(2)
        .map((p) => p.slice(folder.length + 1))
        .concat('PST-Backup-20200101-0000.partial')
        .sort(),
    );
  });

  it('the schedule runs when due, once per day, a missed one at the next start, and retries a failure after an hour', async () => {
    const clock = { now: NOW };
    const core = startTestCore({ now: () => clock.now });
    cleanups.push(() => core.dispose());
    const folder = temp();
    // 2026-11-27 10:00 WITA: the admin chooses the folder.
    clock.now = Date.UTC(2026, 10, 27, 2, 0);
    core.services.db
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('backup.folder', ?, 0) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify(folder));
    core.services.db
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('backup.since', ?, 0) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify(clock.now));

    expect((await core.maintenance.tick()).backup).toBeNull();
    clock.now = Date.UTC(2026, 10, 27, 7, 44); // 15:44 WITA
    expect((await core.maintenance.tick()).backup).toBeNull();
    clock.now = Date.UTC(2026, 10, 27, 7, 45); // 15:45 WITA
    const first = (await core.maintenance.tick()).backup;
    expect(first).toMatchObject({ ok: true, trigger: 'schedule' });
    clock.now += 5 * 60_000;
    expect((await core.maintenance.tick()).backup).toBeNull();

    // The PC was off over the weekend: Monday morning's start runs one backup, not three.
    clock.now = Date.UTC(2026, 10, 30, 0, 5); // Monday 08:05 WITA
    expect((await core.maintenance.tick()).backup).toMatchObject({ ok: true });
    expect((await core.maintenance.tick()).backup).toBeNull();

    // Monday 15:45 the USB disk is unplugged: failure recorded, retried an hour later.
    const unplugged = join(folder, 'gone');
    core.services.db.prepare("UPDATE settings SET value = ? WHERE key = 'backup.folder'").run(JSON.stringify(unplugged));
    clock.now = Date.UTC(2026, 10, 30, 7, 45);
    const failed = (await core.maintenance.tick()).backup;
    expect(failed?.ok).toBe(false);
    expect(failed?.error).toMatch(/tidak ditemukan/);
    clock.now += 30 * 60_000;
    expect((await core.maintenance.tick()).backup).toBeNull();
    mkdirSync(unplugged);
    clock.now += 31 * 60_000;
    expect((await core.maintenance.tick()).backup).toMatchObject({ ok: true });
    expect(readdirSync(unplugged)).toEqual(['PST-Backup-20261130-1646']);
    const audit = core.services.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backup.scheduled'").get() as { n: number };
    expect(audit.n).toBe(4);
  });

  it('the restore CLI restores (a real process) and refuses with Indonesian and English messages', async () => {
    const src = startTestCore();
    cleanups.push(() => src.dispose());
    ingest(src.services, { channel: 'email', externalId: '<a@b>', sourceId: 'a@b.test', receivedAt: Date.now(), text: 'halo', thread: { mode: 'explicit' } });
    const { path } = await createBackup(src.services, temp());
    const target = join(temp(), 'data');
    execFileSync(join('node_modules', '.bin', 'tsx'), ['src-main/cli/restore.ts', '--from', path, '--data-dir', target], { stdio: 'pipe' });
    expect(existsSync(join(target, DATABASE_FILE))).toBe(true);

    const lines: string[] = [];
    expect(
      await runRestoreCli(
        ['--from', path, '--data-dir', target],
        () => undefined,
        (l) => lines.push(l),
      ),
    ).toBe(1);
    expect(lines.join('\n')).toMatch(/Folder tujuan tidak kosong.*not empty/s);
    expect(
      await runRestoreCli(
        ['--data-dir', target],
        () => undefined,
        () => undefined,
      ),
    ).toBe(2);
  }, 60_000);
});
