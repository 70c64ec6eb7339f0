// The fault-injection harness (test/faults) in short: the console with both channels against the
// real peers, SIGKILLed at random moments during sync, polling, ingest and sending and started
// again, ~9 times; then nothing lost, nothing twice, and the database intact after every kill.
// `npm run soak` runs the same driver for 200 cycles.
import { describe, expect, it } from 'vitest';
import { requireMailPeers } from '../peers/mail';
import { runFaultInjection } from '../faults/driver';

const available = requireMailPeers('faults-short');

describe.skipIf(!available)('fault injection (short)', () => {
  it('after 9 kill -9 cycles on both channels: every inbound message stored once, no reply lost or sent twice, integrity ok', async () => {
    const report = await runFaultInjection({ cycles: 9, settleTimeoutMs: 60_000 });
    console.log(report.summary);
    expect(report.problems).toEqual([]);
    expect(report.integrityFailures).toBe(0);
    // Inbound: the peers held messages during the kills, and the store has each exactly once.
    expect(report.inboundEmail.held).toBeGreaterThan(0);
    expect(report.inboundTelegram.held).toBeGreaterThan(0);
    for (const inbound of [report.inboundEmail, report.inboundTelegram]) {
      expect(inbound).toMatchObject({ stored: inbound.held, missing: 0, duplicated: 0, extra: 0 });
    }
    // Outgoing: something was sent on both channels, nothing twice, nothing the store does not know.
    expect(report.outgoing.email.atPeer).toBeGreaterThan(0);
    expect(report.outgoing.telegram.atPeer).toBeGreaterThan(0);
    expect(report.outgoing.email).toMatchObject({ duplicated: 0, unrecorded: 0, lost: 0 });
    expect(report.outgoing.telegram).toMatchObject({ duplicated: 0, lost: 0 });
    // Officer replies: each accepted one was delivered once or failed with the "unknown after a crash" reason.
    const r = report.replies;
    expect(r.accepted).toBeGreaterThan(0);
    expect(r).toMatchObject({ lost: 0, duplicated: 0 });
    expect(r.delivered + r.failedUnknownDelivered + r.failedUnknownNotDelivered + r.failedOther).toBe(r.accepted + r.committedUnacknowledged);
    // The kills really landed in the work, not only in start-up.
    expect(report.kills.withIngest + report.kills.withSends).toBeGreaterThan(0);
  }, 150_000);
});
