import type { CoreServices } from '../services';
import { EmailChannel, type EmailChannelOptions } from './email/channel';
import { startTelegram, stopTelegram, type TelegramChannel, type TelegramOptions } from './telegram';

export interface RunningChannels {
  email: EmailChannel;
  telegram: TelegramChannel;
  /** Stops every connector; call before core.close(). */
  stop(): Promise<void>;
}

/**
 * Starts the channel connectors from the stored settings and registers them with the outbox.
 * Hosts call it after createCore() and BEFORE core.start(), so the outbox's crash recovery can
 * ask the email connector about mails that were being sent:
 *
 *   const channels = await startChannels(core.services);
 *   await core.start();
 *   …
 *   await channels.stop(); await core.close();
 */
export interface ChannelOptions {
  email?: EmailChannelOptions;
  telegram?: TelegramOptions;
}

export async function startChannels(core: CoreServices, options: ChannelOptions = {}): Promise<RunningChannels> {
  const email = new EmailChannel(core, options.email);
  core.channels.set('email', email);
  await email.start();
  const telegram = startTelegram(core, options.telegram);
  return {
    email,
    telegram,
    async stop() {
      await stopTelegram(core, telegram);
      await email.stop();
      if (core.channels.get('email') === email) core.channels.delete('email');
    },
  };
}
