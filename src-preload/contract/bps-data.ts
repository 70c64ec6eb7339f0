/**
 * Official BPS data: the office's WebAPI key (a secret: only whether one is stored comes back), a
 * search of BPS's public catalogue for the composer's "Data BPS" panel, and the links sent.
 */
import type { CoreMessage } from './base';

export type BpsKind = 'table' | 'publication' | 'pressRelease';

export interface BpsItem {
  kind: BpsKind;
  /** The BPS domain code it belongs to (5100 Bali, 0000 Indonesia, the regency's own code). */
  domain: string;
  id: string;
  title: string;
  /** The file BPS publishes for it (a table's Excel, a publication's or press release's PDF). */
  url: string;
  /** YYYY-MM-DD: a table's last update, a publication's or press release's release date. */
  updated: string | null;
  subject: string | null;
}

export interface BpsRegion {
  domain: string;
  /** As BPS names it ("Kab. Buleleng", "Provinsi Bali"). */
  name: string;
}

/** One region's answer: fresh from BPS, from the cache, or the last good results while BPS is out of reach. */
export interface BpsResultGroup {
  region: BpsRegion;
  items: BpsItem[];
  /** When these results were fetched from BPS; null when there are none to show. */
  fetchedAt: number | null;
  /** Older than the cache's freshness, or found in saved results because BPS could not be asked. */
  stale: boolean;
  page: number;
  pages: number;
  total: number;
  /** Why BPS could not be asked this time (the results, if any, are the saved ones). */
  problem: CoreMessage | null;
}

export interface BpsSearchResult {
  keyword: string;
  kind: BpsKind;
  groups: BpsResultGroup[];
}

export interface BpsSettingsView {
  /** Only whether a key is stored; the key never leaves the core. */
  hasKey: boolean;
  /** The regency found in BPS's list of Bali's regencies by the last successful test. */
  regency: BpsRegion | null;
  testedAt: number | null;
}

export interface BpsLinkSent {
  messageId: number;
  url: string;
  title: string | null;
  sentAt: number;
}

export interface BpsDataMethods {
  'bpsData.getSettings': { input: Record<string, never>; output: BpsSettingsView };
  /** Tests the key live (Bali's list of regencies) and saves it with the regency found. */
  'bpsData.saveKey': { input: { key: string }; output: BpsSettingsView };
  'bpsData.removeKey': { input: Record<string, never>; output: BpsSettingsView };
  /** "Uji": the stored key, live, now. */
  'bpsData.test': { input: Record<string, never>; output: BpsSettingsView };
  /** The regency first, then Bali, then Indonesia; `page` pages within each region. */
  'bpsData.search': { input: { keyword: string; kind: BpsKind; page?: number }; output: BpsSearchResult };
  'bpsData.linksSent': { input: { conversationId: number }; output: BpsLinkSent[] };
}
