import type { ReportIdentity } from '../../../src-preload/contract';
import type { Db } from '../store/db';
import { settingsQueries } from '../store/queries/settings';

/**
 * The letterhead and signatories of the reports, one JSON value in the settings table (no
 * migration: the table holds typed values by key). Names and NIPs start empty: the report then
 * leaves a line to sign on and the admin is asked to fill them in Pengaturan › Laporan.
 */

const KEY = 'reportIdentity';

export const IDENTITY_DEFAULTS: ReportIdentity = {
  officeName: 'Badan Pusat Statistik Kabupaten Buleleng',
  address: '',
  phone: '0362-22145',
  email: '',
  city: 'Singaraja',
  headTitle: 'Kepala BPS Kabupaten Buleleng',
  headName: '',
  headNip: '',
  makerTitle: 'Petugas PST',
  makerName: '',
  makerNip: '',
};

export function readReportIdentity(db: Db): ReportIdentity {
  const stored = settingsQueries(db).get<Partial<ReportIdentity>>(KEY, {});
  const out = { ...IDENTITY_DEFAULTS };
  for (const key of Object.keys(IDENTITY_DEFAULTS) as (keyof ReportIdentity)[]) {
    const value = stored[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

export function writeReportIdentity(db: Db, patch: Partial<ReportIdentity>, now: number): ReportIdentity {
  const next = { ...readReportIdentity(db) };
  for (const key of Object.keys(IDENTITY_DEFAULTS) as (keyof ReportIdentity)[]) {
    const value = patch[key];
    if (value !== undefined) next[key] = value.trim();
  }
  settingsQueries(db).set(KEY, next, now);
  return next;
}

const LOGO_KEY = 'reportLogo';
/** A letterhead logo is a small emblem: 200 kB of PNG or JPEG is plenty, and it travels in every report. */
export const LOGO_MAX_BYTES = 200 * 1024;

interface StoredLogo {
  mimeType: 'image/png' | 'image/jpeg';
  contentBase64: string;
}

/** The kind an image's own bytes say it is (never the name or the declared type): PNG or JPEG, else null. */
export function logoKind(bytes: Buffer): StoredLogo['mimeType'] | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** The office logo for the letterhead as a data URL (what pdfmake and an <img> both take), or null. */
export function readReportLogo(db: Db): string | null {
  const stored = settingsQueries(db).get<StoredLogo | null>(LOGO_KEY, null);
  return stored ? `data:${stored.mimeType};base64,${stored.contentBase64}` : null;
}

/** Stores (or, with null, removes) the logo; the caller has checked the bytes with logoKind. */
export function writeReportLogo(db: Db, logo: { bytes: Buffer; mimeType: StoredLogo['mimeType'] } | null, now: number): string | null {
  settingsQueries(db).set(LOGO_KEY, logo ? { mimeType: logo.mimeType, contentBase64: logo.bytes.toString('base64') } : null, now);
  return readReportLogo(db);
}
