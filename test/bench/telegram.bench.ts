// Telegram benchmark: from an update becoming available at the Bot API (the emulator's queue) to
// the message stored and pushed on the core's event bus, p50/p95, and sustained messages/s, beside
// a bare grammy bot (bot.start + a handler, nothing stored) receiving the same stream in the same run.
//   npx tsx test/bench/telegram.bench.ts [--paced 200] [--burst 2000]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Bot } from 'grammy';
import { createCore } from '../../src-main/core/app';
import { startTelegram, stopTelegram, TELEGRAM_TOKEN_SECRET } from '../../src-main/core/channels/telegram';
import { KeyFileCipher } from '../../src-main/core/security/secrets';
import { tempDataDir } from '../helpers/core';
import { startBotApiEmulator, testUser, type BotApiEmulator, type TestUser } from '../peers/telegram';
import { percentile } from './lib/stats';
import { renderTable } from './lib/table';
import type { BenchLine, Benchmark } from './lib/types';

interface Receiver {
  /** Resolves when every key in `keys` has been seen; `seenAt` holds when each was. */
  seenAt: Map<string, number>;
  stop(): Promise<void>;
}

type Start = (emulator: BotApiEmulator) => Promise<Receiver>;

/** The console: the real core and Telegram channel; "seen" = message.changed pushed for it. */
const startConsole: Start = async (emulator) => {
  const temp = tempDataDir('pst-tg-bench-');
  const core = createCore({ dataDir: temp.dir, host: 'browser', version: 'bench', cipher: new KeyFileCipher(join(temp.dir, 'secret.key')) });
  core.services.secrets.set(TELEGRAM_TOKEN_SECRET, emulator.token);
  const seenAt = new Map<string, number>();
  const externalOf = core.services.db.prepare('SELECT external_id AS x FROM messages WHERE id = ?');
  core.services.events.subscribe((event, payload) => {
    if (event !== 'message.changed') return;
    const row = externalOf.get((payload as { messageId: number }).messageId) as { x: string | null } | undefined;
    if (row?.x && !seenAt.has(row.x)) seenAt.set(row.x, performance.now());
  });
  const channel = startTelegram(core.services, { apiRoot: emulator.apiRoot, pollTimeoutSec: 25 });
  await core.start();
  return {
    seenAt,
    async stop() {
      await stopTelegram(core.services, channel);
      await core.close();
      temp.cleanup();
    },
  };
};

/** The floor: grammy's own long polling with a handler that only notes the time. */
const startBareGrammy: Start = async (emulator) => {
  const seenAt = new Map<string, number>();
  const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
  bot.on('message', (ctx) => {
    seenAt.set(`${ctx.chat.id}:${ctx.message.message_id}`, performance.now());
  });
  await new Promise<void>((resolve) => void bot.start({ onStart: () => resolve(), timeout: 25 }));
  return { seenAt, stop: () => bot.stop() };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitAll(receiver: Receiver, keys: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (keys.some((k) => !receiver.seenAt.has(k))) {
    if (Date.now() > deadline) throw new Error(`only ${keys.filter((k) => receiver.seenAt.has(k)).length}/${keys.length} messages arrived`);
    await sleep(5);
  }
}

interface Figures {
  p50: number;
  p95: number;
  perSecond: number;
}

/** Paced: `paced` messages at 25/s (latency). Burst: `burst` messages at once (throughput). */
async function measure(start: Start, paced: number, burst: number): Promise<Figures> {
  const emulator = await startBotApiEmulator();
  const receiver = await start(emulator);
  try {
    const users: TestUser[] = Array.from({ length: 40 }, () => testUser());
    const availableAt = new Map<string, number>();
    const send = (i: number, text: string) => {
      const user = users[i % users.length]!;
      const m = emulator.userSendsText(user, text);
      const key = `${user.id}:${m.message_id}`;
      availableAt.set(key, performance.now());
      return key;
    };
    // Warm-up: every user's first contact (new conversation, acknowledgement) is not measured.
    await waitAll(
      receiver,
      users.map((_, i) => send(i, 'Selamat pagi, saya perlu data')),
      30_000,
    );
    await sleep(500);

    const pacedKeys: string[] = [];
    for (let i = 0; i < paced; i++) {
      pacedKeys.push(send(i, `Pertanyaan nomor ${i}: data penduduk kecamatan ${i % 9}`));
      await sleep(40);
    }
    await waitAll(receiver, pacedKeys, 30_000);
    const latencies = pacedKeys.map((k) => receiver.seenAt.get(k)! - availableAt.get(k)!);

    const t0 = performance.now();
    const burstKeys = Array.from({ length: burst }, (_, i) => send(i, `Pesan beruntun ${i}`));
    await waitAll(receiver, burstKeys, 120_000);
    const elapsed = Math.max(...burstKeys.map((k) => receiver.seenAt.get(k)!)) - t0;
    return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), perSecond: (burst / elapsed) * 1000 };
  } finally {
    await receiver.stop();
    await emulator.close();
  }
}

/**
 * A document whose getFile always fails, then `burst` text messages from 40 other requesters: how
 * fast the messages behind the file get in (the file must not hold them back).
 */
async function measureStalledFile(start: Start, burst: number): Promise<number> {
  const emulator = await startBotApiEmulator();
  const receiver = await start(emulator);
  try {
    const users: TestUser[] = Array.from({ length: 40 }, () => testUser());
    const keyOf = (user: TestUser, id: number) => `${user.id}:${id}`;
    await waitAll(
      receiver,
      users.map((u) => keyOf(u, emulator.userSendsText(u, 'Selamat pagi, saya perlu data').message_id)),
      30_000,
    );
    await sleep(500);
    emulator.failNext('getFile', { status: 500, times: 1_000_000 });
    const sender = testUser();
    const t0 = performance.now();
    const file = emulator.userSendsDocument(sender, new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), { fileName: 'surat.pdf', caption: 'Surat pengantar' });
    const keys = [keyOf(sender, file.message_id)];
    for (let i = 0; i < burst; i++) {
      const user = users[i % users.length]!;
      keys.push(keyOf(user, emulator.userSendsText(user, `Pesan setelah berkas ${i}`).message_id));
    }
    await waitAll(receiver, keys, 120_000);
    const elapsed = Math.max(...keys.map((k) => receiver.seenAt.get(k)!)) - t0;
    return (keys.length / elapsed) * 1000;
  } finally {
    await receiver.stop();
    await emulator.close();
  }
}

export async function runTelegramBench(options: { paced?: number; burst?: number } = {}): Promise<BenchLine[]> {
  const paced = options.paced ?? 200;
  const burst = options.burst ?? 2000;
  const bare = await measure(startBareGrammy, paced, burst);
  const ours = await measure(startConsole, paced, burst);
  const stalledBurst = Math.min(burst, 500);
  const bareStalled = await measureStalledFile(startBareGrammy, stalledBurst);
  const oursStalled = await measureStalledFile(startConsole, stalledBurst);
  const round = (n: number) => Math.round(n * 10) / 10;
  return [
    {
      name: 'telegram update → stored + pushed, p50',
      value: round(ours.p50),
      unit: 'ms',
      baseline: round(bare.p50),
      ratio: ours.p50 / bare.p50,
      note: `${paced} messages at 25/s`,
    },
    {
      name: 'telegram update → stored + pushed, p95',
      value: round(ours.p95),
      unit: 'ms',
      baseline: round(bare.p95),
      target: 'p95 ≤ 1000 ms',
      pass: ours.p95 <= 1000,
      ratio: ours.p95 / bare.p95,
    },
    {
      name: 'telegram sustained ingest',
      value: round(ours.perSecond),
      unit: 'msg/s',
      baseline: round(bare.perSecond),
      target: '≥ 25 msg/s',
      pass: ours.perSecond >= 25,
      ratio: bare.perSecond / ours.perSecond,
      note: `burst of ${burst}`,
    },
    {
      name: 'telegram ingest behind a file that cannot be fetched',
      value: round(oursStalled),
      unit: 'msg/s',
      baseline: round(bareStalled),
      target: '≥ 25 msg/s',
      pass: oursStalled >= 25,
      ratio: bareStalled / oursStalled,
      note: `getFile answers 500 for the first message, then ${stalledBurst} messages from others; the bare bot downloads nothing`,
    },
  ];
}

export const telegramBench: Benchmark = {
  id: 'telegram',
  title: 'Telegram: update to stored + pushed, against bare grammy',
  run: () => runTelegramBench(),
};

// Standalone: npx tsx test/bench/telegram.bench.ts [--paced N] [--burst N]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const lines = await runTelegramBench({ paced: arg('paced'), burst: arg('burst') });
  console.log(renderTable(lines));
  process.exit(0);
}
