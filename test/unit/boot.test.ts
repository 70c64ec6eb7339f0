import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootConsole, type BootedConsole } from '../../src-main/core/boot';
import { EmailChannel } from '../../src-main/core/channels/email/channel';
import { TelegramChannel } from '../../src-main/core/channels/telegram';
import { KeyFileCipher } from '../../src-main/core/security/secrets';
import { SimulatedChannel } from '../../src-main/core/training';
import { tempDataDir } from '../helpers/temp';

// Both hosts (the Electron shell and the browser host) start and stop through bootConsole().
describe('bootConsole', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function boot(trainingMode: boolean): BootedConsole {
    const temp = tempDataDir();
    const booted = bootConsole({
      dataDir: temp.dir,
      host: 'browser',
      version: '0.0.0-test',
      cipher: new KeyFileCipher(join(temp.dir, 'secret.key')),
      trainingMode,
      training: { arrivals: false },
    });
    cleanups.push(temp.cleanup, () => booted.stop());
    return booted;
  }

  it('starts the real channels on the core services before the outbox, and stops them all', async () => {
    const booted = boot(false);
    // Opening the database happens at once: a host can show a NewerDatabaseError before anything runs.
    expect(booted.core.services.db.open).toBe(true);
    expect(booted.core.services.channels.size).toBe(0);
    await booted.start();
    const { channels } = booted.core.services;
    expect(channels.get('telegram')).toBeInstanceOf(TelegramChannel);
    expect(channels.get('email')).toBeInstanceOf(EmailChannel);
    // Without a token or an account both say so instead of failing.
    expect(channels.get('telegram')!.status()?.state).toBe('disabled');
    expect(channels.get('email')!.status()?.state).toBe('disabled');
    expect(booted.training).toBeNull();
    await booted.stop();
    expect(booted.core.services.channels.size).toBe(0);
    expect(booted.core.services.db.open).toBe(false);
    // A second stop (a signal during shutdown) is harmless.
    await booted.stop();
  });

  it('starts simulated channels in training mode and never a real one', async () => {
    const booted = boot(true);
    await booted.start();
    expect(booted.training).not.toBeNull();
    expect(booted.core.services.channels.size).toBe(0);
    expect(booted.core.services.connectors.get('telegram')).toBeInstanceOf(SimulatedChannel);
    expect(booted.core.services.connectors.get('email')).toBeInstanceOf(SimulatedChannel);
    await booted.stop();
    expect(booted.core.services.connectors.size).toBe(0);
  });
});
