import type { BpsLinkSent } from '../../../src-preload/contract';
import type { Db } from '../store/db';
import { UPDATED_SUFFIX } from '../../../src-common/bps-link';

const URL_IN_TEXT = /https?:\/\/[^\s<>"')\]]+/g;

/** BPS's own sites (bps.go.id and its regional subdomains): what the report counts as an official link. */
export function isOfficialLink(value: string): boolean {
  try {
    const host = new URL(value).hostname.toLowerCase();
    return host === 'bps.go.id' || host.endsWith('.bps.go.id');
  } catch {
    return false;
  }
}

/** The title the Data BPS panel put before the link (src-common/bps-link.ts). */
function titleBefore(line: string, at: number): string | null {
  const before = line
    .slice(0, at)
    .replace(/:\s*$/, '')
    .replace(UPDATED_SUFFIX, '')
    .replace(/^\s*(?:[-•*]|\d+[.)])\s+/, '')
    .trim();
  return before ? before.slice(0, 500) : null;
}

/** The official links in a reply, each once, with the title written before it on its line. */
export function officialLinksIn(text: string): { url: string; title: string | null }[] {
  const found = new Map<string, string | null>();
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(URL_IN_TEXT)) {
      const url = match[0].replace(/[.,;:!?]+$/, '');
      if (isOfficialLink(url) && !found.has(url)) found.set(url, titleBefore(line, match.index));
    }
  }
  return [...found].map(([url, title]) => ({ url, title }));
}

/** Called in the transaction that queues the reply: what is recorded is what was sent. */
export function recordOfficialLinks(db: Db, conversationId: number, messageId: number, text: string, now: number): void {
  const insert = db.prepare('INSERT OR IGNORE INTO bps_links_sent (conversation_id, message_id, url, title, sent_at) VALUES (?, ?, ?, ?, ?)');
  for (const link of officialLinksIn(text)) insert.run(conversationId, messageId, link.url, link.title, now);
}

export function linksSent(db: Db, conversationId: number): BpsLinkSent[] {
  return db
    .prepare('SELECT message_id AS messageId, url, title, sent_at AS sentAt FROM bps_links_sent WHERE conversation_id = ? ORDER BY sent_at, id')
    .all(conversationId) as BpsLinkSent[];
}
