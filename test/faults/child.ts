/**
 * One console core with BOTH channels, for the fault-injection driver: the real createCore(), the
 * real startChannels() (email on Dovecot + the SMTP peer, Telegram on the Bot API emulator) and
 * the real outbox, started the way the hosts start them. It is SIGKILLed at random moments and
 * started again on the same data dir. Officer replies arrive as "reply <marker>" lines on stdin
 * and go through the contract (messages.send) to a random conversation.
 *
 *   PST_FAULTS_DATA_DIR=<dir> PST_FAULTS_TG_API_ROOT=<url> node <bundle of this file>
 *
 * With PST_FAULTS_SETUP=<json SetupInput> it prepares the data dir instead (first admin, the
 * office mail account, the bot token), prints "setup" and exits: the driver stays free of the core.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Input, Method, Output } from '../../src-preload/contract';
import { createCore } from '../../src-main/core/app';
import type { SessionSlot } from '../../src-main/core/api/define';
import { startChannels } from '../../src-main/core/channels';
import { TELEGRAM_TOKEN_SECRET } from '../../src-main/core/channels/telegram';
import { KeyFileCipher } from '../../src-main/core/security/secrets';
import { seededRandom } from '../helpers/seeded-random';
import { ENV, OFFICER, replyText, type SetupInput } from './protocol';

const dataDir = process.env[ENV.dataDir];
const apiRoot = process.env[ENV.apiRoot];
if (!dataDir || !apiRoot) throw new Error(`usage: ${ENV.dataDir}=<dir> ${ENV.apiRoot}=<url> node child`);

const say = (line: string): void => void process.stdout.write(`${line}\n`);

const core = createCore({
  dataDir,
  host: 'browser',
  version: '0.0.0-faults',
  cipher: new KeyFileCipher(join(dataDir, 'secret.key')),
  // Retries in milliseconds: a run of a few hundred restarts must drain what it sends.
  outbox: { baseDelayMs: 50, maxDelayMs: 400, maxAttempts: 10, pollMs: 100 },
});
say('open');

let token: string | null = null;
const tokenFile = join(dataDir, 'faults-session.token');
const session: SessionSlot = { get: () => token, set: (t) => (token = t) };
const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
  const result = await core.dispatch(method, input, session);
  if (!result.ok) throw new Error(`${method}: ${result.error.kind}: ${result.error.message}`);
  return result.value as Output<M>;
};

/** Prepares the data dir: first admin, the office mail account, the bot token. */
async function setUp(input: SetupInput): Promise<void> {
  await call('auth.setupAdmin', OFFICER);
  await call('email.saveAccount', input.account);
  core.services.secrets.set(TELEGRAM_TOKEN_SECRET, input.telegramToken);
  writeFileSync(tokenFile, token ?? '');
  await core.close();
  say('setup');
  process.exit(0);
}

async function run(): Promise<void> {
  // The officer's session outlives a restart of the core, as the browser keeps its cookie; logging
  // in anew (scrypt, about 100 ms idle and up to a second on a loaded machine) only when it does not.
  token = existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8') || null : null;
  if (!(await core.dispatch('inbox.unreadCount', {}, session)).ok) {
    await call('auth.login', { username: OFFICER.username, password: OFFICER.password });
    writeFileSync(tokenFile, token ?? '');
  }
  // Runs until the driver kills this process.
  await startChannels(core.services, {
    // Small batches: a kill lands between batches as often as inside one.
    email: { idleDelayMs: 50, retryBaseMs: 100, retryMaxMs: 500, pollMs: 60_000, batchSize: 10 },
    telegram: {
      apiRoot,
      pollTimeoutSec: 1,
      backoffMs: { initial: 50, max: 300 },
      limits: { perChatBurst: 1000, perChatPerSecond: 1000, globalPerSecond: 1000 },
    },
  });
  await core.start();
  say('ready');
  // One request at a time, in order: the officer clicks "Kirim", waits, clicks again.
  let queue = Promise.resolve();
  createInterface({ input: process.stdin }).on('line', (line) => {
    const [word, marker] = line.trim().split(' ');
    if (word !== 'reply' || !marker) return;
    queue = queue.then(() => reply(marker)).catch((error: unknown) => say(`error ${marker} ${String(error)}`));
  });
}

// Seeded by the driver (PST_TEST_SEED per start), so the run's seed replays these picks too.
const random = seededRandom('fault-child');
const conversations = core.services.db.prepare("SELECT id FROM conversations WHERE channel IN ('email', 'telegram')").pluck();

async function reply(marker: string): Promise<void> {
  const ids = conversations.all() as number[];
  const conversationId = random.pick(ids);
  if (conversationId === undefined) return say(`skipped ${marker} no-conversation`);
  const message = await call('messages.send', { conversationId, text: replyText(marker) });
  say(`enqueued ${marker} ${message.id} ${conversationId} ${message.channel}`);
}

const setup = process.env[ENV.setup];
// A function, not top-level await: the bundle is CommonJS so that V8 can cache its compiled code.
void (setup ? setUp(JSON.parse(setup) as SetupInput) : run()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
