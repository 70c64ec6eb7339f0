import { tzOffset } from '@date-fns/tz';
import { SERVICE_TIME_ZONE } from '../calendar/service-calendar';
import { IKM_UNSUR } from '../domain/ikm';
import { CHANNEL_LABELS, COMPLAINT_SOURCE_LABELS, COMPLAINT_STATUS_LABELS, formatDateId, formatDateTimeId, statusLabel } from './labels';
import { localDateOf } from './period';
import type { IkmYearData } from './ikm-year';
import type { ReportData } from './model';
import { excelSerial, Style, WorkbookWriter, type CellValue, type StyleId } from './sheet-writer';

/**
 * The report as an Excel workbook. Sheets: Ringkasan (summary tables), Konsultasi (one row per
 * consultation, every field), Penilaian (ratings and comments), Pengaduan (complaints). Data
 * sheets: frozen header row and an autofilter. Written with sheet-writer.ts: a year of
 * consultations is tens of thousands of rows, and a cell costs a few string concatenations.
 *
 * Excel has no time zones: every date cell holds the WITA wall-clock time (the instant shifted by
 * the zone's offset), so 10:00 WITA shows as 10:00 on any PC.
 */

/** A data URL's picture, for a sheet (the core stored only PNG or JPEG, told by their bytes). */
function logoImage(dataUrl: string | null): { bytes: Buffer; extension: 'png' | 'jpeg' } | null {
  const match = dataUrl ? /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl) : null;
  return match ? { bytes: Buffer.from(match[2]!, 'base64'), extension: match[1] as 'png' | 'jpeg' } : null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const zoneOffset = (at: number) => tzOffset(SERVICE_TIME_ZONE, new Date(at)) * 60_000;
/** Per UTC day: the zone's offset when it holds all day, else null (a clock change: ask per instant). */
const dayOffsets = new Map<number, number | null>();
/** The zone's offset at an instant; tzOffset costs tens of µs, so it is asked about once per day. */
const offsetAt = (at: number): number => {
  const day = Math.floor(at / DAY);
  let offset = dayOffsets.get(day);
  if (offset === undefined) {
    const [start, end] = [zoneOffset(day * DAY), zoneOffset(day * DAY + DAY - 1)];
    dayOffsets.set(day, (offset = start === end ? start : null));
  }
  return offset ?? zoneOffset(at);
};
/** An instant as the Excel date serial of its WITA wall-clock time. */
export const witaSerial = (at: number | null): number | null => (at === null ? null : excelSerial(at + offsetAt(at)));
const hours = (ms: number | null): number | null => (ms === null ? null : Math.round((ms / HOUR) * 100) / 100);
const yesNo = (value: boolean | null): string | null => (value === null ? null : value ? 'Ya' : 'Tidak');

function writeSummary(book: WorkbookWriter, data: ReportData): void {
  const m = data.model;
  // The office logo beside the letterhead's first lines, right of the office's name, as on the PDF's kop.
  const logo = logoImage(m.logoDataUrl);
  const sheet = book.sheet('Ringkasan', { widths: [44, 16, 16, 16, 16, 16, 16], ...(logo ? { image: { ...logo, col: 5, row: 0, sizePx: 56 } } : {}) });
  const row = (values: CellValue[], style?: { bold?: boolean; numFmt?: (StyleId | undefined)[] }) =>
    sheet.row(values, style?.bold ? Style.Bold : (style?.numFmt ?? Style.Default));
  const title = (value: string) => {
    sheet.gap();
    row([value], { bold: true });
  };
  const id = m.identity;
  // The letterhead, as on the PDF.
  sheet.row([id.officeName.toUpperCase()], Style.Title);
  row([m.unit], { bold: true });
  const contact = [id.address, id.phone ? `Telp. ${id.phone}` : '', id.email ? `Email ${id.email}` : ''].filter(Boolean).join(' · ');
  if (contact) row([contact]);
  sheet.gap();
  row([m.title], { bold: true });
  row([`Periode: ${m.periodTitle}`]);
  row([
    `Dibuat ${formatDateTimeId(m.generatedAt)} WITA${m.running ? '; periode masih berjalan: angka dihitung sampai saat laporan dibuat' : ''}. Waktu dalam jam kerja layanan (Senin–Jumat sesuai kalender layanan). Definisi: lihat catatan di laporan PDF.`,
  ]);

  const s = m.summary;
  title('Ringkasan');
  row(['Ukuran', 'Nilai'], { bold: true });
  row(['Konsultasi dalam periode (baris lembar Konsultasi)', s.consultations]);
  row(['Konsultasi baru', s.newCount]);
  row(['Konsultasi selesai', s.resolvedCount]);
  row(['Masih terbuka di akhir periode', s.openAtEnd]);
  row(['Terlambat (melewati batas waktu) di akhir periode', s.overdueAtEnd]);
  row(['Persyaratan lengkap dalam periode', s.requirementsCompleted]);
  row([`Selesai ≤ ${m.slaWorkingDays} hari kerja sejak persyaratan lengkap`, s.resolvedWithinTarget]);
  row([`Persentase selesai ≤ ${m.slaWorkingDays} hari kerja (dari ${s.resolvedWithClock})`, s.withinTargetShare], { numFmt: [undefined, Style.Percent] });
  row(['Konsultasi baru belum dibalas', s.awaitingFirstResponse]);
  row(['Selesai dengan tautan data resmi BPS', s.answeredWithOfficialLink]);
  row(['Selesai dengan jawaban memakai jawaban sebelumnya', s.answeredWithEarlier]);
  row(['… di antaranya diubah sebelum dikirim', s.answeredWithEarlierEdited]);
  row(['Selesai dengan saran jawaban serupa ditampilkan', s.similarShown]);

  title('Per saluran');
  row(['Saluran', 'Baru', 'Selesai', 'Terbuka di akhir', 'Median tanggapan pertama (jam)', 'Median penyelesaian (jam)'], { bold: true });
  for (const c of m.byChannel)
    row([c.label, c.newCount, c.resolvedCount, c.openAtEnd, hours(c.firstResponseMedianMs), hours(c.resolutionMedianMs)], {
      numFmt: [undefined, undefined, undefined, undefined, Style.Fixed2, Style.Fixed2],
    });

  title(`Per ${m.trend.unit === 'day' ? 'hari' : m.trend.unit === 'week' ? 'minggu' : 'bulan'}`);
  row(['Periode', 'Baru', 'Selesai'], { bold: true });
  for (const p of m.trend.points) row([p.label, p.newCount, p.resolvedCount]);

  title('Waktu layanan (jam kerja)');
  row(['Ukuran', 'Jumlah', 'Median', 'P90', 'Rata-rata'], { bold: true });
  const time = (label: string, d: typeof m.times.firstResponse) =>
    row([label, d.count, hours(d.medianMs), hours(d.p90Ms), hours(d.meanMs)], { numFmt: [undefined, undefined, Style.Fixed2, Style.Fixed2, Style.Fixed2] });
  time('Tanggapan pertama', m.times.firstResponse);
  time('Pemenuhan persyaratan', m.times.requirements);
  time('Penyelesaian (tanpa jeda)', m.times.resolution);

  title('Penilaian');
  row(['Permintaan penilaian', m.ratings.requested]);
  row(['Dijawab', m.ratings.answered]);
  row(['Tingkat respons', m.ratings.responseRate], { numFmt: [undefined, Style.Percent] });
  row(['Penilaian diterima', m.ratings.count]);
  row(['Rata-rata nilai (1–5)', m.ratings.meanScore], { numFmt: [undefined, Style.Fixed2] });
  for (const d of m.ratings.distribution) row([`Nilai ${d.score}`, d.count]);

  title('Indeks Kepuasan Masyarakat (IKM)');
  row(['Unsur', 'Responden', 'NRR'], { bold: true });
  for (const u of m.ikm.unsur) row([`${u.code} ${u.name}`, u.respondents, u.nrr], { numFmt: [undefined, undefined, Style.Fixed3] });
  row(['IKM (Σ NRR / 9)', null, m.ikm.ikm], { numFmt: [undefined, undefined, Style.Fixed3] });
  row(['IKM konversi (× 25)', null, m.ikm.converted], { numFmt: [undefined, undefined, Style.Fixed2] });
  row(['Mutu pelayanan', null, m.ikm.grade ? `${m.ikm.grade} (${m.ikm.label})` : '–']);

  const counts = (heading: string, list: { label: string; count: number }[]) => {
    title(heading);
    for (const c of list) row([c.label, c.count]);
  };
  counts('Pengguna layanan menurut pekerjaan', m.requesters.byOccupation);
  counts('Pengguna layanan menurut instansi', m.requesters.byInstitution);
  counts('Topik konsultasi selesai', m.topics);

  title('Pengaduan');
  row(['Diterima', m.complaints.received]);
  row(['Selesai ditangani', m.complaints.resolved]);
  row(['Terbuka di akhir periode', m.complaints.openAtEnd]);
  for (const c of m.complaints.bySource) row([`Sumber: ${c.label}`, c.count]);

  title('Beban kerja petugas');
  row(['Petugas', 'Baru', 'Selesai', 'Terbuka', 'Terlambat', 'Balasan', 'Median penyelesaian (jam)'], { bold: true });
  for (const o of m.officers)
    row([o.name, o.newAssigned, o.resolved, o.openAtEnd, o.overdueAtEnd, o.repliesSent, hours(o.resolutionMedianMs)], {
      numFmt: [undefined, undefined, undefined, undefined, undefined, undefined, Style.Fixed2],
    });

  title('Konsultasi terlambat di akhir periode');
  row(['Tiket', 'Pengguna', 'Petugas', 'Batas waktu', 'Lewat (jam kerja)'], { bold: true });
  for (const o of m.overdue)
    row([o.ticket, o.requesterName, o.assigneeName, witaSerial(o.dueAt), hours(o.workingMsLate)], {
      numFmt: [undefined, undefined, undefined, Style.DateTime, Style.Fixed2],
    });

  // The signatures, as on the PDF: the head of office on the left, the maker on the right.
  sheet.gap();
  sheet.gap();
  row(['Mengetahui,', null, `${id.city ? `${id.city}, ` : ''}${formatDateId(localDateOf(m.generatedAt))}`]);
  row([id.headTitle, null, id.makerTitle || 'Pembuat laporan']);
  sheet.gap();
  sheet.gap();
  row([id.headName || '(nama belum diisi)', null, id.makerName || '(nama belum diisi)'], { bold: true });
  row([`NIP. ${id.headNip}`, null, `NIP. ${id.makerNip}`]);
}

function writeConsultations(book: WorkbookWriter, data: ReportData): void {
  const n = data.model.slaWorkingDays;
  const { sheet, styles, inline } = book.dataSheet('Konsultasi', [
    { header: 'Tiket', width: 26, unique: true },
    { header: 'Saluran', width: 11 },
    { header: 'Status saat ini', width: 20 },
    { header: 'Dibuat', width: 17, style: Style.DateTime },
    { header: 'Nama', width: 24, unique: true },
    { header: 'Instansi', width: 30 },
    { header: 'Pekerjaan', width: 20 },
    { header: 'Email', width: 26, unique: true },
    { header: 'WhatsApp', width: 16, unique: true },
    { header: 'Subjek', width: 30 },
    { header: 'Keperluan', width: 40 },
    { header: 'Topik', width: 16 },
    { header: 'Ringkasan penyelesaian', width: 40 },
    { header: 'Petugas', width: 22 },
    { header: 'Persyaratan lengkap', width: 17, style: Style.DateTime },
    { header: 'Tanggapan pertama', width: 17, style: Style.DateTime },
    { header: 'Selesai', width: 17, style: Style.DateTime },
    { header: 'Batas waktu', width: 17, style: Style.DateTime },
    { header: 'Target (hari kerja)', width: 10 },
    { header: 'Waktu tanggapan pertama (jam kerja)', width: 14, style: Style.Fixed2 },
    { header: 'Waktu pemenuhan persyaratan (jam kerja)', width: 14, style: Style.Fixed2 },
    { header: 'Waktu penyelesaian tanpa jeda (jam kerja)', width: 14, style: Style.Fixed2 },
    { header: 'Jeda menunggu pengguna (jam kerja)', width: 14, style: Style.Fixed2 },
    { header: `Selesai ≤ ${n} hari kerja`, width: 11 },
    { header: 'Baru dalam periode', width: 10 },
    { header: 'Selesai dalam periode', width: 10 },
    { header: 'Terbuka di akhir periode', width: 10 },
    { header: 'Terlambat di akhir periode', width: 10 },
    { header: 'Dibuka kembali (kali)', width: 10 },
    { header: 'Penutupan (kali)', width: 10 },
    { header: 'Nilai terakhir (1–5)', width: 9 },
    { header: 'Nilai tiap penutupan', width: 12 },
    { header: 'Saran/komentar terakhir', width: 40, unique: true },
  ]);
  for (const r of data.consultations) {
    sheet.row(
      [
        r.ticket,
        CHANNEL_LABELS[r.channel],
        statusLabel(r.status),
        witaSerial(r.createdAt),
        r.requesterName,
        r.institution,
        r.occupation,
        r.email,
        r.whatsapp,
        r.subject,
        r.need,
        r.topic,
        r.summary,
        r.assigneeName,
        witaSerial(r.requirementsCompleteAt),
        witaSerial(r.firstResponseAt),
        witaSerial(r.resolvedAt),
        witaSerial(r.dueAt),
        r.requirementsCompleteAt === null ? null : r.targetDays,
        hours(r.firstResponseMs),
        hours(r.requirementsMs),
        hours(r.resolutionMs),
        hours(r.pausedMs),
        r.resolutionMs === null ? null : yesNo(r.resolutionMs <= n * data.model.standardDayMs),
        yesNo(r.isNew),
        yesNo(r.isResolved),
        yesNo(r.openAtEnd),
        yesNo(r.overdueAtEnd),
        r.reopenedCount,
        r.closures,
        r.score,
        r.allScores,
        r.feedback,
      ],
      styles,
      inline,
    );
  }
}

function writeRatings(book: WorkbookWriter, data: ReportData): void {
  const { sheet, styles, inline } = book.dataSheet('Penilaian', [
    { header: 'Tiket', width: 26, unique: true },
    { header: 'Saluran', width: 11 },
    { header: 'Penutupan ke-', width: 10 },
    { header: 'Diterima', width: 17, style: Style.DateTime },
    { header: 'Nilai (1–5)', width: 8 },
    { header: 'Saran/komentar', width: 50, unique: true },
    ...IKM_UNSUR.map((u) => ({ header: `${u.code} ${u.name}`, width: 12 })),
    { header: 'Melalui', width: 11 },
    { header: 'Nama pengguna', width: 24, unique: true },
    { header: 'Petugas', width: 22 },
  ]);
  for (const r of data.ratings) {
    sheet.row(
      [
        r.ticket,
        CHANNEL_LABELS[r.channel],
        r.closure + 1,
        witaSerial(r.createdAt),
        r.score,
        r.feedback,
        ...r.skm,
        CHANNEL_LABELS[r.source],
        r.requesterName,
        r.assigneeName,
      ],
      styles,
      inline,
    );
  }
}

function writeComplaints(book: WorkbookWriter, data: ReportData): void {
  const { sheet, styles, inline } = book.dataSheet('Pengaduan', [
    { header: 'No.', width: 7 },
    { header: 'Sumber', width: 16 },
    { header: 'Status', width: 12 },
    { header: 'Diterima', width: 17, style: Style.DateTime },
    { header: 'Selesai', width: 17, style: Style.DateTime },
    { header: 'Isi pengaduan', width: 50, unique: true },
    { header: 'Nama pelapor', width: 22, unique: true },
    { header: 'Kontak', width: 22, unique: true },
    { header: 'Tanggapan', width: 50, unique: true },
    { header: 'Petugas', width: 22 },
  ]);
  for (const c of data.complaints) {
    sheet.row(
      [
        c.id,
        COMPLAINT_SOURCE_LABELS[c.source],
        COMPLAINT_STATUS_LABELS[c.status],
        witaSerial(c.receivedAt),
        witaSerial(c.resolvedAt),
        c.text,
        c.contactName,
        c.contact,
        c.response,
        c.officerName,
      ],
      styles,
      inline,
    );
  }
}

/** The workbook's bytes. */
export function renderXlsx(data: ReportData): Promise<Buffer> {
  const created = data.model.generatedAt;
  const book = new WorkbookWriter({
    creator: 'PST Console',
    title: `${data.model.title} — ${data.model.period.label}`,
    createdWallClockMs: created + offsetAt(created),
  });
  writeSummary(book, data);
  writeConsultations(book, data);
  writeRatings(book, data);
  writeComplaints(book, data);
  return book.finish();
}

/** The yearly IKM workbook: the IKM sheet (as the PDF) and one row per respondent. */
export function renderIkmXlsx(data: IkmYearData): Promise<Buffer> {
  const m = data.model;
  const id = m.identity;
  const created = m.generatedAt;
  const book = new WorkbookWriter({ creator: 'PST Console', title: `${m.title} — Tahun ${m.year}`, createdWallClockMs: created + offsetAt(created) });
  const sheet = book.sheet('IKM', { widths: [52, 14, 14, 14] });
  sheet.row([id.officeName.toUpperCase()], Style.Title);
  sheet.row([m.unit], Style.Bold);
  sheet.gap();
  sheet.row([m.title], Style.Bold);
  sheet.row([`Tahun ${m.year}${m.running ? `, sampai dengan ${formatDateTimeId(m.asOf)} WITA` : ''}`]);
  sheet.gap();
  sheet.row(['Unsur', 'Responden', 'NRR', 'NRR × 1/9'], Style.Bold);
  for (const u of m.unsur)
    sheet.row([`${u.code} ${u.name}`, u.respondents, u.nrr, u.nrr === null ? null : u.nrr / 9], [undefined, undefined, Style.Fixed3, Style.Fixed3]);
  sheet.row(['IKM (Σ NRR × 1/9)', null, m.ikm], [undefined, undefined, Style.Fixed3]);
  sheet.row(['IKM konversi (× 25)', null, m.converted], [undefined, undefined, Style.Fixed2]);
  sheet.row(['Mutu pelayanan', null, m.grade ? `${m.grade} (${m.label})` : '–']);
  sheet.gap();
  sheet.row(['Penerima layanan dalam tahun ini (populasi)', m.population]);
  sheet.row(['Sampel minimum (tabel Krejcie dan Morgan, lampiran PermenPANRB 14/2017)', m.minimumSample]);
  sheet.row(['Responden survei', m.respondents]);
  if (!m.sampleEnough) sheet.row(['Perhatian: responden kurang dari sampel minimum; hasil IKM belum mewakili seluruh penerima layanan.'], Style.Bold);
  sheet.gap();
  sheet.row(['Responden menurut pekerjaan'], Style.Bold);
  for (const c of m.byOccupation) sheet.row([c.label, c.count]);
  sheet.gap();
  sheet.row(['Mengetahui,', null, `${id.city ? `${id.city}, ` : ''}${formatDateId(localDateOf(m.generatedAt))}`]);
  sheet.row([id.headTitle, null, id.makerTitle || 'Pembuat laporan']);
  sheet.gap();
  sheet.gap();
  sheet.row([id.headName || '(nama belum diisi)', null, id.makerName || '(nama belum diisi)'], Style.Bold);
  sheet.row([`NIP. ${id.headNip}`, null, `NIP. ${id.makerNip}`]);
  const {
    sheet: list,
    styles,
    inline,
  } = book.dataSheet('Responden', [
    { header: 'Tiket', width: 26, unique: true },
    { header: 'Diterima', width: 17, style: Style.DateTime },
    { header: 'Pekerjaan', width: 20 },
    ...IKM_UNSUR.map((u) => ({ header: `${u.code} ${u.name}`, width: 12 })),
  ]);
  for (const r of data.respondents) list.row([r.ticket, witaSerial(r.answeredAt), r.occupation, ...r.answers], styles, inline);
  return book.finish();
}
