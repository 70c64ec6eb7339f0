import { afterEach, describe, expect, it } from 'vitest';
import { startCoreWithAdmin, type TestCore } from '../helpers/core';

let core: TestCore;
afterEach(() => core.dispose());

/** Tuesday 1 December 2026, 10:00 WITA: the office is open. */
const TUESDAY_10_WITA = Date.UTC(2026, 11, 1, 2, 0, 0);

describe('walk-in and phone consultations', () => {
  // The standard's requirements include an email address (DESIGN §1), so she gives hers.
  it('a visitor with every requirement: the clock starts at once, the answer on the spot closes it, the weekly report counts it', async () => {
    let now = TUESDAY_10_WITA;
    core = await startCoreWithAdmin({ now: () => now });
    const created = await core.must('conversations.createWalkIn', {
      via: 'langsung',
      requester: {
        name: 'Ni Kadek Sri Wahyuni',
        institution: 'SMA Negeri 1 Singaraja',
        occupation: 'Pelajar',
        email: 'kadeksri.wahyuni@gmail.com',
        whatsapp: '0812 3456 7890',
      },
      need: 'Jumlah penduduk Kecamatan Buleleng per desa tahun 2024 untuk tugas sekolah',
    });
    expect(created).toMatchObject({ channel: 'manual', status: 'in_progress', subject: 'Konsultasi langsung', assigneeId: 1 });
    expect(created.requester).toMatchObject({ name: 'Ni Kadek Sri Wahyuni', whatsapp: '+6281234567890' });
    expect(created.requirementsCompleteAt).toBe(TUESDAY_10_WITA);
    expect(created.ticket).toMatch(/^KONS-5108-20261201-\d{4}$/);

    now += 20 * 60_000;
    await core.must('messages.recordAnswer', {
      conversationId: created.id,
      text: 'Tabel diberikan dari Kecamatan Buleleng Dalam Angka 2025, hal. 45',
      via: 'langsung',
    });
    const answered = await core.must('conversations.get', { id: created.id });
    expect(answered.firstResponseAt).toBe(now);
    const lines = await core.must('messages.list', { conversationId: created.id });
    expect(lines.find((m) => m.direction === 'outgoing')).toMatchObject({ delivery: 'sent', channel: 'manual' });
    // Nothing was put on the outbox: there is nowhere to send it.
    expect(core.services.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);

    await core.must('conversations.resolve', {
      id: created.id,
      summary: 'Data diberikan langsung',
      topic: (await core.must('workflow.getSettings', {})).topics[0]!,
    });
    const report = await core.must('reports.build', { period: { kind: 'week', week: '2026-W49' } });
    const walkIns = report.byChannel.find((c) => c.channel === 'manual');
    expect(walkIns).toMatchObject({ newCount: 1, resolvedCount: 1 });
  });

  it('a caller known from before, answered and closed in one go; a caller without a name is refused', async () => {
    core = await startCoreWithAdmin({ now: () => TUESDAY_10_WITA });
    const first = await core.must('conversations.createWalkIn', {
      via: 'telepon',
      requester: { name: 'Bapak Ketut Arsana' },
      need: 'Inflasi Singaraja Oktober',
    });
    // Missing institution, occupation and WhatsApp: waits for requirements, like any channel.
    expect(first.status).toBe('awaiting_requirements');
    const topic = (await core.must('workflow.getSettings', {})).topics[0]!;
    const again = await core.must('conversations.createWalkIn', {
      via: 'telepon',
      requesterId: first.requester.id,
      need: 'Angka inflasi Singaraja November 2026',
      answer: { text: 'Inflasi November belum rilis; rilis 1 Desember pukul 11.00 WITA di situs BPS', summary: 'Dijelaskan jadwal rilis', topic },
    });
    expect(again).toMatchObject({ requesterId: first.requester.id, subject: 'Konsultasi telepon', status: 'resolved' });
    expect(
      await core.call('conversations.createWalkIn', { via: 'telepon', requester: { institution: 'Dinas Sosial' }, need: 'Data kemiskinan' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
  });
});
