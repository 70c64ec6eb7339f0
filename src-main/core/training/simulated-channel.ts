import type { ChannelConnector, OutgoingItem, SendOutcome } from '../domain/connector';
import type { CoreServices } from '../services';

export type SimulatedChannelName = 'telegram' | 'email';

/** Told about every message the simulated channel "delivered", with the id it was given. */
export type DeliveryListener = (item: OutgoingItem, outcome: SendOutcome) => void;

/** The domain of the fake Message-IDs: `.invalid` is reserved (RFC 2606) and can never route. */
export const SIMULATED_MAIL_DOMAIN = 'pst-latihan.invalid';

/**
 * The connector of training mode: it accepts every outgoing message, "delivers" it on the spot
 * with a fake external id (Telegram `chat:message`, email Message-ID) and tells the simulated
 * requesters. No socket, no file, nothing leaves the process.
 */
export class SimulatedChannel implements ChannelConnector {
  private listeners: DeliveryListener[] = [];

  constructor(
    private readonly core: CoreServices,
    readonly channel: SimulatedChannelName,
  ) {}

  onDelivered(listener: DeliveryListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  async send(item: OutgoingItem): Promise<SendOutcome> {
    const outcome: SendOutcome = { externalId: this.externalIdFor(item), meta: { simulated: true } };
    for (const listener of this.listeners) {
      try {
        listener(item, outcome);
      } catch (error) {
        // A confused simulated person must not make a real send fail.
        console.error('[latihan] simulated requester failed', error);
      }
    }
    return outcome;
  }

  /** Nothing was really sent, so an item interrupted by a crash is simply sent again. */
  async reconcile(): Promise<{ state: 'not_delivered' }> {
    return { state: 'not_delivered' };
  }

  private externalIdFor(item: OutgoingItem): string {
    if (this.channel === 'email') return `<latihan.${item.messageId}.${item.attempt}@${SIMULATED_MAIL_DOMAIN}>`;
    const chat = this.core.db
      .prepare('SELECT ci.source_id AS chat FROM conversations c JOIN channel_identities ci ON ci.id = c.channel_identity_id WHERE c.id = ?')
      .get(item.conversationId) as { chat: string } | undefined;
    // Bot messages get ids far above the requester's own in the same chat.
    return `${chat?.chat ?? '0'}:${900_000 + item.messageId}`;
  }
}
