import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src-main/core/domain/file-name';
import { ingest } from '../../src-main/core/inbound/ingest';
import { startTestCore } from '../helpers/core';

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\evil.exe', 'evil.exe'],
    ['C:\\Users\\x\\tabel.xlsx', 'tabel.xlsx'],
    ['<img src=x onerror=alert(1)>.pdf', '_img src=x onerror=alert(1)_.pdf'],
    ['laporan\u0000.pdf\u0007', 'laporan_.pdf_'],
    ['gambar\u202Egpj.exe', 'gambar_gpj.exe'],
    ['tabel\u0085\u200Fdata.pdf', 'tabel__data.pdf'],
    ['...', 'lampiran'],
    ['', 'lampiran'],
    ['/', 'lampiran'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['.bashrc', 'bashrc'],
    ['data BPS. ', 'data BPS'],
    ['Tabel Penduduk Buleleng 2024.pdf', 'Tabel Penduduk Buleleng 2024.pdf'],
  ])('%j → %j', (raw, safe) => {
    expect(safeFileName(raw)).toBe(safe);
  });

  it('keeps the extension of a very long name within 200 characters', () => {
    const name = safeFileName(`${'a'.repeat(500)}.xlsx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('never yields a path, a reserved character or an empty name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const name = safeFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(200);
        // eslint-disable-next-line no-control-regex
        expect(name).not.toMatch(/[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e]/);
        expect(name.startsWith('.')).toBe(false);
        expect(name).not.toBe('..');
      }),
      { numRuns: 500 },
    );
  });
});

describe('ingest stores attachment names safely', () => {
  it('a Telegram file named with a path is stored under its last segment, its bytes under their hash', async () => {
    const core = startTestCore();
    try {
      const result = ingest(core.services, {
        channel: 'telegram',
        externalId: '1:1',
        sourceId: '1',
        displayName: 'Komang',
        receivedAt: Date.now(),
        text: 'berkas',
        attachments: [{ fileName: '../../../../tmp/pwned.sh', mimeType: 'text/plain', content: Buffer.from('echo hi') }],
        requester: { name: 'Komang', telegramUserId: '1' },
        thread: { mode: 'identity' },
      });
      const row = core.services.db.prepare('SELECT file_name, sha256 FROM attachments WHERE message_id = ?').get(result.messageId) as {
        file_name: string;
        sha256: string;
      };
      expect(row.file_name).toBe('pwned.sh');
      expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await core.dispose();
    }
  });
});
