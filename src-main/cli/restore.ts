/**
 * Offline restore of a PST Console backup into an EMPTY data folder:
 *
 *   npm run restore -- --from "E:\Cadangan PST\PST-Backup-20261127-1545" --data-dir "C:\Users\pst\AppData\Roaming\PST Console"
 *
 * Stop the console first and rename the old data folder (never restore over live data). Every file
 * is checked against the backup's manifest (sha256) before anything is copied; a damaged backup
 * or one from a newer version is refused. Exit 0 when restored; 2 on a bad argument; 1 when refused
 * or failed (the target folder is left empty). Messages: Indonesian, then English.
 */
import { wordCoreMessage } from '../../src-common/messages';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { witaText } from '../core/calendar/wita-text';
import { restoreBackup, RestoreError } from '../core/backup/restore';
import { defaultDataDir } from '../core/paths';

const USAGE = `Pemakaian / usage:
  npm run restore -- --from <folder PST-Backup-…> [--data-dir DIR]
  --from      folder cadangan / the backup folder (PST-Backup-YYYYMMDD-HHmm)
  --data-dir  folder data baru yang kosong / a new, empty data folder (default: ${defaultDataDir()})
  Hentikan konsol dan ganti nama folder data lama terlebih dahulu. / Stop the console and rename the old data folder first.`;

export async function runRestoreCli(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let from: string;
  let dataDir: string;
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { from: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      err(USAGE);
      return 0;
    }
    if (!values.from) throw new Error('--from wajib diisi / --from is required');
    from = resolve(values.from);
    dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  } catch (error) {
    err(`Argumen tidak valid / invalid argument: ${(error as Error).message}`);
    err(USAGE);
    return 2;
  }
  err(`Memeriksa cadangan / checking the backup: ${from}`);
  try {
    const result = await restoreBackup(from, dataDir);
    const m = result.manifest;
    const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
    err(
      `Cadangan ${m.createdAtWita} (PST Console ${m.appVersion}, skema ${m.schemaVersion}) dipulihkan / restored: ${result.filesCopied} berkas/files, ${rows} baris/rows.`,
    );
    if (m.missingAttachments.length > 0) {
      err(`Perhatian: ${m.missingAttachments.length} lampiran sudah tidak ada saat pencadangan / attachments already missing when the backup ran.`);
    }
    err(
      'Token bot Telegram dan kata sandi email TIDAK ikut dicadangkan (kunci enkripsinya tetap di PC lama). Setelah konsol dijalankan, ' +
        'masukkan kembali di Pengaturan › Kanal. / The Telegram bot token and email password are not in backups (their key stays on the old PC): enter them again in Settings › Channels.',
    );
    if (result.removedSecrets.length > 0) err(`Rahasia yang perlu diisi ulang / secrets to enter again: ${result.removedSecrets.join(', ')}`);
    err(
      `Dicadangkan pada / backed up at ${witaText(m.createdAt)}. Email sesudahnya diambil ulang dari kotak surat; pesan Telegram sesudahnya tidak dapat diambil ulang. / ` +
        'Later email is fetched again from the mailbox; later Telegram messages cannot be fetched again.',
    );
    out(dataDir);
    return 0;
  } catch (error) {
    if (error instanceof RestoreError) {
      err(`${wordCoreMessage('id', error.reason)}\n${wordCoreMessage('en', error.reason)}`);
      return 1;
    }
    err(`Pemulihan gagal / the restore failed: ${(error as Error).stack}`);
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  runRestoreCli(
    process.argv.slice(2),
    (l) => console.log(l),
    (l) => console.error(l),
  ).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
