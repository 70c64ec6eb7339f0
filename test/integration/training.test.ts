import net from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../src-main/core/app';
import { ingest } from '../../src-main/core/inbound/ingest';
import { KeyFileCipher } from '../../src-main/core/security/secrets';
import { defaultDataDir } from '../../src-main/core/paths';
import { ServiceCalendar } from '../../src-main/core/calendar';
import {
  ManualScheduler,
  planHistory,
  SimulatedChannel,
  seedTrainingHistory,
  startTraining,
  trainingDataDir,
  type RunningTraining,
} from '../../src-main/core/training';
import { DEFAULT_TOPICS } from '../../src-main/core/workflow/settings';
import { startBrowserHost } from '../../src-main/server/host';
import { memorySession, startTestCore, tempDataDir } from '../helpers/core';

const MINUTE = 60_000;
/** Monday 30 November 2026, 09:00 WITA: inside service hours. */
const MONDAY_9 = Date.UTC(2026, 10, 30, 1, 0);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
});

function trainingCore(now: () => number): Core & { call: (method: string, input: unknown) => Promise<any> } {
  const temp = tempDataDir('pst-training-');
  const core = createCore({
    dataDir: temp.dir,
    host: 'browser',
    version: '0.0.0-test',
    cipher: new KeyFileCipher(join(temp.dir, 'secret.key')),
    trainingMode: true,
    now,
  });
  const session = memorySession();
  cleanups.push(async () => {
    await core.close();
    temp.cleanup();
  });
  return {
    ...core,
    async call(method, input) {
      const result = await core.dispatch(method, input, session);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    },
  };
}

const one = <T>(core: Core, sql: string, ...params: unknown[]): T => core.services.db.prepare(sql).get(...params) as T;
const all = <T>(core: Core, sql: string, ...params: unknown[]): T[] => core.services.db.prepare(sql).all(...params) as T[];
const count = (core: Core, sql: string, ...params: unknown[]): number => one<{ n: number }>(core, sql, ...params).n;

describe('training history', () => {
  it('seeds several hundred consultations with a realistic mix that obeys the workflow rules', async () => {
    const now = MONDAY_9 + 2 * 3_600_000;
    const core = trainingCore(() => now);
    const result = await seedTrainingHistory(core.services, { seed: 7, conversations: 150, now });
    expect(result.failures).toEqual([]);
    expect(result.conversations).toBe(150);
    const s = result.byStatus;
    // Mostly closed work from past months, and open work of every kind to practise on.
    expect((s.rated ?? 0) + (s.resolved ?? 0)).toBeGreaterThan(90);
    expect(s.rated ?? 0).toBeGreaterThan(s.resolved ?? 0);
    for (const open of ['new', 'awaiting_requirements', 'in_progress', 'waiting_requester'] as const) expect(s[open] ?? 0, open).toBeGreaterThan(0);
    expect(result.complaints).toBeGreaterThanOrEqual(3);
    expect(count(core, "SELECT count(*) AS n FROM complaints WHERE status = 'resolved' AND response IS NOT NULL")).toBeGreaterThan(0);

    // Both channels, months of history, nothing in the future.
    const channels = all<{ channel: string; n: number }>(core, 'SELECT channel, count(*) AS n FROM conversations GROUP BY channel');
    expect(channels.map((c) => c.channel).sort()).toEqual(['email', 'telegram']);
    const span = one<{ first: number; last: number }>(core, 'SELECT min(created_at) AS first, max(created_at) AS last FROM messages');
    expect(span.last - span.first).toBeGreaterThan(90 * 86_400_000);
    expect(span.last).toBeLessThanOrEqual(now);
    expect(count(core, 'SELECT count(*) AS n FROM audit_log WHERE at > ?', now)).toBe(0);

    // Database integrity and the outbox: everything "sent" at its time, nothing left for the live demo.
    expect(core.services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(core.services.db.pragma('foreign_key_check')).toEqual([]);
    expect(all(core, "SELECT state, count(*) AS n FROM outbox WHERE state <> 'sent' GROUP BY state")).toEqual([]);
    expect(count(core, "SELECT count(*) AS n FROM messages WHERE direction = 'outgoing' AND (delivery <> 'sent' OR external_id IS NULL)")).toBe(0);

    // Status ⇔ data, as the workflow keeps it.
    expect(
      count(core, "SELECT count(*) AS n FROM conversations WHERE status IN ('new', 'awaiting_requirements') AND requirements_complete_at IS NOT NULL"),
    ).toBe(0);
    expect(
      count(core, "SELECT count(*) AS n FROM conversations WHERE status = 'in_progress' AND (requirements_complete_at IS NULL OR sla_due_at IS NULL)"),
    ).toBe(0);
    expect(count(core, "SELECT count(*) AS n FROM conversations WHERE status = 'waiting_requester' AND sla_remaining_ms IS NULL")).toBe(0);
    expect(count(core, "SELECT count(*) AS n FROM conversations WHERE status IN ('resolved', 'rated') AND (resolved_at IS NULL OR summary IS NULL)")).toBe(0);
    const topics = all<{ topic: string }>(core, 'SELECT DISTINCT topic FROM conversations WHERE topic IS NOT NULL').map((t) => t.topic);
    expect(topics.length).toBeGreaterThan(4);
    for (const topic of topics) expect(DEFAULT_TOPICS).toContain(topic);
    // Every rated consultation has a scored rating for its current closure; resolved ones a request and no score.
    expect(
      count(
        core,
        "SELECT count(*) AS n FROM conversations c WHERE c.status = 'rated' AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.conversation_id = c.id AND r.closure = c.reopened_count AND r.score BETWEEN 1 AND 5)",
      ),
    ).toBe(0);
    expect(
      count(
        core,
        "SELECT count(*) AS n FROM conversations c WHERE c.status = 'resolved' AND NOT EXISTS (SELECT 1 FROM rating_requests q WHERE q.conversation_id = c.id AND q.closure = c.reopened_count AND q.answered_at IS NULL)",
      ),
    ).toBe(0);
    expect(count(core, 'SELECT count(*) AS n FROM ratings WHERE u1 IS NOT NULL')).toBeGreaterThan(10);
    expect(count(core, 'SELECT count(*) AS n FROM ratings WHERE feedback IS NOT NULL')).toBeGreaterThan(10);
    const sources = all<{ source: string }>(core, 'SELECT DISTINCT source FROM ratings')
      .map((r) => r.source)
      .sort();
    expect(sources).toEqual(['email', 'telegram']);
    // SLA: some in progress are already late (red in the inbox).
    expect(count(core, "SELECT count(*) AS n FROM conversations WHERE status = 'in_progress' AND sla_due_at < ?", now)).toBeGreaterThan(0);
    // Each consultation got its acknowledgement, and officers' work is in the audit log under their names.
    expect(count(core, 'SELECT count(*) AS n FROM conversations WHERE ack_sent_at IS NULL')).toBe(0);
    expect(count(core, "SELECT count(DISTINCT officer_id) AS n FROM audit_log WHERE action = 'conversations.claim'")).toBeGreaterThanOrEqual(3);
    expect(
      count(core, "SELECT count(*) AS n FROM conversations WHERE ticket NOT GLOB 'KONS-5108-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'"),
    ).toBe(0);
    // The trainee logs in with the demo account; history officers are real accounts with names.
    expect(one<{ role: string }>(core, "SELECT role FROM officers WHERE username = 'latihan'").role).toBe('admin');
    expect(count(core, 'SELECT count(*) AS n FROM officers')).toBe(5);
  });

  it('plans the same history for the same seed and instant (the demo can be rebuilt exactly)', () => {
    const options = { seed: 42, conversations: 60, now: MONDAY_9, calendar: new ServiceCalendar() };
    const first = planHistory(options);
    expect(JSON.stringify(planHistory(options).actions)).toBe(JSON.stringify(first.actions));
    expect(JSON.stringify(planHistory({ ...options, seed: 43 }).actions)).not.toBe(JSON.stringify(first.actions));
    // Officers act in service hours only (Monday–Friday 08:00–15:30 WITA).
    const calendar = new ServiceCalendar();
    for (const a of first.actions)
      if (a.kind !== 'incoming' && a.kind !== 'rating') expect(calendar.isOpen(a.at), `${a.kind} at ${new Date(a.at).toISOString()}`).toBe(true);
  });

  it('keeps its data beside the real data, never in it', () => {
    const env = { XDG_CONFIG_HOME: '/home/pst/.config' };
    expect(trainingDataDir(env, 'linux')).toBe('/home/pst/.config/PST Console (Latihan)');
    expect(trainingDataDir(env, 'linux')).not.toBe(defaultDataDir(env, 'linux'));
    expect(trainingDataDir({ ...env, PST_DATA_DIR: '/tmp/latihan' }, 'linux')).toBe('/tmp/latihan');
  });

  it("seeds only once: a restart keeps the trainee's data", async () => {
    const now = MONDAY_9;
    const core = trainingCore(() => now);
    const first = await startTraining(core.services, { demo: true, conversations: 30, seed: 3, arrivals: false });
    expect(first.seeded?.conversations).toBe(30);
    expect(first.login?.username).toBe('latihan');
    first.stop();
    const again = await startTraining(core.services, { demo: true, conversations: 30, seed: 3, arrivals: false });
    again.stop();
    expect(again.seeded).toBeNull();
    expect(count(core, 'SELECT count(*) AS n FROM conversations')).toBe(30);
  });
});

describe('simulated channels and requesters', () => {
  async function live() {
    const scheduler = new ManualScheduler(MONDAY_9);
    const core = trainingCore(() => scheduler.now());
    await core.call('auth.setupAdmin', { username: 'latihan', displayName: 'Petugas Latihan', password: 'belajar-pst' });
    await core.call('workflow.updateSettings', { surveyEnabled: true });
    const training = await startTraining(core.services, { scheduler, seed: 11, arrivals: false });
    cleanups.push(() => training.stop());
    /** Lets the outbox "send" what is due, then lets simulated people take their time to answer. */
    const wait = async (ms: number) => {
      await core.outbox.drain();
      scheduler.advance(ms);
      await core.outbox.drain();
    };
    return { core, scheduler, training, wait };
  }

  const statusOf = (core: Core, id: number) => one<{ status: string }>(core, 'SELECT status FROM conversations WHERE id = ?', id).status;
  const incoming = (core: Core, id: number) =>
    all<{ body_text: string }>(core, "SELECT body_text FROM messages WHERE conversation_id = ? AND direction = 'incoming' ORDER BY id", id).map(
      (m) => m.body_text,
    );

  it('Telegram: the requester answers the acknowledgement, a reply and the rating request, so the consultation ends rated', async () => {
    const { core, wait } = await live();
    const { conversationId: id } = ingest(core.services, {
      channel: 'telegram',
      externalId: '5550001:1',
      sourceId: '5550001',
      displayName: 'Ketut Sudiarta',
      receivedAt: MONDAY_9,
      text: 'Selamat pagi kak, saya butuh data luas panen padi per kecamatan di Buleleng 2025.',
      requester: { name: 'Ketut Sudiarta', telegramUserId: '5550001' },
      thread: { mode: 'identity' },
    });
    expect(statusOf(core, id)).toBe('new');

    // The acknowledgement lists what is missing; the requester sends identity and need.
    await wait(2 * MINUTE);
    expect(incoming(core, id)).toHaveLength(2);
    expect(incoming(core, id)[1]).toMatch(/Nama: Ketut Sudiarta[\s\S]*No\. WA:/);
    const started = one<{ status: string; requirements_complete_at: number | null; sla_due_at: number | null }>(
      core,
      'SELECT status, requirements_complete_at, sla_due_at FROM conversations WHERE id = ?',
      id,
    );
    expect(started.status).toBe('in_progress');
    expect(started.requirements_complete_at).toBeGreaterThan(MONDAY_9);
    expect(started.sla_due_at).toBeGreaterThan(started.requirements_complete_at!);

    await core.call('conversations.claim', { id });
    await core.call('messages.send', { conversationId: id, text: 'Data luas panen padi per kecamatan kami lampirkan, sumber: Buleleng Dalam Angka 2025.' });
    await wait(2 * MINUTE);
    const afterReply = incoming(core, id);
    expect(afterReply).toHaveLength(3);
    expect(afterReply[2]!.length).toBeGreaterThan(5);

    await core.call('conversations.resolve', { id, summary: 'Data luas panen dikirim', topic: 'Pertanian' });
    expect(statusOf(core, id)).toBe('resolved');
    await wait(2 * MINUTE);
    expect(statusOf(core, id)).toBe('rated');
    const rating = one<{ score: number; source: string; u1: number | null }>(core, 'SELECT score, source, u1 FROM ratings WHERE conversation_id = ?', id);
    expect(rating.source).toBe('telegram');
    expect(rating.score).toBeGreaterThanOrEqual(1);
    // The SKM survey that follows the stars is answered too.
    await wait(2 * MINUTE);
    expect(one<{ u1: number | null }>(core, 'SELECT u1 FROM ratings WHERE conversation_id = ?', id).u1).toBeGreaterThanOrEqual(1);
    // Every outgoing message was "delivered" by the simulated channel with a Telegram-like id.
    const outgoing = all<{ delivery: string; external_id: string }>(
      core,
      "SELECT delivery, external_id FROM messages WHERE conversation_id = ? AND direction = 'outgoing'",
      id,
    );
    expect(outgoing.length).toBeGreaterThanOrEqual(4);
    for (const m of outgoing) expect(m).toMatchObject({ delivery: 'sent', external_id: expect.stringMatching(/^5550001:\d+$/) });
  });

  it('email: the identity mail threads into the consultation; the officer fills it in; the rating comes back by mail', async () => {
    const { core, wait } = await live();
    const { conversationId: id } = ingest(core.services, {
      channel: 'email',
      externalId: '<q1@student.undiksha.ac.id>',
      sourceId: 'ayu.pradnyani@student.undiksha.ac.id',
      displayName: 'Ni Made Ayu Pradnyani',
      receivedAt: MONDAY_9,
      subject: 'Permohonan data IPM Buleleng',
      text: 'Dengan hormat, saya memerlukan data IPM Kabupaten Buleleng 2020-2025 untuk skripsi.',
      requester: { name: 'Ni Made Ayu Pradnyani', email: 'ayu.pradnyani@student.undiksha.ac.id' },
      thread: { mode: 'explicit' },
    });
    await core.call('conversations.claim', { id });
    expect(statusOf(core, id)).toBe('awaiting_requirements');
    await wait(3 * MINUTE);
    expect(incoming(core, id)).toHaveLength(2);
    expect(incoming(core, id)[1]).toContain('Instansi:');
    // By email nobody fills the form for the officer: that is the trainee's step.
    expect(statusOf(core, id)).toBe('awaiting_requirements');
    await core.call('conversations.updateRequirements', {
      id,
      requester: { institution: 'Universitas Pendidikan Ganesha', occupation: 'Pelajar/Mahasiswa', whatsapp: '081234567890' },
      need: 'IPM Buleleng 2020-2025 untuk skripsi',
    });
    expect(statusOf(core, id)).toBe('in_progress');
    await core.call('messages.send', { conversationId: id, text: 'Terlampir data IPM Kabupaten Buleleng 2020-2025.' });
    await wait(3 * MINUTE);
    expect(incoming(core, id)).toHaveLength(3);
    await core.call('conversations.resolve', { id, summary: 'Data IPM dikirim', topic: 'IPM' });
    await wait(2 * MINUTE);
    expect(statusOf(core, id)).toBe('rated');
    expect(one<{ source: string }>(core, 'SELECT source FROM ratings WHERE conversation_id = ?', id).source).toBe('email');
    const mails = all<{ external_id: string }>(core, "SELECT external_id FROM messages WHERE conversation_id = ? AND direction = 'outgoing'", id);
    for (const m of mails) expect(m.external_id).toMatch(/@pst-latihan\.invalid>$/);
  });

  it('new people write in while the demo runs, at a bounded pace', async () => {
    const scheduler = new ManualScheduler(MONDAY_9);
    const core = trainingCore(() => scheduler.now());
    const training = await startTraining(core.services, { scheduler, seed: 5, arrivals: { firstMs: 30_000, everyMs: [60_000, 120_000], max: 3 } });
    cleanups.push(() => training.stop());
    scheduler.advance(20_000);
    expect(count(core, 'SELECT count(*) AS n FROM conversations')).toBe(0);
    scheduler.advance(15_000);
    expect(count(core, 'SELECT count(*) AS n FROM conversations')).toBe(1);
    scheduler.advance(60 * MINUTE);
    expect(count(core, 'SELECT count(*) AS n FROM conversations')).toBe(3);
    expect(scheduler.pending).toBe(0);
    const texts = all<{ body_text: string; channel: string }>(core, "SELECT body_text, channel FROM messages WHERE direction = 'incoming'");
    for (const t of texts) expect(t.body_text.length).toBeGreaterThan(40);
  });
});

describe('nothing leaves the machine', () => {
  it('registers only simulated connectors and refuses to run beside a real one or outside training mode', async () => {
    const scheduler = new ManualScheduler(MONDAY_9);
    const core = trainingCore(() => scheduler.now());
    const training: RunningTraining = await startTraining(core.services, { scheduler, arrivals: false });
    expect([...core.services.connectors.keys()].sort()).toEqual(['email', 'telegram']);
    for (const connector of core.services.connectors.values()) expect(connector).toBeInstanceOf(SimulatedChannel);
    training.stop();
    expect(core.services.connectors.size).toBe(0);

    core.services.connectors.set('email', { channel: 'email', send: async () => ({ externalId: 'x' }) });
    await expect(startTraining(core.services, { scheduler })).rejects.toThrow(/real email connector/);

    const temp = tempDataDir('pst-real-');
    const real = createCore({ dataDir: temp.dir, host: 'browser', version: '0', cipher: new KeyFileCipher(join(temp.dir, 'k')) });
    cleanups.push(async () => {
      await real.close();
      temp.cleanup();
    });
    await expect(startTraining(real.services, {})).rejects.toThrow(/not in training mode/);
  });

  it("opens no socket but the host's own listener on 127.0.0.1 while the demo seeds, sends and answers", async () => {
    const connects = vi.spyOn(net.Socket.prototype, 'connect');
    const listens = vi.spyOn(net.Server.prototype, 'listen');
    const scheduler = new ManualScheduler(MONDAY_9);
    const core = trainingCore(() => scheduler.now());
    const training = await startTraining(core.services, {
      demo: true,
      conversations: 20,
      seed: 9,
      scheduler,
      arrivals: { firstMs: 1000, everyMs: [1000, 2000], max: 2 },
    });
    cleanups.push(() => training.stop());
    const renderer = tempDataDir('pst-renderer-');
    cleanups.push(renderer.cleanup);
    const host = await startBrowserHost({ core, rendererDir: renderer.dir, port: 0 });
    cleanups.push(() => host.close());
    await core.start();
    scheduler.advance(10 * MINUTE);
    await core.outbox.drain();
    scheduler.advance(10 * MINUTE);
    expect(count(core, "SELECT count(*) AS n FROM messages WHERE json_extract(meta, '$.simulated') = 1")).toBeGreaterThanOrEqual(2);
    expect(connects).not.toHaveBeenCalled();
    expect(listens).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(listens.mock.calls[0])).toContain('127.0.0.1');
  });
});

describe('training mode refuses real channels', () => {
  it('will not save or test an email account or a bot token', async () => {
    const core = startTestCore({ trainingMode: true });
    try {
      await core.must('auth.setupAdmin', { username: 'admin', displayName: 'Admin', password: 'rahasia-admin-123' });
      const account = {
        enabled: true,
        imapHost: '127.0.0.1',
        imapPort: 993,
        imapTls: 'tls',
        smtpHost: '127.0.0.1',
        smtpPort: 465,
        smtpTls: 'tls',
        user: 'pst@bps.go.id',
        fromAddress: '',
        senderName: 'PST',
        syncSince: null,
        tlsCaPem: null,
        password: 'rahasia',
      };
      for (const [method, input] of [
        ['email.testConnection', account],
        ['email.saveAccount', account],
        ['telegram.saveToken', { token: '123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
      ] as const) {
        const result = await core.call(method as any, input as any);
        expect(result.ok, method).toBe(false);
        expect(!result.ok && result.error.message, method).toMatch(/Mode latihan/);
      }
    } finally {
      await core.dispose();
    }
  });
});
