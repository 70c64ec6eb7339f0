import { wordCoreMessage } from '../../src-common/messages';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootConsole, type BootedConsole } from '../core/boot';
import { NewerDatabaseError } from '../core/store/migrate';
import { defaultDataDir } from '../core/paths';
import { KeyFileCipher } from '../core/security/secrets';
import { startBrowserHost } from './host';
import { MAIL_PARSE_WORKER_FILE } from '../electron/layout';
import { startLanHost } from './lan';
import { announceSeeding, trainingDir, trainingFlags, trainingLines, trainingOptions } from '../host/training';

// Built to out/main/server.js: the app root is two levels up, the renderer in out/renderer.
const here = dirname(fileURLToPath(import.meta.url));
const appRoot = resolve(here, '..', '..');

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PST_PORT tidak valid: "${value}" (harus 0–65535) / invalid PST_PORT`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const training = trainingFlags();
  const dataDir = training.training ? trainingDir() : defaultDataDir();
  const port = parsePort(process.env.PST_PORT);
  let booted: BootedConsole;
  try {
    booted = bootConsole({
      dataDir,
      host: 'browser',
      version: readVersion(),
      cipher: new KeyFileCipher(join(dataDir, 'secret.key')),
      trainingMode: training.training,
      training: trainingOptions(training),
      // PST_TELEGRAM_API_ROOT points the bot at another Bot API server (the tests' emulator).
      // PST_BPS_API_ROOT points the Data BPS panel at another WebAPI server (the tests' emulator).
      bpsData: process.env.PST_BPS_API_ROOT ? { apiRoot: process.env.PST_BPS_API_ROOT } : undefined,
      channels: {
        telegram: process.env.PST_TELEGRAM_API_ROOT ? { apiRoot: process.env.PST_TELEGRAM_API_ROOT } : {},
        email: { parseWorker: { filename: join(here, MAIL_PARSE_WORKER_FILE) } },
      },
    });
  } catch (error) {
    if (error instanceof NewerDatabaseError) {
      console.error(`${wordCoreMessage('id', error.reason)}\n${wordCoreMessage('en', error.reason)}`);
      process.exit(3);
    }
    throw error;
  }
  announceSeeding(booted, training);
  await booted.start();
  const rendererDir = process.env.PST_RENDERER_DIR ?? join(appRoot, 'out', 'renderer');
  const host = await startBrowserHost({ core: booted.core, rendererDir, port });
  // The one line a person (and the e2e tests) read: where to open the console.
  console.log(`PST Console: ${host.url}`);
  // The other PCs of the office, when the admin has switched that on (Pengaturan › Beberapa PC).
  const lan = startLanHost({ core: booted.core, rendererDir });
  await lan.apply();
  for (const url of lan.urls()) console.log(`PST Console (PC lain / other PCs): ${url}`);
  if (booted.training) for (const line of trainingLines(booted.training, dataDir)) console.log(line);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await lan.close();
    await host.close();
    await booted.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error('PST Console gagal dimulai / failed to start:', error);
  process.exit(1);
});
