/**
 * A year of consultations written straight into a store for the report benchmark: the report reads
 * only the stored outcome (times, pauses, ratings, complaints), so the data set is built with SQL
 * in seconds instead of replaying every message through ingest. Times come from the real
 * ServiceCalendar, so first responses, pauses and resolutions fall in service hours.
 */
import type { ServiceCalendar } from '../../src-main/core/calendar';
import { calendarQueries } from '../../src-main/core/calendar';
import { INSTITUTIONS, Rng, TOPICS } from '../../src-main/core/seed';
import { personName } from '../../src-main/core/seed/people';
import type { Db } from '../../src-main/core/store/db';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ReportDataOptions {
  conversations: number;
  /** The data set ends here (exclusive); it spans the year before. */
  end: number;
  seed?: number;
}

export function populateReportData(db: Db, options: ReportDataOptions): { calendar: ServiceCalendar; conversations: number } {
  const rng = new Rng(options.seed ?? 5108);
  const now = options.end;
  calendarQueries(db).seed(now - 365 * DAY);
  const calendar = calendarQueries(db).buildCalendar();
  const dayMs = calendar.standardDayMs;
  const insertOfficer = db.prepare("INSERT INTO officers (username, display_name, role, password_hash, created_at) VALUES (?, ?, 'officer', 'x', ?)");
  const officers = ['Ni Made Sari', 'I Putu Agus Wirawan', 'Kadek Dwi Lestari', 'Gede Arya Pratama', 'Komang Ayu Suryani'].map((name, i) =>
    Number(insertOfficer.run(`petugas${i + 1}`, name, now).lastInsertRowid),
  );
  const insertRequester = db.prepare(
    'INSERT INTO requesters (name, institution, occupation, email, whatsapp, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertConversation = db.prepare(
    `INSERT INTO conversations (ticket, requester_id, channel, status, subject, need, topic, summary, assignee_id, last_message_preview, last_message_at,
       first_response_at, requirements_complete_at, sla_target_days, sla_due_at, sla_paused_since, sla_paused_ms, resolved_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, 3, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPause = db.prepare('INSERT INTO sla_pauses (conversation_id, from_at, to_at) VALUES (?, ?, ?)');
  const insertRequest = db.prepare('INSERT INTO rating_requests (conversation_id, closure, channel, created_at, answered_at) VALUES (?, 0, ?, ?, ?)');
  const insertRating = db.prepare(
    `INSERT INTO ratings (conversation_id, closure, rating_request_id, score, feedback, u1, u2, u3, u4, u5, u6, u7, u8, u9, source, created_at)
     VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReply = db.prepare(
    "INSERT INTO messages (conversation_id, direction, channel, body_text, author_officer_id, delivery, created_at) VALUES (?, 'outgoing', ?, 'Terima kasih, data terlampir.', ?, 'sent', ?)",
  );
  const insertComplaint = db.prepare(
    'INSERT INTO complaints (source, text, contact_name, status, response, officer_id, received_at, resolved_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const feedbacks = [
    'Pelayanan cepat dan ramah, terima kasih.',
    'Datanya lengkap, sangat membantu skripsi saya.',
    'Mohon tabel per desa juga disediakan.',
    'Respon agak lama di hari Jumat.',
    'Mantap, petugas sangat membantu.',
  ];
  const start = now - 365 * DAY;
  const counters = new Map<string, number>();

  db.transaction(() => {
    for (let i = 0; i < options.conversations; i++) {
      // Arrivals spread over the year, at any hour (people write in the evening too).
      const createdAt = start + Math.floor(((i + rng.next()) / options.conversations) * (365 * DAY - 2 * DAY));
      const institution = rng.weighted(INSTITUTIONS.map((x) => [x, x.weight] as const));
      const person = personName(rng);
      const requesterId = Number(
        insertRequester.run(
          person.name,
          institution.name,
          institution.occupation,
          `${person.handle.toLowerCase().replace(/\W+/g, '.')}${i}@contoh.id`,
          `+62812${String(1e7 + i).slice(-8)}`,
          createdAt,
          createdAt,
        ).lastInsertRowid,
      );
      const channel = rng.chance(0.6) ? 'email' : 'telegram';
      const topic = rng.pick(TOPICS);
      const firstResponseAt = calendar.addWorkingTime(createdAt, Math.floor(rng.next() * 4 * HOUR) + 5 * 60_000);
      const complete = rng.chance(0.93) ? calendar.addWorkingTime(createdAt, Math.floor(rng.next() * 0.8 * dayMs)) : null;
      let pause: [number, number] | null = null;
      let resolvedAt: number | null = null;
      if (complete !== null) {
        const used = Math.floor(rng.next() ** 1.6 * 4.2 * dayMs) + 15 * 60_000;
        if (rng.chance(0.2)) {
          const pauseFrom = calendar.addWorkingTime(complete, Math.floor(used / 3));
          pause = [pauseFrom, pauseFrom + Math.floor(rng.next() * 3 * DAY) + HOUR];
        }
        resolvedAt = calendar.dueAt(complete, used / dayMs, pause ? [{ from: pause[0], to: pause[1] }] : []);
        if (resolvedAt >= now || (now - resolvedAt < 30 * DAY && rng.chance(0.05))) resolvedAt = null; // still open at the end
      } else if (now - createdAt > 14 * DAY) {
        resolvedAt = calendar.addWorkingTime(createdAt, Math.floor(rng.next() * 2 * dayMs)); // closed without complete requirements
      }
      const due = complete === null ? null : calendar.dueAt(complete, 3, pause ? [{ from: pause[0], to: pause[1] }] : []);
      const status = resolvedAt === null ? (complete === null ? 'awaiting_requirements' : 'in_progress') : rng.chance(0.6) ? 'rated' : 'resolved';
      const day = calendar.dateOf(createdAt).replaceAll('-', '');
      const seq = (counters.get(day) ?? 0) + 1;
      counters.set(day, seq);
      const id = Number(
        insertConversation.run(
          `KONS-5108-${day}-${String(seq).padStart(4, '0')}`,
          requesterId,
          channel,
          status,
          `Permohonan data ${topic}`,
          `Data ${topic} Kabupaten Buleleng untuk penelitian`,
          resolvedAt === null ? null : topic,
          resolvedAt === null ? null : 'Data dikirim melalui email beserta tautan publikasi.',
          rng.pick(officers),
          resolvedAt ?? firstResponseAt,
          firstResponseAt < now ? firstResponseAt : null,
          complete,
          due,
          resolvedAt,
          pause ? calendar.workingTimeBetween(pause[0], pause[1]) : 0,
          resolvedAt,
          createdAt,
          resolvedAt ?? createdAt,
        ).lastInsertRowid,
      );
      if (pause && (resolvedAt === null || pause[1] <= resolvedAt)) insertPause.run(id, pause[0], pause[1]);
      if (firstResponseAt < now) insertReply.run(id, channel, rng.pick(officers), firstResponseAt);
      if (resolvedAt !== null) {
        const answered = status === 'rated' ? resolvedAt + Math.floor(rng.next() * 2 * DAY) : null;
        const requestId = Number(insertRequest.run(id, channel, resolvedAt, answered).lastInsertRowid);
        if (answered !== null) {
          const score = rng.weighted([
            [5, 55],
            [4, 30],
            [3, 10],
            [2, 3],
            [1, 2],
          ] as const);
          const skm = rng.chance(0.35)
            ? Array.from({ length: 9 }, () =>
                rng.weighted([
                  [4, 50],
                  [3, 42],
                  [2, 6],
                  [1, 2],
                ] as const),
              )
            : Array<null>(9).fill(null);
          insertRating.run(id, requestId, score, rng.chance(0.25) ? rng.pick(feedbacks) : null, ...skm, channel, answered);
        }
      }
    }
    const complaints = Math.max(1, Math.round(options.conversations / 150));
    for (let i = 0; i < complaints; i++) {
      const receivedAt = start + Math.floor(rng.next() * 360 * DAY);
      const resolved = rng.chance(0.85) ? calendar.addWorkingTime(receivedAt, Math.floor(rng.next() * 3 * dayMs)) : null;
      insertComplaint.run(
        rng.pick(['kotak_saran', 'formulir_online', 'telepon', 'langsung'] as const),
        rng.pick(['Antrean di ruang PST lama.', 'Tabel di website sulit ditemukan.', 'Balasan email terlambat.', 'Mohon sediakan data per desa.']),
        person(rng),
        resolved === null ? 'open' : 'resolved',
        resolved === null ? null : 'Sudah ditindaklanjuti dan disampaikan kepada pelapor.',
        rng.pick(officers),
        receivedAt,
        resolved,
        receivedAt,
      );
    }
  })();
  return { calendar, conversations: options.conversations };
}

const person = (rng: Rng) => personName(rng).name;
