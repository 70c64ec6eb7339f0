/**
 * Weekly and monthly service reports (Laporan Pelayanan Konsultasi Statistik): the model the
 * Laporan screen previews and the xlsx/pdf made from it. Supervisor and admin only. Definitions of
 * every figure: src-main/core/reports/model.ts.
 */
import type { Channel, ConversationStatus } from './base';

/** An ISO week ('2026-W48', Monday–Sunday WITA), a month ('2026-11'), or dates 'YYYY-MM-DD' (both inclusive). */
export type ReportPeriodInput = { kind: 'week'; week: string } | { kind: 'month'; month: string } | { kind: 'range'; from: string; to: string };

export type ReportFormat = 'xlsx' | 'pdf';

export interface ReportPeriod {
  kind: 'week' | 'month' | 'range';
  /** "Minggu ke-48 2026 (23–29 November 2026)". */
  label: string;
  /** First and last local date (WITA), inclusive. */
  firstDate: string;
  lastDate: string;
  /** [from, to): local midnight of the first date to local midnight after the last. */
  from: number;
  to: number;
  days: number;
}

/** Durations in service (working) time: open hours only, pauses excluded where stated. */
export interface ReportDuration {
  count: number;
  medianMs: number | null;
  /** Nearest-rank 90th percentile. */
  p90Ms: number | null;
  meanMs: number | null;
}

export interface ReportCount {
  key: string;
  label: string;
  count: number;
}

export interface ReportTrendPoint {
  key: string;
  label: string;
  newCount: number;
  resolvedCount: number;
  /** For daily points: a working day of the service calendar. */
  working: boolean;
}

export interface ReportOverdueItem {
  conversationId: number;
  ticket: string;
  channel: Channel;
  status: ConversationStatus;
  requesterName: string | null;
  institution: string | null;
  assigneeName: string | null;
  dueAt: number;
  /** Service time between the due instant and the end of the period. */
  workingMsLate: number;
}

/** The office identity and signatories printed on the reports (Pengaturan › Laporan). */
export interface ReportIdentity {
  /** "Badan Pusat Statistik Kabupaten Buleleng". */
  officeName: string;
  address: string;
  phone: string;
  email: string;
  /** The place of signing: "Singaraja, 7 Desember 2026". */
  city: string;
  /** "Kepala BPS Kabupaten Buleleng". */
  headTitle: string;
  headName: string;
  headNip: string;
  /** The officer who prepares the report; empty = the one who exports it. */
  makerTitle: string;
  makerName: string;
  makerNip: string;
}

export interface ReportModel {
  office: string;
  unit: string;
  title: string;
  period: ReportPeriod;
  generatedAt: number;
  /** Every figure is as of this instant: the earlier of the period's end and the export. */
  asOf: number;
  /** The period had not ended at the export (asOf < period.to). */
  running: boolean;
  /** The period's label, with "sampai dengan Jumat 4 Desember 2026 pukul 14.00 WITA" while it runs. */
  periodTitle: string;
  identity: ReportIdentity;
  /** The office logo for the letterhead (a PNG or JPEG data URL), or null. */
  logoDataUrl: string | null;
  /** N of "resolved within N working days" (workflow setting slaWorkingDays). */
  slaWorkingDays: number;
  standardDayMs: number;
  summary: {
    /** Rows of the Konsultasi sheet: created in the period, resolved in it, or open at its end. */
    consultations: number;
    newCount: number;
    resolvedCount: number;
    openAtEnd: number;
    overdueAtEnd: number;
    requirementsCompleted: number;
    /** Resolved in the period with a started SLA clock: the base of the share below. */
    resolvedWithClock: number;
    resolvedWithinTarget: number;
    withinTargetShare: number | null;
    /** Created in the period, no officer reply yet. */
    awaitingFirstResponse: number;
    /** Resolved in the period with at least one link to BPS's own data sent in a reply. */
    answeredWithOfficialLink: number;
    /** Resolved in the period: similar earlier answers were shown for them. */
    similarShown: number;
    /** Resolved in the period with a reply taken from an earlier answer ("Pakai sebagai draf") sent. */
    answeredWithEarlier: number;
    /** Of those, the reply was edited before it was sent. */
    answeredWithEarlierEdited: number;
  };
  /** Per channel; the medians are in working time, as `times` (null: nothing to measure). */
  byChannel: {
    channel: Channel;
    label: string;
    newCount: number;
    resolvedCount: number;
    openAtEnd: number;
    firstResponseMedianMs: number | null;
    resolutionMedianMs: number | null;
  }[];
  trend: { unit: 'day' | 'week' | 'month'; points: ReportTrendPoint[] };
  times: { firstResponse: ReportDuration; requirements: ReportDuration; resolution: ReportDuration };
  ratings: {
    requested: number;
    answered: number;
    responseRate: number | null;
    count: number;
    meanScore: number | null;
    distribution: { score: number; count: number }[];
    comments: { ticket: string; score: number | null; feedback: string; at: number }[];
    commentsTotal: number;
  };
  ikm: {
    respondents: number;
    unsur: { code: string; name: string; respondents: number; nrr: number | null }[];
    ikm: number | null;
    converted: number | null;
    grade: 'A' | 'B' | 'C' | 'D' | null;
    label: string | null;
    range: string | null;
  };
  requesters: { distinct: number; byOccupation: ReportCount[]; byInstitution: ReportCount[] };
  topics: ReportCount[];
  complaints: { received: number; resolved: number; openAtEnd: number; bySource: ReportCount[] };
  officers: {
    officerId: number | null;
    name: string;
    newAssigned: number;
    resolved: number;
    openAtEnd: number;
    overdueAtEnd: number;
    repliesSent: number;
    resolutionMedianMs: number | null;
  }[];
  overdue: ReportOverdueItem[];
}

/** The yearly SKM/IKM report (PermenPANRB 14/2017) of one calendar year. */
export interface IkmYearReport {
  year: number;
  title: string;
  unit: string;
  period: ReportPeriod;
  generatedAt: number;
  asOf: number;
  running: boolean;
  identity: ReportIdentity;
  logoDataUrl: string | null;
  /** Survey answers received in the year. */
  respondents: number;
  /** Distinct requesters whose consultation was closed in the year. */
  population: number;
  /** The regulation's sampling table (Krejcie & Morgan) for that population. */
  minimumSample: number;
  sampleEnough: boolean;
  unsur: { code: string; name: string; respondents: number; nrr: number | null }[];
  ikm: number | null;
  converted: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  label: string | null;
  /** Respondents by occupation (education is not asked by the survey). */
  byOccupation: ReportCount[];
}

export interface ReportFile {
  format: ReportFormat;
  fileName: string;
  mimeType: string;
  size: number;
  /** Where the core wrote it: <dataDir>/reports/<fileName>. */
  path: string;
  /** The bytes, base64, when the caller asked for a download (a Blob download works in both hosts). */
  contentBase64: string | null;
}

export interface ReportsMethods {
  /** The report model for the preview; no period = last ISO week (WITA). */
  'reports.build': { input: { period?: ReportPeriodInput }; output: ReportModel };
  /** Writes the files under <dataDir>/reports/; with download: true also returns their bytes. */
  'reports.export': {
    input: { period?: ReportPeriodInput; formats: ReportFormat[]; download?: boolean };
    output: { period: ReportPeriod; files: ReportFile[] };
  };
  /** The yearly IKM report of a calendar year. */
  'reports.buildIkm': { input: { year: number }; output: IkmYearReport };
  'reports.exportIkm': { input: { year: number; formats: ReportFormat[]; download?: boolean }; output: { period: ReportPeriod; files: ReportFile[] } };
  /** The letterhead and signatories (supervisor and admin read them; the preview shows them). */
  'reports.getIdentity': { input: Record<string, never>; output: ReportIdentity };
  /** Admin only. */
  'reports.updateIdentity': { input: Partial<ReportIdentity>; output: ReportIdentity };
  /** The letterhead logo (a data URL), or null when none was uploaded. */
  'reports.getLogo': { input: Record<string, never>; output: { dataUrl: string | null } };
  /** A PNG or JPEG of at most 200 kB, told by its bytes; `contentBase64: null` removes it. */
  'reports.setLogo': { input: { contentBase64: string | null }; output: { dataUrl: string | null } };
}
