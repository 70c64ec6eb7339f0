/**
 * A small week of service for the report tests (ISO week 2026-W34, 17–23 August 2026 WITA; Monday
 * 17 August is Independence Day, Tuesday 25 August is Maulid Nabi), written straight into a real
 * store. Every expected figure is worked out by hand in test/unit/reports-model.test.ts.
 */
import type { Db } from '../../src-main/core/store/db';

/** An instant from a WITA wall-clock time 'YYYY-MM-DD HH:mm'. */
export const wita = (text: string): number => {
  const [date, time] = text.split(' ') as [string, string];
  return Date.parse(`${date}T${time}:00+08:00`);
};

export const FIXTURE_NOW = wita('2026-08-26 10:00');
export const FIXTURE_WEEK = '2026-W34';

export interface FixtureIds {
  sari: number;
  budi: number;
}

export function insertReportFixture(db: Db, officers: FixtureIds): void {
  const requester = db.prepare('INSERT INTO requesters (name, institution, occupation, email, whatsapp, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)');
  const person = (name: string, institution: string | null, occupation: string | null) =>
    Number(requester.run(name, institution, occupation, `${name.split(' ')[0]!.toLowerCase()}@contoh.id`, '+6281234567890').lastInsertRowid);
  const ayu = person('Ni Kadek Ayu', 'Universitas Pendidikan Ganesha', 'Pelajar/Mahasiswa');
  const wayan = person('I Wayan Sudarma', 'Universitas Udayana', 'Peneliti/Dosen');
  const made = person('Made Arsana', 'universitas pendidikan ganesha ', 'Pelajar/Mahasiswa');
  const walkIn = person('Pengunjung PST', null, null);
  const old = person('Putu Lama', 'Bappeda Buleleng', 'ASN/TNI/Polri');

  const conversation = db.prepare(
    `INSERT INTO conversations (ticket, requester_id, channel, status, subject, need, topic, summary, assignee_id, automated, last_message_preview, last_message_at,
       created_at, updated_at, first_response_at, requirements_complete_at, sla_target_days, sla_due_at, sla_paused_since, resolved_at)
     VALUES (@ticket, @requester, @channel, @status, @subject, 'data untuk penelitian', @topic, @summary, @assignee, @automated, '', @created, @created, @created,
       @firstResponse, @complete, CASE WHEN @complete IS NULL THEN NULL ELSE 3 END, NULL, @pausedSince, @resolved)`,
  );
  const add = (c: {
    ticket: string;
    requester: number;
    channel: 'telegram' | 'email' | 'manual';
    status: string;
    assignee: number | null;
    created: string;
    firstResponse?: string;
    complete?: string;
    resolved?: string;
    topic?: string;
    automated?: boolean;
  }) =>
    Number(
      conversation.run({
        ticket: c.ticket,
        requester: c.requester,
        channel: c.channel,
        status: c.status,
        subject: `Permohonan data ${c.ticket}`,
        topic: c.topic ?? null,
        summary: c.resolved ? 'Data dikirim.' : null,
        assignee: c.assignee,
        automated: c.automated ? 1 : 0,
        created: wita(c.created),
        firstResponse: c.firstResponse ? wita(c.firstResponse) : null,
        complete: c.complete ? wita(c.complete) : null,
        // As the workflow stores it: a closure pauses the clock at the closing instant.
        pausedSince: c.resolved ? wita(c.resolved) : null,
        resolved: c.resolved ? wita(c.resolved) : null,
      }).lastInsertRowid,
    );

  const { sari, budi } = officers;
  const c1 = add({
    ticket: 'KONS-5108-20260814-0001',
    requester: ayu,
    channel: 'telegram',
    status: 'rated',
    assignee: sari,
    created: '2026-08-14 14:00',
    firstResponse: '2026-08-14 14:30',
    complete: '2026-08-14 15:00',
    resolved: '2026-08-20 11:00',
    topic: 'Kependudukan',
  });
  const c2 = add({
    ticket: 'KONS-5108-20260818-0001',
    requester: wayan,
    channel: 'email',
    status: 'rated',
    assignee: sari,
    created: '2026-08-18 09:00',
    firstResponse: '2026-08-18 10:00',
    complete: '2026-08-18 10:00',
    resolved: '2026-08-21 14:00',
    topic: 'PDRB/Ekonomi',
  });
  db.prepare('INSERT INTO sla_pauses (conversation_id, from_at, to_at) VALUES (?, ?, ?)').run(c2, wita('2026-08-19 09:00'), wita('2026-08-20 09:00'));
  add({
    ticket: 'KONS-5108-20260819-0001',
    requester: ayu,
    channel: 'telegram',
    status: 'in_progress',
    assignee: budi,
    created: '2026-08-19 16:00',
    firstResponse: '2026-08-20 08:30',
    complete: '2026-08-20 09:00',
  });
  add({
    ticket: 'KONS-5108-20260810-0001',
    requester: old,
    channel: 'email',
    status: 'in_progress',
    assignee: budi,
    created: '2026-08-10 09:00',
    firstResponse: '2026-08-10 09:30',
    complete: '2026-08-10 10:00',
  });
  add({
    ticket: 'KONS-5108-20260821-0001',
    requester: walkIn,
    channel: 'manual',
    status: 'awaiting_requirements',
    assignee: null,
    created: '2026-08-21 10:00',
  });
  const c6 = add({
    ticket: 'KONS-5108-20260820-0001',
    requester: ayu,
    channel: 'telegram',
    status: 'rated',
    assignee: sari,
    created: '2026-08-20 09:00',
    firstResponse: '2026-08-20 09:15',
    complete: '2026-08-20 09:15',
    resolved: '2026-08-20 11:15',
    topic: 'Kependudukan',
  });
  add({ ticket: 'KONS-5108-20260818-0002', requester: old, channel: 'email', status: 'new', assignee: budi, created: '2026-08-18 08:00', automated: true });
  add({
    ticket: 'KONS-5108-20260803-0001',
    requester: old,
    channel: 'email',
    status: 'resolved',
    assignee: sari,
    created: '2026-08-03 09:00',
    firstResponse: '2026-08-03 09:10',
    complete: '2026-08-03 09:10',
    resolved: '2026-08-05 10:00',
    topic: 'IPM',
  });
  add({
    ticket: 'KONS-5108-20260803-0002',
    requester: old,
    channel: 'email',
    status: 'resolved',
    assignee: sari,
    created: '2026-08-03 09:30',
    firstResponse: '2026-08-03 09:45',
    complete: '2026-08-03 10:00',
    resolved: '2026-08-24 10:00',
    topic: 'IPM',
  });
  const c10 = add({
    ticket: 'KONS-5108-20260818-0003',
    requester: made,
    channel: 'telegram',
    status: 'resolved',
    assignee: budi,
    created: '2026-08-18 13:00',
    firstResponse: '2026-08-18 13:30',
    complete: '2026-08-18 14:00',
    resolved: '2026-08-21 15:00',
    topic: 'Pertanian',
  });

  const request = db.prepare('INSERT INTO rating_requests (conversation_id, closure, channel, created_at, answered_at) VALUES (?, 0, ?, ?, ?)');
  const rating = db.prepare(
    `INSERT INTO ratings (conversation_id, closure, rating_request_id, score, feedback, u1, u2, u3, u4, u5, u6, u7, u8, u9, source, created_at)
     VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rate = (id: number, channel: string, requestedAt: string, at: string | null, score?: number, feedback?: string | null, skm?: number[]) => {
    const requestId = Number(request.run(id, channel, wita(requestedAt), at ? wita(at) : null).lastInsertRowid);
    if (at) rating.run(id, requestId, score, feedback ?? null, ...(skm ?? Array<null>(9).fill(null)), channel, wita(at));
  };
  rate(c1, 'telegram', '2026-08-20 11:00', '2026-08-20 12:00', 5, 'Sangat membantu', [4, 4, 3, 4, 4, 4, 4, 3, 4]);
  rate(c2, 'email', '2026-08-21 14:00', '2026-08-21 15:00', 4, null, [3, 3, 3, 4, 3, 3, 4, 3, 3]);
  rate(c6, 'telegram', '2026-08-20 11:15', '2026-08-20 13:00', 3, 'Data per desa belum ada');
  rate(c10, 'telegram', '2026-08-21 15:00', null);

  const complaint = db.prepare('INSERT INTO complaints (source, text, status, officer_id, received_at, resolved_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const log = (source: string, text: string, received: string, resolved: string | null) =>
    complaint.run(source, text, resolved ? 'resolved' : 'open', sari, wita(received), resolved ? wita(resolved) : null, wita(received));
  log('kotak_saran', 'Ruang tunggu panas', '2026-08-18 10:00', '2026-08-20 10:00');
  log('telepon', 'Balasan email lama', '2026-08-21 09:00', null);
  log('formulir_online', 'Tabel sulit dicari', '2026-08-05 09:00', '2026-08-19 09:00');
  log('langsung', 'Antrean lama', '2026-08-03 09:00', '2026-08-04 09:00');

  const reply = db.prepare(
    "INSERT INTO messages (conversation_id, direction, channel, body_text, author_officer_id, delivery, created_at) VALUES (?, 'outgoing', ?, 'Balasan', ?, 'sent', ?)",
  );
  reply.run(c2, 'email', sari, wita('2026-08-18 10:00'));
  reply.run(c6, 'telegram', sari, wita('2026-08-20 09:15'));
  reply.run(c10, 'telegram', budi, wita('2026-08-18 13:30'));
  reply.run(c1, 'telegram', sari, wita('2026-08-14 14:30'));
}
