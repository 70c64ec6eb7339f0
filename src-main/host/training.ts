import type { BootedConsole } from '../core/boot';
import { isSeeded, trainingDataDir, type RunningTraining, type TrainingOptions } from '../core/training/index';

/**
 * Training mode as both hosts start it. PST_TRAINING=1: simulated channels and requesters on the
 * training data dir (the MODE LATIHAN banner). PST_DEMO=1 (`npm run demo`) adds, on first start,
 * months of seeded history and the demo login, and new consultations arriving while it runs.
 * PST_TRAINING_PACE (default 1; 0.1 = ten times faster) and PST_TRAINING_CONVERSATIONS tune it.
 */
export interface TrainingFlags {
  training: boolean;
  demo: boolean;
  pace: number;
  conversations: number | undefined;
}

export function trainingFlags(env: NodeJS.ProcessEnv = process.env): TrainingFlags {
  const demo = env.PST_DEMO === '1';
  const pace = Number(env.PST_TRAINING_PACE ?? '1');
  const conversations = env.PST_TRAINING_CONVERSATIONS ? Number(env.PST_TRAINING_CONVERSATIONS) : undefined;
  if (!(pace > 0 && pace <= 100)) throw new Error(`PST_TRAINING_PACE tidak valid: "${env.PST_TRAINING_PACE}" (0 < pace ≤ 100)`);
  if (conversations !== undefined && !(Number.isInteger(conversations) && conversations >= 10 && conversations <= 5000)) {
    throw new Error(`PST_TRAINING_CONVERSATIONS tidak valid: "${env.PST_TRAINING_CONVERSATIONS}" (10–5000)`);
  }
  return { training: demo || env.PST_TRAINING === '1', demo, pace, conversations };
}

/** The data dir of this start: training mode never opens the real one unless PST_DATA_DIR says so. */
export const trainingDir = (): string => trainingDataDir();

/** What bootConsole() starts in training mode for these flags. */
export function trainingOptions(flags: TrainingFlags): TrainingOptions {
  return { demo: flags.demo, pace: flags.pace, ...(flags.conversations ? { conversations: flags.conversations } : {}) };
}

/** Before start(): the first demo start seeds months of history, which takes a few seconds. */
export function announceSeeding(booted: BootedConsole, flags: TrainingFlags): void {
  if (flags.demo && !isSeeded(booted.core.services))
    console.error('[latihan] menyiapkan data latihan untuk pertama kali (beberapa detik) / seeding the training history…');
}

/** What `npm run demo` prints after the URL line. */
export function trainingLines(training: RunningTraining, dataDir: string): string[] {
  const lines = [
    `MODE LATIHAN (training mode): data latihan di ${dataDir} — kanal Telegram dan email disimulasikan, tidak ada pesan yang keluar dari komputer ini`,
  ];
  if (training.login) lines.push(`Masuk dengan / log in with: nama pengguna "${training.login.username}", kata sandi "${training.login.password}"`);
  return lines;
}
