import { workingTableText } from '../../../src-common/working-time';
import { TZDate } from '@date-fns/tz';
import type { Channel, ComplaintSource, ComplaintStatus, ConversationStatus } from '../../../src-preload/contract';
import { CHANNEL_ID, COMPLAINT_SOURCE_ID, COMPLAINT_STATUS_ID } from '../../../src-common/vocabulary';
import { SERVICE_TIME_ZONE } from '../calendar/service-calendar';
import { STATUS_LABELS } from '../workflow/status';

/** Indonesian wording shared by the report model, the xlsx and the pdf; statuses, channels and sources come from src-common/vocabulary.ts, as in the console. */

export const OFFICE_NAME = 'BPS Kabupaten Buleleng';
export const UNIT_NAME = 'Pelayanan Statistik Terpadu (PST)';
export const REPORT_TITLE = 'Laporan Pelayanan Konsultasi Statistik Online';

export const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;
export const MONTHS_SHORT_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'] as const;
export const WEEKDAYS_SHORT_ID = ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'] as const;
export const WEEKDAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = CHANNEL_ID;
export const CHANNELS: readonly Channel[] = ['telegram', 'email', 'whatsapp', 'manual'];

export const COMPLAINT_SOURCE_LABELS: Readonly<Record<ComplaintSource, string>> = COMPLAINT_SOURCE_ID;

export const COMPLAINT_STATUS_LABELS: Readonly<Record<ComplaintStatus, string>> = COMPLAINT_STATUS_ID;

export const statusLabel = (status: ConversationStatus): string => STATUS_LABELS[status];

export const NOT_FILLED = 'Tidak diisi';
export const UNASSIGNED = 'Belum ditugaskan';

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** "23 November 2026". */
export const formatDateId = (date: string): string => {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS_ID[m - 1]} ${y}`;
};

/** "23–29 November 2026", "30 November – 6 Desember 2026", "29 Desember 2025 – 4 Januari 2026". */
export function formatDateRangeId(first: string, last: string): string {
  const [y1, m1, d1] = parts(first);
  const [y2, m2, d2] = parts(last);
  if (first === last) return formatDateId(first);
  if (y1 !== y2) return `${formatDateId(first)} – ${formatDateId(last)}`;
  if (m1 !== m2) return `${d1} ${MONTHS_ID[m1 - 1]} – ${d2} ${MONTHS_ID[m2 - 1]} ${y2}`;
  return `${d1}–${d2} ${MONTHS_ID[m2 - 1]} ${y2}`;
}

/** "Sen 23/11" for a chart axis. */
export function shortDayLabel(date: string): string {
  const [y, m, d] = parts(date);
  return `${WEEKDAYS_SHORT_ID[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d}/${m}`;
}

/** "27 Nov 2026 14.05" in WITA. */
export function formatDateTimeId(at: number, timeZone = SERVICE_TIME_ZONE): string {
  const t = new TZDate(at, timeZone);
  const hh = String(t.getHours()).padStart(2, '0');
  const mm = String(t.getMinutes()).padStart(2, '0');
  return `${t.getDate()} ${MONTHS_SHORT_ID[t.getMonth()]} ${t.getFullYear()} ${hh}.${mm}`;
}

/** "Jumat 4 Desember 2026 pukul 14.00" in WITA. */
export function formatInstantLongId(at: number, timeZone = SERVICE_TIME_ZONE): string {
  const t = new TZDate(at, timeZone);
  const hh = String(t.getHours()).padStart(2, '0');
  const mm = String(t.getMinutes()).padStart(2, '0');
  return `${WEEKDAYS_ID[t.getDay()]} ${t.getDate()} ${MONTHS_ID[t.getMonth()]} ${t.getFullYear()} pukul ${hh}.${mm}`;
}

/** Working time as "1 hk 2 j 30 m": hari kerja (of `dayMs`), jam, menit, as the console's report preview says it. */
export const formatWorkingDuration = workingTableText;

/** "87,5%" (Indonesian decimal comma). */
export const formatPercent = (share: number | null, digits = 1): string => (share === null ? '–' : `${(share * 100).toFixed(digits).replace('.', ',')}%`);

export const formatDecimal = (value: number | null, digits = 2): string => (value === null ? '–' : value.toFixed(digits).replace('.', ','));

/** "50.000" (Indonesian thousands separator). */
export const formatInteger = (value: number): string => value.toLocaleString('id-ID', { maximumFractionDigits: 0 });
