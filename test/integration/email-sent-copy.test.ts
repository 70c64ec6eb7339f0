// Regression (found by the fault-injection soak, test/faults): after a kill -9 that came between
// the SMTP server's 250 and the Sent-folder copy, the restart ran the outbox's reconcile and the
// channel's appendMissing() at the same time; both looked in Sent, found nothing, and both
// appended: the office's Sent folder held the mail twice. The same race exists between send()
// and appendMissing() after a reconnect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEmailAccount } from '../../src-main/core/channels/email/config';
import { EmailSender } from '../../src-main/core/channels/email/send';
import { ingest } from '../../src-main/core/inbound/ingest';
import { enqueueOutgoing } from '../../src-main/core/outbox/outbox';
import { requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail';
import { withImap } from '../peers/mail/imap-util';
import { accountInput, CITIZEN, OFFICE, startFastCore } from './fixtures/email-env';

const available = requireMailPeers('email-sent-copy');

describe.skipIf(!available)('Sent-folder copy after a crash', () => {
  let peers: MailPeers;
  beforeAll(async () => {
    peers = await startMailPeers();
  });
  afterAll(async () => {
    await peers?.close();
  });

  const copiesInSent = (messageId: string) =>
    withImap(peers.imapConfig(OFFICE), async (client) => {
      const lock = await client.getMailboxLock('Sent');
      try {
        const hits = await client.search({ header: { 'message-id': messageId } }, { uid: true });
        return Array.isArray(hits) ? hits.length : 0;
      } finally {
        lock.release();
      }
    });

  it('reconcile and appendMissing running together put the accepted mail into Sent once', async () => {
    const core = await startFastCore();
    try {
      await core.must('email.saveAccount', { ...accountInput(peers), enabled: false });
      const asked = ingest(core.services, {
        channel: 'email',
        externalId: '<ask.sent-once@citizen.test>',
        sourceId: CITIZEN,
        receivedAt: Date.now(),
        text: 'Pertanyaan',
        subject: 'Pertanyaan',
        thread: { mode: 'explicit' },
      });
      const messageId = enqueueOutgoing(core.services, {
        conversationId: asked.conversationId,
        channel: 'email',
        officerId: null,
        payload: { kind: 'reply', text: 'Jawaban' },
      });
      // The state a kill -9 leaves after the SMTP 250 was recorded and before the Sent copy: 'sending', accepted, not appended.
      const header = `<pst.${messageId}.sentonce@example.test>`;
      core.services.db
        .prepare('INSERT INTO email_messages (message_id, header_message_id, smtp_started_at, smtp_accepted_at, smtp_response) VALUES (?, ?, ?, ?, ?)')
        .run(messageId, header, Date.now(), Date.now(), '250 OK');
      const outbox = core.services.db
        .prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE message_id = ? RETURNING id, payload")
        .get(messageId) as { id: number; payload: string };

      const sender = new EmailSender(core.services, readEmailAccount(core.services)!);
      const item = {
        outboxId: outbox.id,
        messageId,
        conversationId: asked.conversationId,
        channel: 'email' as const,
        attempt: 1,
        payload: JSON.parse(outbox.payload),
      };
      // What a restart does: the outbox's crash recovery and the channel's "connected" hook, concurrently.
      const [verdict] = await Promise.all([sender.reconcile(item), sender.appendMissing()]);

      expect(verdict.state).toBe('delivered');
      expect(await copiesInSent(header)).toBe(1);
      expect(core.services.db.prepare('SELECT sent_appended_at FROM email_messages WHERE message_id = ?').pluck().get(messageId)).not.toBeNull();
      // Later calls find it recorded and leave Sent alone.
      await sender.appendMissing();
      expect(await copiesInSent(header)).toBe(1);
    } finally {
      await core.dispose();
    }
  });
});
