import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import { anonymiseRequesters } from '../../src-main/core/privacy/anonymise';
import { scrubDatabaseFiles } from '../../src-main/core/privacy/scrub';
import { startCoreWithAdmin, type TestCore } from '../helpers/core';

/**
 * A database too large to rebuild after each erase keeps its pages; what protects it then is
 * secure_delete (always on), which zeroes deleted and overwritten cells, and the TRUNCATE
 * checkpoint, which empties the WAL's old page images.
 */
describe('erase without VACUUM: secure_delete and the checkpoint alone', () => {
  let core: TestCore;
  afterEach(async () => core?.dispose());

  const fileText = (name: string) => {
    try {
      return readFileSync(join(core.dir, name)).toString('latin1').toLowerCase();
    } catch {
      return '';
    }
  };

  it('leaves no earlier or current value of the erased fields in the main file or the WAL', async () => {
    core = await startCoreWithAdmin();
    const mail = ingest(core.services, {
      channel: 'email',
      externalId: '<needle-1@example.test>',
      sourceId: 'gravemoor.ketut@example.test',
      displayName: 'Ketut Gravemoor',
      receivedAt: Date.now(),
      subject: 'Data Pellucidar',
      text: 'Mohon data Pellucidar kecamatan Sukasada',
      thread: { mode: 'explicit' },
    });
    await core.must('conversations.updateRequirements', { id: mail.conversationId, requester: { name: 'Ketut Gravemoor Lama', whatsapp: '081299990417' } });
    await core.must('conversations.updateRequirements', { id: mail.conversationId, requester: { name: 'Ketut Gravemoor', whatsapp: '081299990583' } });
    // Everything reaches the main file first, so the needles are in pages that the erase rewrites.
    core.services.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const needle of ['gravemoor', 'pellucidar', '81299990417', '81299990583']) expect(fileText('pst-console.sqlite3'), needle).toContain(needle);

    const requesterId = (core.services.db.prepare('SELECT requester_id FROM conversations WHERE id = ?').pluck().get(mail.conversationId) as number) ?? 0;
    core.services.db.transaction(() => anonymiseRequesters(core.services, [requesterId]))();
    const result = scrubDatabaseFiles(core.services, { vacuumLimitBytes: 0 });
    expect(result).toMatchObject({ vacuumed: false, walTruncated: true });

    for (const needle of ['gravemoor', 'pellucidar', '81299990417', '81299990583']) {
      expect(fileText('pst-console.sqlite3'), needle).not.toContain(needle);
      expect(fileText('pst-console.sqlite3-wal'), needle).not.toContain(needle);
    }
  });
});
