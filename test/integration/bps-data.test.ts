// The Data BPS connector against the WebAPI emulator on 127.0.0.1: the key's live test finds the
// regency in Bali's list, searches go regency → Bali → Indonesia with paging, answers are cached
// about 6 hours and still searchable when BPS is out of reach, failures are said as what to do,
// calls keep about 2 a second, and links sent are recorded and counted by the report.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BpsSearchResult } from '../../src-preload/contract';
import { ingest } from '../../src-main/core/inbound/ingest';
import { startCoreWithAdmin, type TestCore } from '../helpers/core';
import { REGENCIES, startBpsEmulator, type BpsEmulator } from '../peers/bps';

const HOUR = 3_600_000;
// Tuesday 1 December 2026, 10.00 WITA.
const START = Date.UTC(2026, 11, 1, 2, 0, 0);

let emulator: BpsEmulator;
let core: TestCore;
let now = START;

beforeAll(async () => {
  emulator = await startBpsEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  now = START;
  emulator.setSlow(0);
  emulator.setUnreachable(false);
  emulator.requests.length = 0;
  core = await startCoreWithAdmin({
    now: () => now,
    bpsData: { apiRoot: emulator.apiRoot, requestTimeoutMs: 400, minIntervalMs: 100, retryDelaysMs: [30, 60] },
  });
});
afterEach(() => core.dispose());

const titles = (result: BpsSearchResult, region: number) => result.groups[region]!.items.map((i) => i.title);

describe('the office key', () => {
  it('is tested live before it is saved: a refused key says what to do, a good one finds Buleleng in Bali’s list', async () => {
    const refused = await core.call('bpsData.saveKey', { key: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_input', code: 'bps.key_rejected' } });
    expect(!refused.ok && refused.error.message).toBe(
      'BPS menolak kunci WebAPI ini. Periksa kunci di akun WebAPI BPS kantor, lalu simpan ulang di Pengaturan › Data BPS.',
    );
    expect(await core.must('bpsData.getSettings', {})).toEqual({ hasKey: false, regency: null, testedAt: null });

    const saved = await core.must('bpsData.saveKey', { key: emulator.key });
    expect(saved).toEqual({ hasKey: true, regency: { domain: '5108', name: 'Kab. Buleleng' }, testedAt: START });
    expect(emulator.requests.map((r) => r.path)).toContain('v1/api/domain/type/kabbyprov/prov/5100/key/KEY');

    now += HOUR;
    expect((await core.must('bpsData.test', {})).testedAt).toBe(START + HOUR);
    emulator.setUnreachable(true);
    const offline = await core.call('bpsData.test', {});
    expect(offline).toMatchObject({ ok: false, error: { kind: 'channel_unavailable', code: 'bps.unreachable' } });
    expect(!offline.ok && offline.error.message).toBe('Server BPS tidak dapat dihubungi. Periksa sambungan internet kantor, lalu coba lagi.');
  });

  it('takes the regency’s code from BPS’s list, whatever it is', async () => {
    const buleleng = REGENCIES.find((r) => r.name === 'Kab. Buleleng')!;
    buleleng.domain = '5199';
    try {
      expect((await core.must('bpsData.saveKey', { key: emulator.key })).regency).toEqual({ domain: '5199', name: 'Kab. Buleleng' });
    } finally {
      buleleng.domain = '5108';
    }
  });
});

describe('searching the catalogue', () => {
  beforeEach(async () => {
    await core.must('bpsData.saveKey', { key: emulator.key });
    emulator.requests.length = 0;
  });

  it('lists Buleleng first, then Bali, then Indonesia, with pages and the date each was updated', async () => {
    const first = await core.must('bpsData.search', { keyword: 'Penduduk', kind: 'table' });
    expect(first.groups.map((g) => g.region.name)).toEqual(['Kab. Buleleng', 'Provinsi Bali', 'Indonesia']);
    const buleleng = first.groups[0]!;
    expect({ page: buleleng.page, pages: buleleng.pages, total: buleleng.total, shown: buleleng.items.length }).toEqual({
      page: 1,
      pages: 2,
      total: 11,
      shown: 10,
    });
    expect(buleleng.items[0]).toEqual({
      kind: 'table',
      domain: '5108',
      id: expect.any(String),
      title: 'Jumlah Penduduk Menurut Kecamatan dan Jenis Kelamin di Kabupaten Buleleng, 2024',
      url: expect.stringMatching(/^https:\/\/bulelengkab\.bps\.go\.id\/.+\.xlsx$/),
      updated: '2025-02-20',
      subject: 'Kependudukan',
    });
    // A table listed without a date is still offered, without one.
    expect(buleleng.items.find((i) => i.title.includes('Kecamatan Banjar'))?.updated).toBeNull();
    expect(titles(first, 1)).toContain('Jumlah Penduduk Menurut Kabupaten/Kota di Provinsi Bali, 2020-2024');
    expect(titles(first, 2)).toContain('Jumlah Penduduk Menurut Provinsi di Indonesia (Ribu Jiwa), 2022-2024');
    expect(first.groups.every((g) => g.problem === null && !g.stale && g.fetchedAt === START)).toBe(true);

    const second = await core.must('bpsData.search', { keyword: 'penduduk', kind: 'table', page: 2 });
    expect(second.groups[0]!.page).toBe(2);
    expect(titles(second, 0)).toEqual(['Jumlah Penduduk Menurut Kelompok Umur dan Jenis Kelamin di Kecamatan Tejakula, 2024']);
  });

  it('drops a row with no file to link, and takes publications and press releases with their release dates', async () => {
    const schools = await core.must('bpsData.search', { keyword: 'sekolah', kind: 'table' });
    expect(schools.groups[0]!.items).toEqual([]);
    const books = await core.must('bpsData.search', { keyword: 'dalam angka', kind: 'publication' });
    expect(titles(books, 0)).toEqual(['Kabupaten Buleleng Dalam Angka 2025', 'Kecamatan Gerokgak Dalam Angka 2024']);
    expect(books.groups[0]!.items[0]!.updated).toBe('2025-02-28');
    expect(books.groups[0]!.items[0]!.url).toMatch(/^https:\/\/bulelengkab\.bps\.go\.id\/publication\/.+\.pdf$/);
    const releases = await core.must('bpsData.search', { keyword: 'kemiskinan', kind: 'pressRelease' });
    expect(releases.groups.map((g) => g.items.map((i) => i.updated))).toEqual([['2024-07-01'], ['2025-07-25'], ['2025-07-25']]);
  });

  it('says "nothing found" for a list that is not available, without a problem', async () => {
    const none = await core.must('bpsData.search', { keyword: 'kopi luwak', kind: 'table' });
    expect(none.groups.map((g) => [g.items.length, g.total, g.problem])).toEqual([
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
  });

  it('answers a repeated search from the cache for about 6 hours, then asks BPS again', async () => {
    await core.must('bpsData.search', { keyword: 'wisatawan', kind: 'table' });
    expect(emulator.requests).toHaveLength(3);
    now += 5 * HOUR;
    const cached = await core.must('bpsData.search', { keyword: 'Wisatawan ', kind: 'table' });
    expect(emulator.requests).toHaveLength(3);
    expect(cached.groups[0]!.fetchedAt).toBe(START);
    now += 2 * HOUR;
    const fresh = await core.must('bpsData.search', { keyword: 'wisatawan', kind: 'table' });
    expect(emulator.requests).toHaveLength(6);
    expect(fresh.groups[0]!.fetchedAt).toBe(now);
  });

  it('keeps the last good results searchable when BPS cannot be reached, with their age and the reason', async () => {
    await core.must('bpsData.search', { keyword: 'penduduk', kind: 'table' });
    now += 8 * HOUR;
    emulator.setUnreachable(true);
    const before = emulator.requests.length;
    const stale = await core.must('bpsData.search', { keyword: 'penduduk', kind: 'table' });
    expect(stale.groups.map((g) => [g.stale, g.fetchedAt, g.problem?.code])).toEqual([
      [true, START, 'bps.unreachable'],
      [true, START, 'bps.unreachable'],
      [true, START, 'bps.unreachable'],
    ]);
    expect(stale.groups[0]!.items).toHaveLength(10);
    // The first region's failure is enough: the others are not asked (and retried) in vain.
    expect(emulator.requests.length - before).toBe(0);

    // A search never made before: the saved titles that hold its words.
    const miskin = await core.must('bpsData.search', { keyword: 'miskin', kind: 'table' });
    expect([titles(miskin, 0), titles(miskin, 1), titles(miskin, 2)]).toEqual([
      ['Jumlah Penduduk Miskin dan Persentase Penduduk Miskin di Kabupaten Buleleng, 2019-2024'],
      ['Persentase Penduduk Miskin Menurut Kabupaten/Kota di Provinsi Bali, 2024'],
      ['Persentase Penduduk Miskin Menurut Provinsi, 2024'],
    ]);
    const kabkota = await core.must('bpsData.search', { keyword: 'kabupaten/kota 2020', kind: 'table' });
    expect(titles(kabkota, 1)).toEqual(['Jumlah Penduduk Menurut Kabupaten/Kota di Provinsi Bali, 2020-2024']);
    expect(kabkota.groups[1]).toMatchObject({ stale: true, fetchedAt: START, problem: { code: 'bps.unreachable' } });
  });

  it('retries a busy server with growing waits, then says it is in trouble; a slow one is given up in time', async () => {
    emulator.failNext(503, { times: 1 });
    const recovered = await core.must('bpsData.search', { keyword: 'padi', kind: 'table' });
    expect(titles(recovered, 0)).toEqual(['Produksi Padi Menurut Kecamatan di Kabupaten Buleleng (Ton), 2023']);

    emulator.failNext(500, { times: 3 });
    const failing = await core.must('bpsData.search', { keyword: 'luas wilayah', kind: 'table' });
    expect(failing.groups[0]).toMatchObject({ items: [], problem: { code: 'bps.server_error', params: { status: 500 } } });
    // A server error is not the network: the next regions are asked.
    expect(failing.groups[1]!.problem).toBeNull();

    emulator.failNext(429, { times: 1, retryAfter: 1 });
    const t0 = Date.now();
    const limited = await core.must('bpsData.search', { keyword: 'pengangguran', kind: 'table' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(titles(limited, 0)).toEqual(['Tingkat Pengangguran Terbuka (TPT) Kabupaten Buleleng, 2018-2024']);

    emulator.setSlow(1_500);
    const t1 = Date.now();
    const slow = await core.must('bpsData.search', { keyword: 'ipm', kind: 'pressRelease' });
    expect(Date.now() - t1).toBeLessThan(1_400);
    expect(slow.groups[0]!.problem).toEqual({ code: 'bps.timeout', params: { seconds: 1 } });
  });

  it('starts its calls at most about 2 a second (here one per 100 ms)', async () => {
    await core.must('bpsData.search', { keyword: 'indeks pembangunan', kind: 'table' });
    await core.must('bpsData.search', { keyword: 'indeks pembangunan', kind: 'publication' });
    const starts = emulator.requests.map((r) => r.at);
    expect(starts).toHaveLength(6);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(95);
  });

  it('searches only saved results without a key, and says so', async () => {
    await core.must('bpsData.search', { keyword: 'penduduk', kind: 'table' });
    await core.must('bpsData.removeKey', {});
    now += 7 * HOUR;
    const before = emulator.requests.length;
    const result = await core.must('bpsData.search', { keyword: 'penduduk', kind: 'table' });
    expect(emulator.requests.length).toBe(before);
    expect(result.groups[1]).toMatchObject({ stale: true, problem: { code: 'bps.no_key' } });
    expect(result.groups[1]!.items.length).toBeGreaterThan(0);
  });
});

describe('links sent', () => {
  it('are recorded per consultation from the reply that carries them, and the report counts the consultation', async () => {
    await core.must('bpsData.saveKey', { key: emulator.key });
    const found = await core.must('bpsData.search', { keyword: 'wisatawan', kind: 'table' });
    const table = found.groups[0]!.items[0]!;
    const { conversationId } = ingest(core.services, {
      channel: 'email',
      externalId: '<CAF=wisata-2026@mail.gmail.com>',
      sourceId: 'komang.ayu@gmail.com',
      receivedAt: now,
      subject: 'Mohon data wisatawan Buleleng',
      text: 'Selamat pagi, mohon info data jumlah wisatawan ke objek wisata di Buleleng tahun 2024 untuk skripsi.',
      requester: { name: 'Komang Ayu', email: 'komang.ayu@gmail.com' },
      thread: { mode: 'explicit' },
    });
    const line = `${table.title} (diperbarui 3 Maret 2025): ${table.url}`;
    const sent = await core.must('messages.send', { conversationId, text: `Selamat pagi Kak Komang, datanya tersedia di BPS:\n${line}\nTerima kasih.` });
    await core.must('messages.send', { conversationId, text: 'Untuk contoh lain lihat https://example.org/data (bukan situs BPS).' });
    expect(await core.must('bpsData.linksSent', { conversationId })).toEqual([{ messageId: sent.id, url: table.url, title: table.title, sentAt: now }]);

    now += HOUR;
    await core.must('conversations.resolve', { id: conversationId, summary: 'Tautan tabel wisatawan dikirim', topic: 'Pariwisata' });
    const report = await core.must('reports.build', { period: { kind: 'week', week: '2026-W49' } });
    expect(report.summary.resolvedCount).toBe(1);
    expect(report.summary.answeredWithOfficialLink).toBe(1);
  });
});
