import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootConsole, type BootedConsole } from '../../src-main/core/boot';
import { EmailChannel } from '../../src-main/core/channels/email/channel';
import { TelegramChannel } from '../../src-main/core/channels/telegram';
import { KeyFileCipher } from '../../src-main/core/security/secrets';
import { HOST_LOCK_STALE_MS } from '../../src-main/core/store/host-lock';
import { tempDataDir } from '../helpers/temp';

// Two consoles on one data folder (the database on a network share, or the app started twice):
// only one may poll the bot and the mailbox.
describe('host lock', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function twoConsolesOnOneFolder(retryMs?: number): [() => BootedConsole, string] {
    const temp = tempDataDir();
    cleanups.push(temp.cleanup);
    const boot = () => {
      const booted = bootConsole({
        dataDir: temp.dir,
        host: 'browser',
        version: '0.0.0-test',
        cipher: new KeyFileCipher(join(temp.dir, 'secret.key')),
        hostLockRetryMs: retryMs,
      });
      cleanups.push(() => booted.stop());
      return booted;
    };
    return [boot, temp.dir];
  }

  it('lets the first console run the connectors and makes the second say which PC runs them', async () => {
    const [boot] = twoConsolesOnOneFolder();
    const first = boot();
    await first.start();
    expect(first.hostLock).toEqual({ taken: true });
    expect(first.core.services.channels.get('telegram')).toBeInstanceOf(TelegramChannel);

    const second = boot();
    await second.start();
    expect(second.hostLock?.taken).toBe(false);
    // No connector of its own: nothing polls the bot or the mailbox from here.
    expect(second.core.services.channels.get('telegram')).not.toBeInstanceOf(TelegramChannel);
    expect(second.core.services.channels.get('email')).not.toBeInstanceOf(EmailChannel);
    expect(second.core.services.connectors.size).toBe(0);
    // The officer there reads why, through the same status call as any channel problem.
    const telegram = second.core.services.channels.get('telegram')!.status()!;
    expect(telegram.state).toBe('disabled');
    expect(telegram.detail[0]).toMatchObject({ code: 'channel.host_locked', params: { pid: process.pid } });
    expect(second.core.services.channels.get('email')!.status()!.detail[0]!.code).toBe('channel.host_locked');
  });

  it('takes over a stale lock (the other PC stopped without releasing it)', async () => {
    const [boot] = twoConsolesOnOneFolder();
    const first = boot();
    await first.start();
    // The first console's PC lost power: its row stays, its heartbeat grows old.
    first.core.services.db.prepare('UPDATE host_lock SET heartbeat_at = ?, hostname = ?').run(Date.now() - HOST_LOCK_STALE_MS - 1000, 'PC-MATI');

    const second = boot();
    await second.start();
    expect(second.hostLock).toEqual({ taken: true });
    expect(second.core.services.channels.get('telegram')).toBeInstanceOf(TelegramChannel);
  });

  it('starts the connectors on the second console once the first one closes', async () => {
    const [boot] = twoConsolesOnOneFolder(50);
    const first = boot();
    await first.start();
    const second = boot();
    await second.start();
    expect(second.hostLock?.taken).toBe(false);

    await first.stop();
    const deadline = Date.now() + 5000;
    while (!(second.core.services.channels.get('telegram') instanceof TelegramChannel) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(second.hostLock).toEqual({ taken: true });
    expect(second.core.services.channels.get('telegram')).toBeInstanceOf(TelegramChannel);
    expect(second.core.services.channels.get('email')).toBeInstanceOf(EmailChannel);
  });
});
