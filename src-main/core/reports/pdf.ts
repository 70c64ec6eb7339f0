import pdfmake, { type Content } from 'pdfmake';
import vfs from 'pdfmake/build/vfs_fonts.js';
import type { IkmYearReport, ReportDuration, ReportModel } from '../../../src-preload/contract';
import { IKM_CATEGORIES } from '../domain/ikm';
import { barList, columnChart, COLORS } from './pdf-charts';
import { formatDateId, formatDateTimeId, formatInstantLongId, formatDecimal, formatInteger, formatPercent, formatWorkingDuration, statusLabel } from './labels';
import { localDateOf } from './period';

/**
 * The report as an A4 PDF, from the model alone, with pdfmake (pure JavaScript: the same code in
 * the desktop app, the browser host and the CLI; no browser, no download). Fonts are the Roboto
 * files pdfmake ships in its virtual file system; every local file and URL access is refused.
 */

/** A4 with the margins of an Indonesian office document: a wider left margin for binding. */
const MARGINS: [number, number, number, number] = [62, 46, 48, 50];
const PAGE_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
/** Rows of long lists in the PDF; the xlsx has all of them. */
const MAX_OVERDUE_ROWS = 25;
const MAX_COMMENT_ROWS = 15;
/** Keeps the comments and the signatures within one page (the xlsx has every comment in full). */
const MAX_COMMENT_CHARS = 240;

let fontsReady = false;
function prepareFonts(): void {
  if (fontsReady) return;
  for (const [name, data] of Object.entries(vfs)) pdfmake.virtualfs.writeFileSync(name, data, 'base64');
  pdfmake.setFonts({
    Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsReady = true;
}

const heading = (text: string, pageBreak = false): Content => ({ text, style: 'h2', ...(pageBreak ? { pageBreak: 'before' } : {}) });
const note = (text: string): Content => ({ text, style: 'note' });

const table = (headers: string[], rows: (string | number)[][], widths: (number | string)[], align: ('left' | 'right' | 'center')[] = []): Content => ({
  table: {
    headerRows: 1,
    widths,
    body: [
      headers.map((h, i) => ({ text: h, style: 'th', alignment: align[i] ?? 'left' })),
      ...rows.map((r) =>
        r.map((c, i) => ({ text: typeof c === 'number' ? formatInteger(c) : c, alignment: align[i] ?? (typeof c === 'number' ? 'right' : 'left') })),
      ),
    ],
  },
  layout: {
    hLineWidth: (i: number) => (i <= 1 ? 0.8 : 0.3),
    vLineWidth: () => 0,
    hLineColor: () => COLORS.grid,
    fillColor: (i: number) => (i === 0 ? '#eef3f9' : null),
    paddingTop: () => 2.5,
    paddingBottom: () => 2.5,
  },
  fontSize: 8,
  margin: [0, 2, 0, 8],
});

function card(label: string, value: string, hint?: string): Content {
  return {
    stack: [
      { text: value, fontSize: 17, bold: true, color: COLORS.primary },
      { text: label, fontSize: 7.5, color: COLORS.text },
      ...(hint ? [{ text: hint, fontSize: 6.5, color: COLORS.muted }] : []),
    ],
    margin: [6, 5, 6, 5],
  };
}

function cards(model: ReportModel): Content {
  const s = model.summary;
  const d = model.standardDayMs;
  const top = [
    card('Konsultasi baru', formatInteger(s.newCount)),
    card('Konsultasi selesai', formatInteger(s.resolvedCount)),
    card('Masih terbuka di akhir periode', formatInteger(s.openAtEnd)),
    card('Terlambat di akhir periode', formatInteger(s.overdueAtEnd), 'melewati batas waktu layanan'),
  ];
  const bottom = [
    card(
      `Selesai ≤ ${model.slaWorkingDays} hari kerja`,
      formatPercent(s.withinTargetShare),
      `${formatInteger(s.resolvedWithinTarget)} dari ${formatInteger(s.resolvedWithClock)} sejak persyaratan lengkap`,
    ),
    card('Median tanggapan pertama', formatWorkingDuration(model.times.firstResponse.medianMs, d), 'jam kerja'),
    card('Median penyelesaian', formatWorkingDuration(model.times.resolution.medianMs, d), 'jam kerja, tanpa jeda'),
    card(
      'Rata-rata penilaian',
      model.ratings.meanScore === null ? '–' : `${formatDecimal(model.ratings.meanScore)} / 5`,
      `${formatInteger(model.ratings.count)} penilaian`,
    ),
  ];
  return {
    table: { widths: ['*', '*', '*', '*'], body: [top, bottom] },
    layout: { hLineWidth: () => 1.5, vLineWidth: () => 1.5, hLineColor: () => '#ffffff', vLineColor: () => '#ffffff', fillColor: () => '#f3f6fa' },
    margin: [0, 4, 0, 10],
  };
}

const durationRow = (label: string, d: ReportDuration, dayMs: number): (string | number)[] => [
  label,
  d.count,
  formatWorkingDuration(d.medianMs, dayMs),
  formatWorkingDuration(d.p90Ms, dayMs),
  formatWorkingDuration(d.meanMs, dayMs),
];

/** Points: the height of the kop's three lines. */
const LOGO_SIZE = 44;

/** The letterhead (kop): the office's logo, name, unit and how to reach it, over a double rule. */
function letterhead(model: Pick<ReportModel, 'identity' | 'unit' | 'title' | 'periodTitle' | 'running' | 'logoDataUrl'>): Content[] {
  const id = model.identity;
  const contact = [id.address, id.phone ? `Telp. ${id.phone}` : '', id.email ? `Email ${id.email}` : ''].filter(Boolean).join(' · ');
  const office: Content[] = [
    { text: id.officeName.toUpperCase(), style: 'office', alignment: 'center' },
    { text: model.unit.toUpperCase(), fontSize: 9.5, bold: true, alignment: 'center', color: COLORS.text },
    ...(contact ? [{ text: contact, fontSize: 8, alignment: 'center' as const, color: COLORS.text }] : []),
  ];
  return [
    // The logo on the left of the kop, as Indonesian offices print it; an empty column of the same
    // width on the right keeps the office's name centred on the page.
    model.logoDataUrl
      ? {
          columns: [
            { image: model.logoDataUrl, fit: [LOGO_SIZE, LOGO_SIZE], width: LOGO_SIZE },
            { stack: office, width: '*' },
            { text: '', width: LOGO_SIZE },
          ],
        }
      : { stack: office },
    {
      canvas: [
        { type: 'line', x1: 0, y1: 4, x2: PAGE_WIDTH, y2: 4, lineWidth: 2, lineColor: '#222222' },
        { type: 'line', x1: 0, y1: 6.5, x2: PAGE_WIDTH, y2: 6.5, lineWidth: 0.6, lineColor: '#222222' },
      ],
      margin: [0, 0, 0, 8],
    },
    { text: model.title.toUpperCase(), style: 'title', alignment: 'center' },
    { text: `Periode: ${model.periodTitle}`, fontSize: 10, bold: true, alignment: 'center', margin: [0, 0, 0, 2] },
    ...(model.running ? [note(`Periode ini masih berjalan: semua angka dihitung sampai saat laporan dibuat, bukan sampai akhir periode.`)] : []),
  ];
}

/** "Mengetahui, Kepala …" on the left, the place, date and maker on the right; never split over two pages. */
function signatures(model: Pick<ReportModel, 'identity' | 'generatedAt'>): Content {
  const id = model.identity;
  const blank = '.'.repeat(40);
  const block = (lines: string[], name: string, nip: string): Content => ({
    width: '*',
    stack: [
      ...lines.map((text) => ({ text })),
      { text: name || blank, bold: true, decoration: name ? 'underline' : undefined, margin: [0, 46, 0, 0] },
      { text: `NIP. ${nip || blank.slice(0, 24)}` },
    ],
    alignment: 'center',
    fontSize: 9,
  });
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    columns: [
      block(['Mengetahui,', id.headTitle], id.headName, id.headNip),
      block([`${id.city ? `${id.city}, ` : ''}${formatDateId(localDateOf(model.generatedAt))}`, id.makerTitle || 'Pembuat laporan'], id.makerName, id.makerNip),
    ],
    columnGap: 24,
  };
}

function pageOne(model: ReportModel): Content[] {
  const d = model.standardDayMs;
  const trendTitle = { day: 'Konsultasi per hari', week: 'Konsultasi per minggu', month: 'Konsultasi per bulan' }[model.trend.unit];
  return [
    ...letterhead(model),
    cards(model),
    heading(trendTitle),
    columnChart({
      points: model.trend.points.map((p) => ({ label: p.label, values: [p.newCount, p.resolvedCount], shaded: !p.working })),
      series: [
        { name: 'Baru', color: COLORS.primary },
        { name: 'Selesai', color: COLORS.secondary },
      ],
      width: PAGE_WIDTH,
      height: 120,
    }),
    model.trend.unit === 'day'
      ? note(
          `${model.period.days > 14 ? 'Angka di bawah batang: tanggal. ' : ''}Latar abu-abu: hari tidak ada layanan (akhir pekan, hari libur nasional, cuti bersama).`,
        )
      : note(''),
    {
      columns: [
        {
          width: 215,
          stack: [
            heading('Per saluran'),
            table(
              ['Saluran', 'Baru', 'Selesai', 'Terbuka'],
              model.byChannel.map((c) => [c.label, c.newCount, c.resolvedCount, c.openAtEnd]),
              ['*', 30, 38, 42],
              ['left', 'right', 'right', 'right'],
            ),
            // The same working-day figures per channel, medians (hk = hari kerja, j = jam, m = menit).
            table(
              ['Median', 'Tanggapan', 'Penyelesaian'],
              model.byChannel.map((c) => [c.label, formatWorkingDuration(c.firstResponseMedianMs, d), formatWorkingDuration(c.resolutionMedianMs, d)]),
              ['*', 56, 62],
              ['left', 'right', 'right'],
            ),
          ],
        },
        {
          width: '*',
          stack: [
            heading('Waktu layanan (jam kerja)'),
            table(
              ['Ukuran', 'n', 'Median', 'P90', 'Rata-rata'],
              [
                durationRow('Tanggapan pertama', model.times.firstResponse, d),
                durationRow('Pemenuhan persyaratan', model.times.requirements, d),
                durationRow('Penyelesaian', model.times.resolution, d),
              ],
              ['*', 30, 54, 54, 50],
              ['left', 'right', 'right', 'right', 'right'],
            ),
          ],
        },
      ],
      columnGap: 16,
    },
    note(
      `hk = hari kerja (${formatDecimal(d / 3_600_000, 1)} jam layanan), j = jam, m = menit. Penyelesaian dihitung dari persyaratan lengkap sampai selesai, dikurangi jeda menunggu pengguna layanan. ` +
        `${model.summary.awaitingFirstResponse} konsultasi baru belum dibalas; ${model.summary.requirementsCompleted} konsultasi lengkap persyaratannya dalam periode ini; ` +
        `${model.summary.answeredWithOfficialLink} konsultasi selesai dijawab dengan tautan data resmi BPS; ` +
        `${model.summary.answeredWithEarlier} konsultasi selesai dijawab memakai jawaban sebelumnya (${model.summary.answeredWithEarlierEdited} diubah sebelum dikirim).`,
    ),
  ];
}

function ratingsAndIkm(model: ReportModel): Content[] {
  const r = model.ratings;
  const ikm = model.ikm;
  const grade = IKM_CATEGORIES.find((c) => c.grade === ikm.grade);
  return [
    heading('Penilaian pengguna layanan', true),
    {
      columns: [
        {
          width: 200,
          stack: [
            table(
              ['Ukuran', 'Nilai'],
              [
                ['Permintaan penilaian', r.requested],
                ['Dijawab dengan nilai', r.answered],
                ['Tingkat respons', formatPercent(r.responseRate)],
                ['Penilaian diterima', r.count],
                ['Rata-rata nilai (1–5)', formatDecimal(r.meanScore)],
              ],
              ['*', 60],
              ['left', 'right'],
            ),
          ],
        },
        {
          width: '*',
          stack: [
            { text: 'Sebaran nilai', style: 'h3' },
            barList({
              rows: [...r.distribution].reverse().map((x) => ({ label: `Nilai ${x.score}`, value: x.count })),
              width: PAGE_WIDTH - 216,
              labelWidth: 50,
              color: COLORS.secondary,
            }),
          ],
        },
      ],
      columnGap: 16,
    },
    heading('Indeks Kepuasan Masyarakat (IKM)'),
    note(`Survei Kepuasan Masyarakat, 9 unsur skala 1–4 (PermenPANRB 14/2017); ${ikm.respondents} responden dalam periode ini.`),
    table(
      ['Unsur', 'Responden', 'NRR', 'NRR × 1/9'],
      ikm.unsur.map((u) => [
        `${u.code}  ${u.name}`,
        u.respondents,
        u.nrr === null ? '–' : formatDecimal(u.nrr, 3),
        u.nrr === null ? '–' : formatDecimal(u.nrr / 9, 3),
      ]),
      ['*', 50, 50, 60],
      ['left', 'right', 'right', 'right'],
    ),
    {
      table: {
        widths: ['*', 90, 90, 150],
        body: [
          [
            { text: 'IKM (Σ NRR × 1/9)', style: 'th' },
            { text: 'IKM konversi (× 25)', style: 'th' },
            { text: 'Mutu pelayanan', style: 'th' },
            { text: 'Kinerja unit pelayanan', style: 'th' },
          ],
          [
            { text: ikm.ikm === null ? '–' : formatDecimal(ikm.ikm, 3), fontSize: 14, bold: true },
            { text: ikm.converted === null ? '–' : formatDecimal(ikm.converted, 2), fontSize: 14, bold: true, color: COLORS.primary },
            { text: ikm.grade ?? '–', fontSize: 14, bold: true },
            {
              text: grade ? `${grade.label} (${grade.range})` : ikm.respondents ? 'Belum semua unsur terjawab' : 'Belum ada responden',
              fontSize: 9,
              margin: [0, 3, 0, 0],
            },
          ],
        ],
      },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => COLORS.grid, fillColor: (i: number) => (i === 0 ? '#eef3f9' : null) },
      fontSize: 8,
      margin: [0, 0, 0, 10],
    },
    heading('Pengguna layanan'),
    note(`${formatInteger(model.requesters.distinct)} pengguna layanan berbeda mengajukan konsultasi baru dalam periode ini.`),
    {
      columns: [
        {
          width: 250,
          stack: [
            { text: 'Menurut pekerjaan', style: 'h3' },
            barList({ rows: model.requesters.byOccupation.map((c) => ({ label: c.label, value: c.count })), width: 250, labelWidth: 110 }),
          ],
        },
        {
          width: '*',
          stack: [
            { text: 'Menurut instansi (10 terbanyak)', style: 'h3' },
            barList({ rows: model.requesters.byInstitution.map((c) => ({ label: c.label, value: c.count })), width: PAGE_WIDTH - 266, labelWidth: 150 }),
          ],
        },
      ],
      columnGap: 16,
    },
  ];
}

function workAndComplaints(model: ReportModel): Content[] {
  const c = model.complaints;
  const d = model.standardDayMs;
  const overdue = model.overdue.slice(0, MAX_OVERDUE_ROWS);
  return [
    heading('Topik konsultasi yang selesai', true),
    barList({ rows: model.topics.map((t) => ({ label: t.label, value: t.count })), width: PAGE_WIDTH, labelWidth: 130 }),
    heading('Pengaduan'),
    {
      columns: [
        {
          width: 200,
          stack: [
            table(
              ['Ukuran', 'Jumlah'],
              [
                ['Diterima', c.received],
                ['Selesai ditangani', c.resolved],
                ['Terbuka di akhir periode', c.openAtEnd],
              ],
              ['*', 50],
            ),
          ],
        },
        {
          width: '*',
          stack: [
            { text: 'Pengaduan diterima menurut sumber', style: 'h3' },
            barList({ rows: c.bySource.map((s) => ({ label: s.label, value: s.count })), width: PAGE_WIDTH - 216, labelWidth: 100, color: COLORS.secondary }),
          ],
        },
      ],
      columnGap: 16,
    },
    heading('Beban kerja petugas'),
    model.officers.length === 0
      ? note('Tidak ada konsultasi yang ditangani dalam periode ini.')
      : table(
          ['Petugas', 'Baru', 'Selesai', 'Terbuka', 'Terlambat', 'Balasan', 'Median penyelesaian'],
          model.officers.map((o) => [
            o.name,
            o.newAssigned,
            o.resolved,
            o.openAtEnd,
            o.overdueAtEnd,
            o.repliesSent,
            formatWorkingDuration(o.resolutionMedianMs, d),
          ]),
          ['*', 36, 40, 40, 46, 42, 80],
          ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
        ),
    heading(`Konsultasi terlambat di akhir periode (${model.overdue.length})`),
    model.overdue.length === 0
      ? note('Tidak ada konsultasi yang melewati batas waktu pada akhir periode.')
      : table(
          ['Tiket', 'Pengguna layanan', 'Status saat ini', 'Petugas', 'Batas waktu (WITA)', 'Lewat (jam kerja)'],
          overdue.map((o) => [
            o.ticket,
            o.requesterName ?? '–',
            statusLabel(o.status),
            o.assigneeName ?? '–',
            formatDateTimeId(o.dueAt),
            formatWorkingDuration(o.workingMsLate, d),
          ]),
          [108, '*', 56, 86, 74, 62],
          ['left', 'left', 'left', 'left', 'left', 'right'],
        ),
    model.overdue.length > overdue.length
      ? note(`… dan ${model.overdue.length - overdue.length} lainnya (daftar lengkap di berkas xlsx, lembar Konsultasi).`)
      : note(''),
  ];
}

/**
 * The comments and the signatures as one block that is never split, so the last page always holds
 * a section and the signatures under it, never a few stray lines.
 */
function commentsAndSignatures(model: ReportModel): Content {
  const comments = model.ratings.comments.slice(0, MAX_COMMENT_ROWS);
  return {
    unbreakable: true,
    stack: [
      heading(`Saran dan komentar pengguna layanan (${model.ratings.commentsTotal})`),
      comments.length === 0
        ? note('Tidak ada komentar dalam periode ini.')
        : table(
            ['Tiket', 'Nilai', 'Komentar'],
            comments.map((x) => [x.ticket, x.score ?? '–', x.feedback.length > MAX_COMMENT_CHARS ? `${x.feedback.slice(0, MAX_COMMENT_CHARS)}…` : x.feedback]),
            [112, 28, '*'],
            ['left', 'center', 'left'],
          ),
      model.ratings.commentsTotal > comments.length
        ? note(`… dan ${model.ratings.commentsTotal - comments.length} lainnya (lembar Penilaian di berkas xlsx).`)
        : note(''),
      signatures(model),
    ],
  };
}

/** The definitions, kept together at the foot of page one, where the figures they define are. */
function definitions(model: ReportModel): Content {
  return {
    unbreakable: true,
    stack: [
      { text: 'Catatan definisi', style: 'h3', margin: [0, 4, 0, 2] },
      {
        ul: [
          'Periode: pukul 00.00 WITA hari pertama sampai sebelum 00.00 WITA sesudah hari terakhir; periode yang masih berjalan dihitung sampai saat laporan dibuat. Jam kerja mengikuti kalender layanan (jam layanan, akhir pekan, hari libur nasional, cuti bersama).',
          'Baru: dibuat dalam periode. Selesai: ditutup petugas dalam periode. Masih terbuka: belum selesai pada akhir periode. Konsultasi yang dibuka kembali dihitung terbuka.',
          `Terlambat: masih terbuka di akhir periode dan batas waktu (${model.slaWorkingDays} hari kerja sejak persyaratan lengkap, ditambah jeda menunggu pengguna layanan) sudah lewat.`,
          'Tanggapan pertama: jam kerja dari pesan pertama sampai balasan pertama petugas. Pemenuhan persyaratan: dari pesan pertama sampai persyaratan lengkap.',
          'Median: nilai tengah; P90: 90% konsultasi tidak lebih lama dari nilai ini (peringkat terdekat).',
          'Tingkat respons: permintaan penilaian dalam periode yang sudah dijawab dengan nilai. IKM dari jawaban survei yang diterima dalam periode.',
          'Pengguna layanan: orang berbeda pada konsultasi baru. Topik: konsultasi selesai menurut topik yang dipilih saat penutupan.',
        ],
        fontSize: 7,
        color: COLORS.text,
      },
    ],
  };
}

export function reportDocument(model: ReportModel): Parameters<typeof pdfmake.createPdf>[0] {
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: { title: `${model.title} — ${model.periodTitle}`, author: `${model.unit} ${model.identity.officeName}`, creator: 'PST Console' },
    defaultStyle: { font: 'Roboto', fontSize: 9, color: '#222222' },
    styles: {
      office: { fontSize: 13, bold: true, color: COLORS.primary },
      title: { fontSize: 13, bold: true, margin: [0, 2, 0, 2] },
      h2: { fontSize: 11.5, bold: true, color: COLORS.primary, margin: [0, 6, 0, 4] },
      h3: { fontSize: 8.5, bold: true, margin: [0, 0, 0, 3] },
      th: { bold: true, fontSize: 8 },
      note: { fontSize: 7, color: '#5a6570', margin: [0, 0, 0, 6] },
    },
    header: (page) =>
      page === 1
        ? ''
        : {
            text: `${model.office} · ${model.unit} · ${model.title} · ${model.period.label}`,
            fontSize: 7,
            color: COLORS.muted,
            margin: [MARGINS[0], 22, MARGINS[2], 0],
          },
    footer: (page, pages) => ({
      columns: [
        { text: `Dibuat ${formatDateTimeId(model.generatedAt)} WITA oleh PST Console`, fontSize: 7, color: COLORS.muted },
        { text: `Halaman ${page} dari ${pages}`, fontSize: 7, color: COLORS.muted, alignment: 'right' },
      ],
      margin: [MARGINS[0], 16, MARGINS[2], 0],
    }),
    content: [...pageOne(model), definitions(model), ...ratingsAndIkm(model), ...workAndComplaints(model), commentsAndSignatures(model)],
  };
}

/** The yearly IKM report, ready to publish: the index, its unsur, the sample against the regulation's table, the respondents. */
export function ikmDocument(model: IkmYearReport): Parameters<typeof pdfmake.createPdf>[0] {
  const grade = IKM_CATEGORIES.find((c) => c.grade === model.grade);
  const head = { ...model, periodTitle: model.running ? `Tahun ${model.year}, sampai dengan ${formatInstantLongId(model.asOf)} WITA` : `Tahun ${model.year}` };
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: { title: `${model.title} — Tahun ${model.year}`, author: `${model.unit} ${model.identity.officeName}`, creator: 'PST Console' },
    defaultStyle: { font: 'Roboto', fontSize: 9, color: '#222222' },
    styles: {
      office: { fontSize: 13, bold: true, color: COLORS.primary },
      title: { fontSize: 13, bold: true, margin: [0, 2, 0, 2] },
      h2: { fontSize: 11.5, bold: true, color: COLORS.primary, margin: [0, 8, 0, 4] },
      h3: { fontSize: 8.5, bold: true, margin: [0, 0, 0, 3] },
      th: { bold: true, fontSize: 8 },
      note: { fontSize: 7, color: '#5a6570', margin: [0, 0, 0, 6] },
    },
    footer: (page, pages) => ({
      columns: [
        { text: `Dibuat ${formatDateTimeId(model.generatedAt)} WITA oleh PST Console`, fontSize: 7, color: COLORS.muted },
        { text: `Halaman ${page} dari ${pages}`, fontSize: 7, color: COLORS.muted, alignment: 'right' },
      ],
      margin: [MARGINS[0], 16, MARGINS[2], 0],
    }),
    content: [
      ...letterhead(head),
      note(
        'Survei Kepuasan Masyarakat menurut Peraturan Menteri PANRB Nomor 14 Tahun 2017: 9 unsur pelayanan, skala 1–4, dijawab pengguna layanan setelah konsultasinya selesai.',
      ),
      {
        table: {
          widths: ['*', 90, 90, 150],
          body: [
            [
              { text: 'IKM (Σ NRR × 1/9)', style: 'th' },
              { text: 'IKM konversi (× 25)', style: 'th' },
              { text: 'Mutu pelayanan', style: 'th' },
              { text: 'Kinerja unit pelayanan', style: 'th' },
            ],
            [
              { text: model.ikm === null ? '–' : formatDecimal(model.ikm, 3), fontSize: 16, bold: true },
              { text: model.converted === null ? '–' : formatDecimal(model.converted, 2), fontSize: 16, bold: true, color: COLORS.primary },
              { text: model.grade ?? '–', fontSize: 16, bold: true },
              {
                text: grade ? `${grade.label} (${grade.range})` : model.respondents ? 'Belum semua unsur terjawab' : 'Belum ada responden',
                fontSize: 9,
                margin: [0, 4, 0, 0],
              },
            ],
          ],
        },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => COLORS.grid, fillColor: (i: number) => (i === 0 ? '#eef3f9' : null) },
        margin: [0, 4, 0, 10],
      },
      heading('Nilai per unsur pelayanan'),
      table(
        ['Unsur', 'Responden', 'NRR', 'NRR × 1/9'],
        model.unsur.map((u) => [
          `${u.code}  ${u.name}`,
          u.respondents,
          u.nrr === null ? '–' : formatDecimal(u.nrr, 3),
          u.nrr === null ? '–' : formatDecimal(u.nrr / 9, 3),
        ]),
        ['*', 60, 50, 60],
        ['left', 'right', 'right', 'right'],
      ),
      heading('Responden dan sampel'),
      table(
        ['Ukuran', 'Jumlah'],
        [
          ['Penerima layanan dalam tahun ini (populasi)', model.population],
          ['Sampel minimum (tabel Krejcie dan Morgan, lampiran PermenPANRB 14/2017)', model.minimumSample],
          ['Responden survei', model.respondents],
        ],
        ['*', 60],
        ['left', 'right'],
      ),
      model.sampleEnough
        ? note('Jumlah responden memenuhi sampel minimum.')
        : {
            text: `Perhatian: responden (${formatInteger(model.respondents)}) kurang dari sampel minimum (${formatInteger(model.minimumSample)}); hasil IKM belum mewakili seluruh penerima layanan.`,
            bold: true,
            color: '#a4262c',
            fontSize: 9,
            margin: [0, 0, 0, 8],
          },
      heading('Profil responden'),
      {
        columns: [
          {
            width: 300,
            stack: [
              { text: 'Menurut pekerjaan', style: 'h3' },
              barList({ rows: model.byOccupation.map((c) => ({ label: c.label, value: c.count })), width: 300, labelWidth: 120 }),
            ],
          },
          { width: '*', stack: [note('Pendidikan: tidak ditanyakan pada survei konsol ini.')] },
        ],
        columnGap: 16,
      },
      signatures(model),
    ],
  };
}

export async function renderIkmPdf(model: IkmYearReport): Promise<Buffer> {
  prepareFonts();
  return pdfmake.createPdf(ikmDocument(model)).getBuffer();
}

/** A one-line page through the same engine and fonts: the benchmark's bare baseline for a PDF. */
export async function renderBarePdf(text: string): Promise<Buffer> {
  prepareFonts();
  return pdfmake.createPdf({ pageSize: 'A4', defaultStyle: { font: 'Roboto' }, content: [{ text }] }).getBuffer();
}

/** The PDF's bytes. */
export async function renderPdf(model: ReportModel): Promise<Buffer> {
  prepareFonts();
  return pdfmake.createPdf(reportDocument(model)).getBuffer();
}
