import { afterEach, expect, it } from 'vitest';
import { ingest } from '../../src-main/core/inbound/ingest';
import { ADMIN, startCoreWithAdmin, type TestCore } from '../helpers/core';
import { wita } from '../helpers/report-fixture';

/**
 * The report reads what the workflow stores (clock start, pause spans, closure, rating): here a
 * consultation goes through the real handlers, and the report's figures are checked by hand.
 */
const H = 3_600_000;
let now = 0;
let core: TestCore;
afterEach(() => core?.dispose());

const at = async (text: string) => {
  now = wita(text);
  await core.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
};

it('measures a consultation handled through the workflow handlers, across the 17 August holiday and a pause', async () => {
  now = wita('2026-08-14 14:00'); // Friday
  core = await startCoreWithAdmin({ now: () => now });
  const { conversationId: id } = ingest(core.services, {
    channel: 'email',
    externalId: '<laporan-1@contoh.id>',
    sourceId: 'made@undiksha.ac.id',
    receivedAt: now,
    text: 'Mohon data penduduk per kecamatan',
    subject: 'Permohonan data penduduk',
    requester: { name: 'Made Sudarma', email: 'made@undiksha.ac.id' },
    thread: { mode: 'explicit' },
  });
  await at('2026-08-14 14:30');
  await core.must('conversations.updateRequirements', {
    id,
    requester: { institution: 'Universitas Pendidikan Ganesha', occupation: 'Pelajar/Mahasiswa', whatsapp: '0812-3456-7890' },
    need: 'Jumlah penduduk per kecamatan 2025',
  });
  await at('2026-08-18 10:00'); // Tuesday (Monday 17 is a holiday)
  await core.must('conversations.waitForRequester', { id, reason: 'tahun data belum jelas' });
  await at('2026-08-19 10:00');
  await core.must('conversations.resume', { id });
  await at('2026-08-21 09:00');
  await core.must('conversations.resolve', { id, summary: 'Tabel dikirim', topic: 'Kependudukan' });
  await at('2026-08-21 10:00');
  await core.must('ratings.record', { conversationId: id, score: 4, feedback: 'Terima kasih', skm: [4, 3, 3, 4, 4, 4, 4, 3, 4], via: 'langsung' });

  await at('2026-08-26 09:00');
  const model = await core.must('reports.build', {}); // last week: 2026-W34
  expect(model.period.firstDate).toBe('2026-08-17');
  expect(model.summary).toMatchObject({ consultations: 1, newCount: 0, resolvedCount: 1, openAtEnd: 0, resolvedWithinTarget: 1, withinTargetShare: 1 });
  // Fri 14:30–15:30 1 h, Tue 08:00–10:00 2 h, (pause Tue 10:00 → Wed 10:00), Wed 5.5 h, Thu 7.5 h, Fri 1 h = 17 h.
  expect(model.times.resolution).toMatchObject({ count: 1, medianMs: 17 * H });
  expect(model.topics.find((t) => t.key === 'Kependudukan')?.count).toBe(1);
  expect(model.ratings).toMatchObject({ requested: 1, answered: 1, count: 1, meanScore: 4, commentsTotal: 1 });
  expect(model.ikm.respondents).toBe(1);
  expect(model.ikm.converted).toBe(91.67); // Σ = 33 → 33/9 × 25 = 91.666… → 91.67 (A)
  expect(model.ikm.grade).toBe('A');
});
