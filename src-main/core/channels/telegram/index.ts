import type { CoreServices } from '../../services';
import { TelegramChannel, type TelegramOptions } from './channel';

export { TelegramChannel, TELEGRAM_TOKEN_SECRET, DEFAULT_API_ROOT, type TelegramOptions } from './channel';

/** The running Telegram channel of a core (the API handlers' way to its status and restart). */
export function telegramChannelOf(core: CoreServices): TelegramChannel | undefined {
  const running = core.channels.get('telegram');
  return running instanceof TelegramChannel ? running : undefined;
}

/**
 * Creates the Telegram channel, registers its sender with the outbox and starts polling (when a
 * token is stored; otherwise its status says "disabled" until telegram.saveSettings sets one).
 * Call before core.start() so the outbox's crash recovery can reconcile Telegram items.
 */
export function startTelegram(core: CoreServices, options: TelegramOptions = {}): TelegramChannel {
  const channel = new TelegramChannel(core, options);
  core.channels.set('telegram', channel);
  core.connectors.set('telegram', channel.sender);
  channel.start();
  return channel;
}

export async function stopTelegram(core: CoreServices, channel: TelegramChannel): Promise<void> {
  await channel.stop();
  if (core.channels.get('telegram') === channel) {
    core.channels.delete('telegram');
    if (core.connectors.get('telegram') === channel.sender) core.connectors.delete('telegram');
  }
}
