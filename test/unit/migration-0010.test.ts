import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/store/migrate';
import { migrations } from '../../src-main/core/store/migrations';

describe('migration 0010 mail-identity', () => {
  it('adds requester_hints and the inline and damaged flags of attachments, existing attachments neither', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 9);
    db.prepare('INSERT INTO requesters (id, created_at, updated_at) VALUES (1, 1, 1)').run();
    db.prepare(
      "INSERT INTO conversations (id, ticket, requester_id, channel, status, last_message_preview, last_message_at, created_at, updated_at) VALUES (1, 'KONS-5108-20261201-0001', 1, 'email', 'new', '', 1, 1, 1)",
    ).run();
    db.prepare("INSERT INTO messages (id, conversation_id, direction, channel, body_text, created_at) VALUES (1, 1, 'incoming', 'email', 'x', 1)").run();
    db.prepare("INSERT INTO attachments (message_id, sha256, file_name, mime_type, size, created_at) VALUES (1, ?, 'a.pdf', 'application/pdf', 1, 1)").run(
      'a'.repeat(64),
    );
    expect(migrate(db, migrations, 10)).toBe(10);
    expect(db.prepare('SELECT inline, damaged FROM attachments').all()).toEqual([{ inline: 0, damaged: 0 }]);
    expect(() => db.prepare('UPDATE attachments SET inline = 2').run()).toThrow(/CHECK/);

    const hint = db.prepare('INSERT INTO requester_hints (requester_id, message_id, field, value, source, state, created_at) VALUES (1, 1, ?, ?, ?, ?, 1)');
    hint.run('name', 'Ni Luh Putu Sari', 'form', 'applied');
    hint.run('institution', 'Universitas Pendidikan Ganesha', 'signature', 'pending');
    hint.run('need', 'Permohonan data IPM: mohon data IPM 2024', 'first_message', 'pending');
    expect(() => hint.run('name', 'Ni Luh Putu Sari', 'signature', 'pending')).toThrow(/UNIQUE/);
    expect(() => hint.run('hobby', 'x', 'form', 'pending')).toThrow(/CHECK/);
    expect(() => hint.run('name', 'x', 'guess', 'pending')).toThrow(/CHECK/);
    expect(() => hint.run('name', '', 'form', 'pending')).toThrow(/CHECK/);
    expect(db.prepare("SELECT field, state FROM requester_hints WHERE requester_id = 1 AND state <> 'dismissed' ORDER BY id").all()).toEqual([
      { field: 'name', state: 'applied' },
      { field: 'institution', state: 'pending' },
      { field: 'need', state: 'pending' },
    ]);
  });
});
