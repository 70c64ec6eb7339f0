import type { CoreServices } from '../services';
import { EmailChannel, registerEmailChannel, unregisterEmailChannel, type EmailChannelOptions } from './email/channel';
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
export async function startChannels(core: CoreServices, options: { email?: EmailChannelOptions; telegram?: TelegramOptions } = {}): Promise<RunningChannels> {
  const email = new EmailChannel(core, options.email);
  registerEmailChannel(core, email);
  await email.start();
  const telegram = startTelegram(core, options.telegram);
  return {
    email,
    telegram,
    async stop() {
      await stopTelegram(core, telegram);
      await email.stop();
      unregisterEmailChannel(core, email);
    },
  };
}
