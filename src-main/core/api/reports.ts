import { join } from 'node:path';
import { z } from 'zod';
import type { ReportPeriodInput } from '../../../src-preload/contract';
import type { CoreServices } from '../services';
import { exportIkmYear, exportReport } from '../reports/export';
import { collectIkmYear } from '../reports/ikm-year';
import { buildReportModel } from '../reports/model';
import { lastWeek } from '../reports/period';
import { LOGO_MAX_BYTES, logoKind, readReportIdentity, readReportLogo, writeReportIdentity, writeReportLogo } from '../reports/identity';
import { invalidInput } from '../errors';
import { empty } from './schemas';
import { serviceCalendar } from '../calendar/cache';
import { mutation, query, type HandlerMap } from './define';

/** Weekly service reports: supervisor and admin only. */

const periodInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('week'), week: z.string().max(10) }),
  z.strictObject({ kind: z.literal('month'), month: z.string().max(10) }),
  z.strictObject({ kind: z.literal('range'), from: z.string().max(10), to: z.string().max(10) }),
]);

const identityText = (max: number) => z.string().trim().max(max).optional();
const nip = z
  .string()
  .trim()
  .regex(/^(\d[\d ]{0,25})?$/)
  .optional();

const year = z.number().int().min(2000).max(2100);

const periodOf = (core: CoreServices, input: ReportPeriodInput | undefined): ReportPeriodInput => input ?? lastWeek(core.now());
export const reportsDir = (core: CoreServices): string => join(core.dataDir, 'reports');

/** Which files an export writes, and whether their bytes come back for a download. */
const exportChoice = {
  formats: z
    .array(z.enum(['xlsx', 'pdf']))
    .min(1)
    .max(2),
  download: z.boolean().optional(),
};
/** The audit names the files written, never their content. */
const filesDetail = (files: readonly { fileName: string; size: number }[]) => ({ files: files.map((f) => ({ fileName: f.fileName, size: f.size })) });

export const reportHandlers = {
  'reports.build': query<'reports.build'>({
    access: 'supervisor',
    input: z.strictObject({ period: periodInput.optional() }),
    run: (input, { core, officer }) =>
      buildReportModel(core.db, serviceCalendar(core.db), periodOf(core, input.period), { now: core.now(), maker: officer?.displayName }),
  }),

  // The rendering is async (streams), so it runs in `prepare`, outside the transaction; `run` only
  // hands the result on so the export lands in the audit log.
  'reports.export': mutation<'reports.export', Awaited<ReturnType<typeof exportReport>>>({
    access: 'supervisor',
    input: z.strictObject({
      period: periodInput.optional(),
      ...exportChoice,
    }),
    prepare: (input, { core, officer }) =>
      exportReport(core.db, serviceCalendar(core.db), {
        period: periodOf(core, input.period),
        formats: input.formats,
        outDir: reportsDir(core),
        includeContent: input.download ?? false,
        now: core.now(),
        maker: officer?.displayName,
      }),
    run: (_input, _ctx, exported) => exported,
    audit: (_input, output) => ({
      entityType: 'report',
      entityId: `${output.period.firstDate}_${output.period.lastDate}`,
      detail: filesDetail(output.files),
    }),
  }),

  'reports.buildIkm': query<'reports.buildIkm'>({
    access: 'supervisor',
    input: z.strictObject({ year }),
    run: (input, { core, officer }) => collectIkmYear(core.db, serviceCalendar(core.db), input.year, { now: core.now(), maker: officer?.displayName }).model,
  }),

  'reports.exportIkm': mutation<'reports.exportIkm', Awaited<ReturnType<typeof exportIkmYear>>>({
    access: 'supervisor',
    input: z.strictObject({
      year,
      ...exportChoice,
    }),
    prepare: (input, { core, officer }) =>
      exportIkmYear(core.db, serviceCalendar(core.db), {
        year: input.year,
        formats: input.formats,
        outDir: reportsDir(core),
        includeContent: input.download ?? false,
        now: core.now(),
        maker: officer?.displayName,
      }),
    run: (_input, _ctx, exported) => exported,
    audit: (input, output) => ({
      entityType: 'report',
      entityId: `ikm-${input.year}`,
      detail: filesDetail(output.files),
    }),
  }),

  'reports.getIdentity': query<'reports.getIdentity'>({
    access: 'supervisor',
    input: empty,
    run: (_input, { core }) => readReportIdentity(core.db),
  }),

  'reports.getLogo': query<'reports.getLogo'>({
    access: 'supervisor',
    input: empty,
    run: (_input, { core }) => ({ dataUrl: readReportLogo(core.db) }),
  }),

  'reports.setLogo': mutation<'reports.setLogo'>({
    access: 'admin',
    // Base64 of at most 200 kB (4 characters per 3 bytes), checked again on the decoded bytes.
    input: z.strictObject({
      contentBase64: z
        .string()
        .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 4)
        .nullable(),
    }),
    run: (input, { core }) => {
      if (input.contentBase64 === null) return { dataUrl: writeReportLogo(core.db, null, core.now()) };
      const bytes = Buffer.from(input.contentBase64, 'base64');
      const kind = logoKind(bytes);
      // The bytes decide, not a name or a declared type: a renamed PDF or a GIF is refused.
      if (!kind) throw invalidInput({ code: 'reports.logo_not_image' });
      if (bytes.length > LOGO_MAX_BYTES) throw invalidInput({ code: 'reports.logo_too_large', params: { max: '200 kB' } });
      return { dataUrl: writeReportLogo(core.db, { bytes, mimeType: kind }, core.now()) };
    },
    // The image itself stays out of the audit log: its kind and size say what changed.
    audit: (input) => ({
      entityType: 'settings',
      entityId: 'reportLogo',
      detail: input.contentBase64 === null ? { removed: true } : { bytes: Buffer.from(input.contentBase64, 'base64').length },
    }),
  }),

  'reports.updateIdentity': mutation<'reports.updateIdentity'>({
    access: 'admin',
    input: z.strictObject({
      officeName: z.string().trim().min(1).max(120).optional(),
      address: identityText(200),
      phone: identityText(60),
      email: identityText(120),
      city: identityText(60),
      headTitle: identityText(120),
      headName: identityText(120),
      // NIP: 18 digits, often typed with spaces ("19700101 199001 1 001").
      headNip: nip,
      makerTitle: identityText(120),
      makerName: identityText(120),
      makerNip: nip,
    }),
    run: (input, { core }) => writeReportIdentity(core.db, input, core.now()),
    audit: (input) => ({ entityType: 'settings', entityId: 'reportIdentity', detail: input }),
  }),
} satisfies HandlerMap;
