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
