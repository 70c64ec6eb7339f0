/**
 * How a link to BPS's own data is written into a reply: the title, when BPS last updated it, and
 * the link, always in Indonesian (the requester reads the reply, whatever language the officer's
 * console uses): "Judul (diperbarui 20 Februari 2025): https://…". The core reads the title back
 * from the same shape when it records the links sent.
 */

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "20 Februari 2025" for "2025-02-20"; null for anything that is not such a date. */
export function indonesianDate(iso: string | null): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : null;
}

export function bpsLinkLine(item: { title: string; url: string; updated: string | null }): string {
  const date = indonesianDate(item.updated);
  return date ? `${item.title} (diperbarui ${date}): ${item.url}` : `${item.title}: ${item.url}`;
}

/** The "(diperbarui …)" part a title is followed by, for reading a line back. */
export const UPDATED_SUFFIX = /\s*\(diperbarui [^)]*\)\s*$/;
