import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const seedEmail = (db: Database.Database) => {
  db.prepare('INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1)').run();
  db.prepare(
    "INSERT INTO conversations (id, ticket, requester_id, channel, status, last_message_preview, last_message_at, created_at, updated_at) VALUES (1, 'KONS-5108-20261201-0001', 1, 'email', 'new', '', 1, 1, 1)",
  ).run();
  db.prepare("INSERT INTO messages (id, conversation_id, direction, channel, body_text, created_at) VALUES (1, 1, 'incoming', 'email', 'x', 1)").run();
};

describe('migration 0013 whatsapp', () => {
  it('lets every channel column hold whatsapp, keeps existing rows, and still refuses an unknown channel', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pst-m13-'));
    dirs.push(dir);
    const file = join(dir, 'pst.sqlite');
    const db = new Database(file);
    migrate(db, migrations, 12);
    seedEmail(db);
    const identity = db.prepare("INSERT INTO channel_identities (requester_id, channel, source_id, created_at) VALUES (1, ?, '+6281234567890', 1)");
    expect(() => identity.run('whatsapp')).toThrow(/CHECK/);

    expect(migrate(db, migrations, 13)).toBe(13);
    identity.run('whatsapp');
    db.prepare(
      "INSERT INTO conversations (id, ticket, requester_id, channel, status, last_message_preview, last_message_at, created_at, updated_at) VALUES (2, 'KONS-5108-20261201-0002', 1, 'whatsapp', 'new', '', 1, 1, 1)",
    ).run();
    db.prepare(
      "INSERT INTO messages (conversation_id, direction, channel, external_id, body_text, created_at) VALUES (2, 'incoming', 'whatsapp', 'wa:1', 'Halo', 1)",
    ).run();
    db.prepare("INSERT INTO rating_requests (conversation_id, closure, channel, created_at) VALUES (2, 0, 'whatsapp', 1)").run();
    expect(() =>
      db.prepare("INSERT INTO messages (conversation_id, direction, channel, body_text, created_at) VALUES (2, 'incoming', 'sms', 'x', 1)").run(),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT channel FROM messages ORDER BY id').pluck().all()).toEqual(['email', 'whatsapp']);
    const stillNarrow = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE ?").pluck().all("%IN ('telegram', 'email', 'manual')%");
    expect(stillNarrow).toEqual([]);
    db.close();

    // A fresh connection reads the widened schema from disk, and the file is sound.
    const again = new Database(file);
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(again.pragma('foreign_key_check')).toEqual([]);
    expect(again.prepare("SELECT count(*) FROM channel_identities WHERE channel = 'whatsapp'").pluck().get()).toBe(1);
    again.close();
  });
});
