import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import { ADMIN, startTestCore } from '../helpers/core';
import { ApiClient, startBrowserHost, type RunningHost } from '../helpers/host';
import { requirePeer } from '../helpers/peers-required';

/**
 * A full disk, as an office PC meets it: the data folder on a small tmpfs (mounted as root for the
 * test, unmounted after), filled to the last block. Every write says "disk full" in words an
 * officer can act on, changes nothing, leaves no temp file behind; login and reading still work;
 * the console notices by itself when space is back.
 */
const isRoot = process.getuid?.() === 0;
const available = requirePeer('disk-full', 'root (to mount a tmpfs)', isRoot);

const OFFICER = { username: 'petugas', displayName: 'Petugas PST', password: 'rahasia-petugas-123' };

describe.skipIf(!available)('a full disk through the browser host', () => {
  let mountPoint: string;
  let dataDir: string;
  let host: RunningHost;
  let admin: ApiClient;
  let conversationId: number;
  const filler = () => join(mountPoint, 'pengisi.bin');

  const must = async (api: ApiClient, method: string, input: unknown) => {
    const res = await api.call(method, input);
    expect(res.body.ok, `${method}: ${JSON.stringify(res.body)}`).toBe(true);
    return res.body.value;
  };
  /** Writes zeros until the disk refuses: nothing is left for anyone. */
  const fillDisk = () => {
    const chunk = Buffer.alloc(64 * 1024);
    for (let i = 0; i < 10_000; i++) {
      try {
        writeFileSync(filler(), chunk, { flag: 'a' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw error;
      }
    }
    // Finer chunks for the last partial block.
    for (let i = 0; i < 1_000; i++) {
      try {
        writeFileSync(filler(), Buffer.alloc(512), { flag: 'a' });
      } catch {
        break;
      }
    }
  };
  const tempFiles = () => {
    const found: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.tmp')) found.push(e.name);
      }
    };
    walk(dataDir);
    return found;
  };

  beforeAll(async () => {
    mountPoint = mkdtempSync(join(tmpdir(), 'pst-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mountPoint]);
    dataDir = join(mountPoint, 'PST Console');
    // A consultation that arrived by email, and an officer, before the host starts.
    const seed = startTestCore({ dir: dataDir });
    await seed.must('auth.setupAdmin', ADMIN);
    await seed.must('officers.create', { ...OFFICER, role: 'officer' });
    conversationId = ingest(seed.services, {
      channel: 'email',
      externalId: '<permintaan-1@example.test>',
      sourceId: 'ayu@example.test',
      displayName: 'Ayu Lestari',
      receivedAt: Date.now(),
      subject: 'Data IPM',
      text: 'Mohon data IPM Buleleng 2024',
      thread: { mode: 'explicit' },
    }).conversationId;
    await seed.close();
    host = await startBrowserHost({ dataDir });
    admin = new ApiClient(host.origin, host.token);
    await must(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await must(admin, 'complaints.create', { source: 'telepon', contactName: 'Ibu Komang', contact: '081234567890', text: 'Data belum dikirim' });
    fillDisk();
    expect(statfsSync(mountPoint).bavail).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await host?.stop();
    if (mountPoint) {
      try {
        execFileSync('umount', [mountPoint]);
      } finally {
        rmdirSync(mountPoint);
      }
    }
  });

  it('a write says "disk full", where to make room and how much is left, and saves nothing', async () => {
    const before = await must(admin, 'complaints.list', {});
    const res = await admin.call('complaints.create', { source: 'telepon', contactName: 'Pak Made', contact: '0812', text: 'Keluhan kedua' });
    expect(res.body.ok).toBe(false);
    expect(res.body.error).toMatchObject({ kind: 'disk_full', code: 'error.disk_full', params: { folder: dataDir, free: '0 KB' } });
    expect(res.body.error.message).toBe(`Disk penuh — tidak ada yang tersimpan. Kosongkan ruang di disk folder ${dataDir} (tersisa 0 KB), lalu coba lagi.`);
    expect(await must(admin, 'complaints.list', {})).toEqual(before);
    expect(await must(admin, 'app.storage', {})).toMatchObject({ full: true, folder: dataDir, freeBytes: 0 });
    // Never the library's words.
    expect(JSON.stringify(res.body)).not.toMatch(/SQLITE|ENOSPC|internal/i);
  });

  it('an attachment that does not fit leaves no temp file', async () => {
    const res = await admin.call('messages.send', {
      conversationId,
      text: 'Terlampir tabel',
      attachments: [{ fileName: 'tabel.xlsx', mimeType: 'application/octet-stream', contentBase64: Buffer.alloc(300_000, 7).toString('base64') }],
    });
    expect(res.body.error).toMatchObject({ kind: 'disk_full' });
    expect(tempFiles()).toEqual([]);
    expect((await must(admin, 'messages.list', { conversationId })).some((m: { text: string }) => m.text === 'Terlampir tabel')).toBe(false);
  });

  it('an officer can still log in and read', async () => {
    const officer = new ApiClient(host.origin, host.token);
    const login = await officer.call('auth.login', { username: OFFICER.username, password: OFFICER.password });
    expect(login.body, JSON.stringify(login.body)).toMatchObject({ ok: true, value: { username: OFFICER.username } });
    expect((await officer.call('inbox.list', {})).body.ok).toBe(true);
    expect((await officer.call('app.storage', {})).body.value.full).toBe(true);
    // A wrong password still gets the ordinary answer, not a disk error.
    const wrong = await new ApiClient(host.origin, host.token).call('auth.login', { username: OFFICER.username, password: 'salah-sekali-123' });
    expect(wrong.body.error.code).toBe('auth.wrong_credentials');
  });

  it('once space is freed the console sees it by itself and writes work again', async () => {
    rmSync(filler());
    await vi.waitFor(async () => expect((await must(admin, 'app.storage', {})).full).toBe(false), { timeout: 40_000, interval: 1_000 });
    await must(admin, 'complaints.create', { source: 'telepon', contactName: 'Pak Made', contact: '0812', text: 'Keluhan kedua' });
  }, 60_000);
});
