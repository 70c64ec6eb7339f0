// kill -9 during polling and ingest: the connector runs in a child process that is SIGKILLed at
// random moments while users keep writing; after the last restart every update is stored exactly
// once, and so is every reply the bot derived from it (no intake question twice).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/core/app';
import { startBotApiEmulator, testUser, type BotApiEmulator } from '../peers/telegram';
import { eventually, MONDAY_10_WITA, shiftedClock } from '../helpers/telegram';
import { tempDataDir } from '../helpers/core';
import { seededRandom } from '../helpers/seeded-random';
import { join } from 'node:path';

const fixture = fileURLToPath(new URL('./fixtures/telegram-connector.ts', import.meta.url));
// One esbuild bundle with its dependencies (only the native better-sqlite3 resolved from
// node_modules): under the tsx loader one start took 7–11 s on a loaded machine, the bundle ~2 s.
const bundle = fileURLToPath(new URL('../../node_modules/.cache/pst-telegram-crash/connector.mjs', import.meta.url));
const temp = tempDataDir('pst-tg-crash-');
let emulator: BotApiEmulator | null = null;
let child: ChildProcess | null = null;

beforeAll(async () => {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [fixture],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // node-fetch (under grammy) recognizes an AbortSignal by its class name: keep the names.
    keepNames: true,
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}, 60_000);

afterAll(async () => {
  child?.kill('SIGKILL');
  await emulator?.close();
  temp.cleanup();
});

function launch(env: Record<string, string>): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [bundle], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(proc);
    });
    proc.on('exit', (code, signal) => {
      // A self-kill at a crash point may come before "ready" was read; that is the point of it.
      if (signal === 'SIGKILL') resolve(proc);
      else reject(new Error(`fixture exited early (${code ?? signal}): ${err}`));
    });
  });
}

const kill = (proc: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });

describe('Telegram crash safety', () => {
  it('loses no update and stores none twice across repeated kill -9', async () => {
    const random = seededRandom('telegram-crash');
    const realStart = Date.now();
    const now = shiftedClock(MONDAY_10_WITA);
    emulator = await startBotApiEmulator({ now });
    const env = {
      PST_DATA_DIR: temp.dir,
      PST_TG_API_ROOT: emulator.apiRoot,
      PST_TG_TOKEN: emulator.token,
      PST_TG_START_MS: String(MONDAY_10_WITA),
      PST_TG_REAL_START_MS: String(realStart),
    };
    const users = Array.from({ length: 6 }, () => testUser());
    const answers = ['Halo, minta data', 'Nyoman Arta', 'Universitas Udayana'];
    const sent: string[] = [];
    let lastUpdateId = 0;
    const feed = (round: number) => {
      for (const user of users) {
        const m = emulator!.userSendsText(user, answers[round]!);
        sent.push(`${user.id}:${m.message_id}`);
      }
    };

    const rounds = answers.length;
    const selfKills: (string | null)[] = [];
    for (let round = 0; round < rounds; round++) {
      feed(round);
      const mode = ['in-transaction:2', 'after-commit:1', 'random'][round % 3]!;
      child = await launch({ ...env, PST_TG_CRASH: mode === 'random' ? '' : mode });
      if (mode === 'random') {
        // Somewhere between "still polling" and "in the middle of the batch"; PST_TEST_SEED=N replays it.
        await new Promise((r) => setTimeout(r, random.int(0, 249)));
        await kill(child);
      } else {
        const proc = child;
        selfKills.push(
          await new Promise<string | null>((resolve) => {
            if (proc.signalCode !== null || proc.exitCode !== null) return resolve(proc.signalCode);
            const timer = setTimeout(() => resolve('no crash'), 10_000);
            proc.once('exit', (_code, signal) => {
              clearTimeout(timer);
              resolve(signal);
            });
          }),
        );
        await kill(proc);
      }
    }
    // The deterministic crash points were really hit (the process killed itself there).
    expect(selfKills).toEqual(selfKills.map(() => 'SIGKILL'));
    lastUpdateId = rounds * users.length; // first update_id is 1 and ids are consecutive here

    // Last start: let it drain everything.
    child = await launch(env);
    const file = join(temp.dir, DATABASE_FILE);
    const read = () => new Database(file, { readonly: true, fileMustExist: true });
    await eventually(
      () => {
        const db = read();
        try {
          const row = db.prepare("SELECT value FROM channel_cursors WHERE channel = 'telegram'").get() as { value: string } | undefined;
          return row && JSON.parse(row.value).offset === lastUpdateId + 1;
        } finally {
          db.close();
        }
      },
      20_000,
      'all updates applied',
    );
    await eventually(() => emulator!.pendingUpdateCount() === 0, 5_000, 'updates confirmed');
    await kill(child);

    const db = read();
    const incoming = db.prepare("SELECT external_id FROM messages WHERE channel = 'telegram' AND direction = 'incoming'").all() as { external_id: string }[];
    expect(incoming.map((r) => r.external_id).sort()).toEqual([...sent].sort());
    // One conversation per user, one acknowledgement each, and exactly one intake question per message
    // (the first contact asks the name, each answer asks the next).
    const perConversation = db
      .prepare(
        `SELECT c.id, (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'incoming') AS incoming,
                (SELECT count(*) FROM outbox o JOIN messages m ON m.id = o.message_id WHERE m.conversation_id = c.id AND json_extract(o.payload, '$.kind') = 'ack') AS acks,
                (SELECT count(*) FROM outbox o JOIN messages m ON m.id = o.message_id WHERE m.conversation_id = c.id AND json_extract(o.payload, '$.purpose') LIKE 'intake:%') AS questions,
                c.status
           FROM conversations c`,
      )
      .all() as { id: number; incoming: number; acks: number; questions: number; status: string }[];
    expect(perConversation).toHaveLength(users.length);
    for (const c of perConversation) {
      expect(c).toMatchObject({ incoming: rounds, acks: 1, questions: rounds, status: 'new' });
    }
    db.close();
  }, 60_000);
});
