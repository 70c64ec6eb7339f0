import type { BpsItem, BpsKind } from '../../../src-preload/contract';
import { pressReleaseRow, publicationRow, staticTableRow } from './shapes';

/** The path segment of each kind in `list/model/{model}`. */
export const MODEL_OF: Record<BpsKind, string> = { table: 'statictable', publication: 'publication', pressRelease: 'pressrelease' };

/** The date part of "2024-02-28" or "2023-02-08 10:07:50"; null for anything else. */
export function isoDateOf(value: string | null | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value?.trim() ?? '');
  return match ? match[1]! : null;
}

/** Only links a browser can open; anything else (an empty string, a relative path) is no link. */
function webLink(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** One row as the panel lists it; null when the row lacks a title or a link to give a requester. */
export function itemOf(kind: BpsKind, domain: string, row: unknown): BpsItem | null {
  const shaped = kind === 'table' ? staticTableRow.safeParse(row) : kind === 'publication' ? publicationRow.safeParse(row) : pressReleaseRow.safeParse(row);
  if (!shaped.success) return null;
  const r = shaped.data as Record<string, string | null | undefined>;
  const id = kind === 'table' ? r.table_id : kind === 'publication' ? r.pub_id : r.brs_id;
  const url = webLink(kind === 'table' ? r.excel : r.pdf);
  const title = r.title?.replace(/\s+/g, ' ').trim();
  if (!id || !url || !title) return null;
  return { kind, domain, id, title, url, updated: isoDateOf(kind === 'table' ? r.updt_date : (r.updt_date ?? r.rl_date)), subject: r.subj ?? null };
}
