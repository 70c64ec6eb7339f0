import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

describe('migration 0008 standard-answers', () => {
  it('seeds the standard answers beside an office’s own, keeps theirs, and adds files, retirement and usage', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 7);
    // This office already wrote its own "website" answer and uses the shortcut "excel" elsewhere.
    const own = db.prepare("INSERT INTO templates (name, shortcut, body, language, created_at, updated_at) VALUES (?, ?, ?, 'id', 1, 1)");
    own.run('Data tersedia di website', 'web', 'Silakan unduh di website kami, {nama}.');
    own.run('Kirim tabel', 'excel', 'Tabel terlampir.');
    expect(migrate(db, migrations, 8)).toBe(8);

    const rows = db.prepare('SELECT name, shortcut, body, retired_at, use_count, last_used_at FROM templates WHERE system_key IS NULL ORDER BY id').all() as {
      name: string;
      shortcut: string | null;
      body: string;
      retired_at: number | null;
      use_count: number;
      last_used_at: number | null;
    }[];
    // Theirs untouched, and 12 more answers from the library.
    expect(rows[0]).toMatchObject({ name: 'Data tersedia di website', shortcut: 'web', body: 'Silakan unduh di website kami, {nama}.' });
    expect(rows).toHaveLength(2 + 12);
    expect(rows.every((r) => r.retired_at === null && r.use_count === 0 && r.last_used_at === null)).toBe(true);
    // The shortcut they use elsewhere stays theirs: the seeded Excel answer comes without one.
    expect(rows.find((r) => r.name === 'Data dikirim dalam format Excel')?.shortcut).toBeNull();
    const silastik = rows.find((r) => r.shortcut === 'silastik')!;
    expect(silastik.body).toContain('https://silastik.bps.go.id');
    expect(rows.find((r) => r.shortcut === 'romantik')!.body).toContain('Romantik');
    expect(rows.find((r) => r.shortcut === 'belumrilis')!.body).toContain('{isi:perkiraan tanggal rilis}');

    // Files go with their answer.
    const id = db.prepare("SELECT id FROM templates WHERE shortcut = 'caraakses'").pluck().get() as number;
    db.prepare(
      "INSERT INTO template_files (template_id, file_name, mime_type, size, content, created_at) VALUES (?, 'panduan.pdf', 'application/pdf', 4, x'25504446', 1)",
    ).run(id);
    db.prepare('DELETE FROM templates WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM template_files').pluck().get()).toBe(0);
    expect(() => db.prepare('UPDATE templates SET use_count = -1').run()).toThrow(/CHECK/);
  });
});
