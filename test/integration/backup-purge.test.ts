import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, verifyBackup } from '../../src-main/core/backup';
import { ingest } from '../../src-main/core/inbound/ingest';
import { ADMIN, startTestCore } from '../helpers/core';
import { ApiClient, startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';

/**
 * An erasure that reaches the backups: the admin rewrites every backup in the folder without one
 * requester, each backup still verifies, and a restore of it brings back everyone else but not them.
 */
const ERASED = { name: 'Ketut Ombrevalla', email: 'ombrevalla@desa.example.test', text: 'Mohon data Zintharopa per desa', file: 'surat-ombrevalla.pdf' };
const ERASED_FILE_BYTES = 'ISI-SURAT-QUENDRAVIL';
const KEPT = { name: 'Made Sentosa', email: 'made.sentosa@kampus.example.test', text: 'Mohon data Pirelantra kecamatan', file: 'proposal-sentosa.pdf' };
const KEPT_FILE_BYTES = 'ISI-PROPOSAL-SENTOSA';
const ERASED_NEEDLES = ['ombrevalla', 'zintharopa', 'quendravil'];

/** Which of the needles appear (any case) in any file under `dir`. */
function needlesIn(dir: string, needles: string[]): string[] {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const text = readFileSync(path).toString('latin1').toLowerCase();
        for (const n of needles) if (text.includes(n.toLowerCase())) found.add(n);
      }
    }
  };
  walk(dir);
  return [...found].sort();
}

describe('purging one requester from every backup', () => {
  const data = tempDataDir('pst-purge-');
  const backups = mkdtempSync(join(tmpdir(), 'pst-purge-backups-'));
  const restored = tempDataDir('pst-purge-restored-');
  let host: RunningHost;
  let admin: ApiClient;
  let erasedId: number;
  let keptId: number;
  const must = async (method: string, input: unknown) => {
    const res = await admin.call(method, input);
    expect(res.body.ok, `${method}: ${JSON.stringify(res.body)}`).toBe(true);
    return res.body.value;
  };

  beforeAll(async () => {
    const seed = startTestCore({ dir: data.dir });
    await seed.must('auth.setupAdmin', ADMIN);
    const mail = (who: typeof ERASED, bytes: string, n: number) =>
      ingest(seed.services, {
        channel: 'email',
        externalId: `<permintaan-${n}@example.test>`,
        sourceId: who.email,
        displayName: who.name,
        receivedAt: Date.now(),
        subject: 'Permintaan data',
        text: who.text,
        attachments: [{ fileName: who.file, mimeType: 'application/pdf', content: Buffer.from(`%PDF-1.4 ${bytes}`) }],
        thread: { mode: 'explicit' },
      });
    const erased = mail(ERASED, ERASED_FILE_BYTES, 1);
    const kept = mail(KEPT, KEPT_FILE_BYTES, 2);
    const requesterOf = (conversationId: number) =>
      seed.services.db.prepare('SELECT requester_id FROM conversations WHERE id = ?').pluck().get(conversationId) as number;
    erasedId = requesterOf(erased.conversationId);
    keptId = requesterOf(kept.conversationId);
    await seed.close();

    host = await startBrowserHost({ dataDir: data.dir });
    admin = new ApiClient(host.origin, host.token);
    await must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    await must('backup.saveSettings', { folder: backups });
    for (let i = 0; i < 2; i++) expect((await must('backup.run', {})).ok).toBe(true);
    expect(readdirSync(backups).filter((n) => n.startsWith('PST-Backup-'))).toHaveLength(2);
    // The backups hold the requester now: the checks below can fail.
    expect(needlesIn(backups, ERASED_NEEDLES)).toEqual([...ERASED_NEEDLES].sort());
  }, 60_000);

  afterAll(async () => {
    await host?.stop();
    data.cleanup();
    restored.cleanup();
    rmSync(backups, { recursive: true, force: true });
  });

  it('rewrites each backup without the requester, keeps everyone else, and each still verifies', async () => {
    await must('requesters.erase', { id: erasedId, reason: 'permintaan pemohon' });
    const result = await must('backup.purgeRequester', { requesterId: erasedId });
    expect(result.rewritten).toHaveLength(2);
    expect(result).toMatchObject({ unchanged: [], failed: [] });

    expect(needlesIn(backups, ERASED_NEEDLES)).toEqual([]);
    expect(needlesIn(backups, ['pirelantra', 'sentosa'])).toEqual(['pirelantra', 'sentosa']);
    const names = readdirSync(backups);
    expect(
      names.every((n) => /^PST-Backup-\d{8}-\d{4}(-\d+)?$/.test(n)),
      names.join(', '),
    ).toBe(true);
    for (const name of names) {
      const manifest = await verifyBackup(join(backups, name));
      expect(manifest.purges).toHaveLength(1);
      expect(manifest.files.some((f) => f.path.startsWith('attachments/'))).toBe(true);
    }
  });

  it('audits the purge by requester id only', async () => {
    const audit = (await must('audit.list', { limit: 5 })) as { action: string; entityType: string; entityId: string; detail: string }[];
    const row = audit.find((a) => a.action === 'backup.purgeRequester');
    expect(row).toMatchObject({ entityType: 'requester', entityId: String(erasedId) });
    expect(JSON.stringify(row)).not.toMatch(/ombrevalla/i);
  });

  it('a second purge finds nothing left to remove', async () => {
    const again = await must('backup.purgeRequester', { requesterId: erasedId });
    expect(again).toMatchObject({ rewritten: [], failed: [] });
    expect(again.unchanged).toHaveLength(2);
  });

  it('a restore of a purged backup brings back the other requester and their file, not the erased one', async () => {
    const newest = readdirSync(backups).sort().at(-1)!;
    rmSync(restored.dir, { recursive: true, force: true });
    const outcome = await restoreBackup(join(backups, newest), restored.dir);
    expect(outcome.filesCopied).toBeGreaterThan(1);
    expect(needlesIn(restored.dir, ERASED_NEEDLES)).toEqual([]);
    const db = new Database(join(restored.dir, 'pst-console.sqlite3'), { readonly: true });
    try {
      // How each requester is known from their mail: the address and the name it carried.
      const who = (id: number) => db.prepare('SELECT source_id AS address, display_name AS name FROM channel_identities WHERE requester_id = ?').all(id);
      expect(who(erasedId)).toEqual([{ address: expect.stringMatching(/^dihapus:/), name: null }]);
      expect(who(keptId)).toEqual([{ address: KEPT.email, name: KEPT.name }]);
      const files = db.prepare('SELECT file_name FROM attachments ORDER BY id').pluck().all();
      expect(files).toEqual([KEPT.file]);
      // The consultation of the erased requester stays for the statistics.
      expect(db.prepare('SELECT count(*) FROM conversations WHERE requester_id = ?').pluck().get(erasedId)).toBe(1);
    } finally {
      db.close();
    }
  });
});
