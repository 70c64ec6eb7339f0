import { z } from 'zod';

/*
 * The answers of BPS WebAPI v1 as public client libraries read them (bps-statistics/stadata and
 * others), not as verified against the live service. So every schema is loose: fields this console
 * does not use are ignored, fields it uses may be missing or of another scalar type (an id may come
 * as a number or a string), and a row that lacks what a link needs is dropped, not fatal.
 */

const text = z.union([z.string(), z.number()]).transform(String);
const optionalText = text.nullish().catch(undefined);

/** `{ page, pages, per_page, count, total }`, each optional. */
const paging = z
  .looseObject({
    page: z.coerce.number().int().nullish().catch(undefined),
    pages: z.coerce.number().int().nullish().catch(undefined),
    per_page: z.coerce.number().int().nullish().catch(undefined),
    total: z.coerce.number().int().nullish().catch(undefined),
  })
  .catch({});

/** The envelope of every list: status, availability and `data: [paging, rows]`. */
export const listEnvelope = z.looseObject({
  status: z.string().optional(),
  'data-availability': z.string().optional(),
  message: optionalText,
  data: z.union([z.tuple([paging, z.array(z.unknown())]).rest(z.unknown()), z.array(z.unknown()), z.string(), z.null()]).optional(),
});
export type ListEnvelope = z.infer<typeof listEnvelope>;

export const domainRow = z.looseObject({ domain_id: text, domain_name: text, domain_url: optionalText });
export type DomainRow = z.infer<typeof domainRow>;

export const staticTableRow = z.looseObject({ table_id: text, title: text, subj: optionalText, updt_date: optionalText, excel: optionalText });
export const publicationRow = z.looseObject({ pub_id: text, title: text, rl_date: optionalText, updt_date: optionalText, pdf: optionalText });
export const pressReleaseRow = z.looseObject({ brs_id: text, title: text, rl_date: optionalText, updt_date: optionalText, pdf: optionalText });

export type PagingFacts = z.infer<typeof paging>;

/** The paging object and the rows of a list's `data`, whatever else it holds. */
export function rowsOf(envelope: ListEnvelope): { paging: PagingFacts; rows: unknown[] } {
  const data = envelope.data;
  if (!Array.isArray(data) || data.length < 2 || !Array.isArray(data[1])) return { paging: {}, rows: [] };
  return { paging: paging.parse(data[0]), rows: data[1] as unknown[] };
}
