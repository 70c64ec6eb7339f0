import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN } from '../helpers/core';
import { ApiClient, startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { DEFAULT_MAIL_USERS, requireMailPeers, startMailPeers, type MailPeers } from '../peers/mail';
import { accountInput, OFFICE } from './fixtures/email-env';

/**
 * "Erase" as UU PDP means it: after requesters.erase, none of the requester's words are left in
 * any file of the data folder (the database, its -wal and -shm, attachments), not only in what
 * queries return. Every personal field is planted with a distinctive word, earlier values of the
 * same fields too, and the requester's mail arrives through Dovecot like any other.
 */
const available = requireMailPeers('erase-files');

const SENDER = 'zeldakarta.wayan@desa-contoh.test';
/** Each string a person would call this requester's data; none may survive the erase. */
const NEEDLES = {
  displayName: 'Wayan Zeldakarta',
  address: SENDER,
  subject: 'Qorvintha',
  body: 'Brumwelthorp',
  attachmentName: 'laporan-vexillinor.pdf',
  attachmentBytes: 'ISI-LAMPIRAN-PLOMBRIDGE',
  earlierName: 'Wayan Zeldakarta Putra',
  institution: 'Desa Kintamarsa',
  earlierPhone: '81277770431',
  laterPhone: '81277770597',
  earlierOccupation: 'Petani Jermolunggah',
  note: 'catatan Snorvelkind',
  reply: 'balasan Trebuschanka',
  draft: 'draf Wilferquast',
  need: 'kebutuhan Halvorsgade',
};

/** Every file under the data folder, with the needles found in it (case-insensitive: FTS stores terms lowercased). */
function findNeedles(dir: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const text = readFileSync(path).toString('latin1').toLowerCase();
        const hits = Object.entries(NEEDLES)
          .filter(([, needle]) => text.includes(needle.toLowerCase()))
          .map(([key]) => key);
        if (hits.length > 0) found[path.slice(dir.length + 1)] = hits;
      }
    }
  };
  walk(dir);
  return found;
}

describe.skipIf(!available)('erase leaves no trace in the data folder', () => {
  let peers: MailPeers;
  let host: RunningHost;
  const data = tempDataDir('pst-erase-');
  let admin: ApiClient;
  let requesterId: number;
  let conversationId: number;

  const login = async () => {
    const api = new ApiClient(host.origin, host.token);
    const res = await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(res.body.ok, JSON.stringify(res.body)).toBe(true);
    return api;
  };
  const must = async (api: ApiClient, method: string, input: unknown) => {
    const res = await api.call(method, input);
    expect(res.body.ok, `${method}: ${JSON.stringify(res.body)}`).toBe(true);
    return res.body.value;
  };

  beforeAll(async () => {
    // The requester's mailbox exists on the peer, so the reply is accepted (it relays nothing).
    peers = await startMailPeers({ users: [...DEFAULT_MAIL_USERS, { user: SENDER, password: 'rahasia-wayan-123' }] });
    host = await startBrowserHost({ dataDir: data.dir });
    admin = new ApiClient(host.origin, host.token);
    await must(admin, 'auth.setupAdmin', ADMIN);
    await must(admin, 'email.saveAccount', accountInput(peers));
    const raw = await new MailComposer({
      from: `${NEEDLES.displayName} <${SENDER}>`,
      to: OFFICE,
      subject: `Permintaan data ${NEEDLES.subject}`,
      text: `Selamat siang, saya perlu data ${NEEDLES.body} untuk skripsi.\n\nTerima kasih\n${NEEDLES.displayName}`,
      attachments: [{ filename: NEEDLES.attachmentName, content: Buffer.from(`%PDF-1.4 ${NEEDLES.attachmentBytes}`), contentType: 'application/pdf' }],
    })
      .compile()
      .build();
    await peers.deliver(OFFICE, raw);
    const item = await vi.waitFor(
      async () => {
        const page = await must(admin, 'inbox.list', { limit: 50 });
        const found = page.items.find((i: { requesterName: string | null }) => i.requesterName === NEEDLES.displayName);
        expect(found).toBeDefined();
        return found as { id: number; requesterId: number };
      },
      { timeout: 30_000, interval: 200 },
    );
    conversationId = item.id;
    requesterId = item.requesterId;

    // An officer's work on it: earlier values first, then the ones that stay until the erase.
    await must(admin, 'conversations.updateRequirements', {
      id: conversationId,
      requester: { name: NEEDLES.earlierName, whatsapp: `0${NEEDLES.earlierPhone}`, occupation: NEEDLES.earlierOccupation },
    });
    await must(admin, 'conversations.updateRequirements', {
      id: conversationId,
      requester: { name: NEEDLES.displayName, institution: NEEDLES.institution, whatsapp: `0${NEEDLES.laterPhone}`, occupation: 'Mahasiswa' },
      need: `Data ${NEEDLES.need} tahun 2024`,
    });
    await must(admin, 'messages.addNote', { conversationId, text: `Sudah ditelepon, ${NEEDLES.note}` });
    await must(admin, 'messages.send', { conversationId, text: `Terima kasih, ${NEEDLES.reply}` });
    await must(admin, 'drafts.save', { conversationId, body: `Belum selesai: ${NEEDLES.draft}` });
    // The reply really left through SMTP (so the outbox row was written and updated).
    await vi.waitFor(() => expect(peers.smtp.received.some((m) => m.raw.toString().includes(NEEDLES.reply.split(' ')[1]!))).toBe(true), {
      timeout: 30_000,
      interval: 200,
    });
    // Before the erase, every planted string is somewhere in the files: the check can fail.
    const before = Object.values(findNeedles(data.dir)).flat();
    for (const key of Object.keys(NEEDLES)) expect(before, `${key} planted`).toContain(key);
  }, 90_000);

  afterAll(async () => {
    await host?.stop();
    await peers?.close();
    data.cleanup();
  });

  it('after the erase, while the host keeps running, no file holds any of them', async () => {
    const erased = await must(admin, 'requesters.erase', { id: requesterId, reason: 'permintaan pemohon melalui surat' });
    expect(erased.requesters).toBe(1);
    expect(findNeedles(data.dir)).toEqual({});
    // Still a working console: the consultation stays for the statistics, without the person.
    const detail = await must(admin, 'conversations.get', { id: conversationId });
    expect(detail.requester.name).toBeNull();
  });

  it('the audit row of the erase names the requester by id only', async () => {
    const rows = await must(admin, 'audit.list', { limit: 20 });
    const row = rows.find((r: { action: string }) => r.action === 'requesters.erase');
    expect(row).toMatchObject({ entityType: 'requester', entityId: String(requesterId) });
    expect(JSON.stringify(row)).not.toMatch(/zeldakarta|desa-contoh/i);
  });

  it('after a clean stop and a restart (and a mail sync), still none', async () => {
    await host.stop();
    expect(findNeedles(data.dir)).toEqual({});
    host = await startBrowserHost({ dataDir: data.dir });
    admin = await login();
    // The mail is still on the server (the console never deletes server mail); the sync must not fetch it again.
    await peers.deliver(
      OFFICE,
      await new MailComposer({ from: 'lain@example.test', to: OFFICE, subject: 'Data lain', text: 'Mohon data inflasi' }).compile().build(),
    );
    await vi.waitFor(
      async () => expect((await must(admin, 'inbox.list', { limit: 50 })).items.some((i: { subject: string }) => i.subject === 'Data lain')).toBe(true),
      { timeout: 30_000, interval: 200 },
    );
    expect(findNeedles(data.dir)).toEqual({});
  }, 90_000);
});
