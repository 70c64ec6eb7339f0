import type { BpsItem, BpsKind, BpsRegion, BpsResultGroup, BpsSearchResult, CoreMessage } from '../../../src-preload/contract';
import type { CoreServices } from '../services';
import { settingsQueries } from '../store/queries/settings';
import { cacheQueries, FRESH_MS } from './cache';
import { itemOf, MODEL_OF } from './catalogue';
import { BpsClient, BpsError } from './client';
import { domainRow, rowsOf } from './shapes';

export const BPS_KEY_SECRET = 'bps.webapi.key';
export const BALI: BpsRegion = { domain: '5100', name: 'Provinsi Bali' };
export const INDONESIA: BpsRegion = { domain: '0000', name: 'Indonesia' };
/** The office's own regency, found by name in BPS's list of Bali's regencies (its code is BPS's to give). */
export const OFFICE_REGENCY_NAME = 'Buleleng';
const REGENCY_SETTING = 'bpsData.regency';
const DOMAINS_REQUEST = `domains:kabbyprov:${BALI.domain}`;

export interface SavedRegency extends BpsRegion {
  testedAt: number;
}

const clients = new WeakMap<CoreServices, BpsClient>();

/** One client per core, so the rate limit holds across every officer's searches. */
export function bpsClientOf(core: CoreServices): BpsClient {
  let client = clients.get(core);
  if (!client) clients.set(core, (client = new BpsClient(core.bpsData)));
  return client;
}

export const savedRegency = (core: CoreServices) => settingsQueries(core.db).get<SavedRegency | null>(REGENCY_SETTING, null);

/** The regency's row in `domain/type/kabbyprov/prov/5100`, asked live: the test of a key. */
export async function findRegency(core: CoreServices, key: string): Promise<BpsRegion> {
  const envelope = await bpsClientOf(core).regencies(key, BALI.domain);
  const rows = rowsOf(envelope).rows.flatMap((row) => {
    const parsed = domainRow.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
  cacheQueries(core.db).put(DOMAINS_REQUEST, rows, core.now());
  const found = rows.find((r) => r.domain_name.toLowerCase().includes(OFFICE_REGENCY_NAME.toLowerCase()));
  if (!found) throw new BpsError({ code: 'bps.regency_not_found', params: { name: OFFICE_REGENCY_NAME } });
  return { domain: found.domain_id, name: found.domain_name.trim() };
}

export function saveRegency(core: CoreServices, regency: BpsRegion): void {
  settingsQueries(core.db).set(REGENCY_SETTING, { ...regency, testedAt: core.now() } satisfies SavedRegency, core.now());
}

/** What is shown when nothing is saved for this region and BPS cannot be asked. */
const REGENCY_UNKNOWN: BpsRegion = { domain: '', name: `Kabupaten ${OFFICE_REGENCY_NAME}` };

interface SavedPage {
  items: BpsItem[];
  page: number;
  pages: number;
  total: number;
}

const normalise = (keyword: string) => keyword.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const requestOf = (kind: BpsKind, domain: string, keyword: string, page: number) => `list:${MODEL_OF[kind]}:${domain}:${page}:${keyword}`;

/** The saved results of every earlier search in this region whose titles hold each word asked. */
function searchSaved(core: CoreServices, kind: BpsKind, domain: string, keyword: string): { items: BpsItem[]; fetchedAt: number | null } {
  const words = keyword.split(' ').filter(Boolean);
  const seen = new Map<string, BpsItem>();
  let oldest: number | null = null;
  for (const saved of cacheQueries(core.db).withPrefix<SavedPage>(`list:${MODEL_OF[kind]}:${domain}:`)) {
    for (const item of saved.body.items) {
      const title = item.title.toLowerCase();
      if (seen.has(item.id) || !words.every((w) => title.includes(w))) continue;
      seen.set(item.id, item);
      oldest = oldest === null ? saved.fetchedAt : Math.min(oldest, saved.fetchedAt);
    }
  }
  return { items: [...seen.values()].slice(0, 50), fetchedAt: oldest };
}

/** Problems after which asking BPS again for the next region would only make the officer wait. */
const GIVES_UP = new Set(['bps.unreachable', 'bps.timeout', 'bps.key_rejected', 'bps.no_key']);

/**
 * The regency first, then Bali, then Indonesia. A fresh saved answer (under about 6 hours) is used
 * as it is; otherwise BPS is asked, and when it cannot be, the saved answer, or failing that the
 * saved results of earlier searches, are shown with their age and the reason.
 */
export async function searchCatalogue(core: CoreServices, keywordAsTyped: string, kind: BpsKind, page: number): Promise<BpsSearchResult> {
  const keyword = normalise(keywordAsTyped);
  const key = core.secrets.get(BPS_KEY_SECRET);
  const cache = cacheQueries(core.db);
  // Training mode never leaves the machine: only saved results are searched.
  let giveUp: CoreMessage | null = core.trainingMode ? { code: 'training.channels_simulated' } : key ? null : { code: 'bps.no_key' };
  const groups: BpsResultGroup[] = [];

  let regency: BpsRegion | null = savedRegency(core);
  if (!regency && key && !giveUp) {
    try {
      regency = await findRegency(core, key);
      saveRegency(core, regency);
    } catch (error) {
      giveUp = reasonOf(error);
    }
  }

  for (const region of [regency ?? REGENCY_UNKNOWN, BALI, INDONESIA]) {
    if (!region.domain) {
      groups.push({
        region,
        items: [],
        fetchedAt: null,
        stale: true,
        page,
        pages: 0,
        total: 0,
        problem: giveUp ?? { code: 'bps.regency_not_found', params: { name: OFFICE_REGENCY_NAME } },
      });
      continue;
    }
    const request = requestOf(kind, region.domain, keyword, page);
    const saved = cache.get<SavedPage>(request);
    if (saved && core.now() - saved.fetchedAt < FRESH_MS) {
      groups.push({ region, ...saved.body, fetchedAt: saved.fetchedAt, stale: false, problem: null });
      continue;
    }
    let problem = giveUp;
    if (!problem) {
      try {
        const envelope = await bpsClientOf(core).list(key!, MODEL_OF[kind], region.domain, keyword, page);
        const { paging, rows } = rowsOf(envelope);
        const items = rows.flatMap((row) => itemOf(kind, region.domain, row) ?? []);
        // "list-not-available" is BPS's answer for a search with no results, not a failure.
        const fresh: SavedPage = { items, page: paging.page ?? page, pages: paging.pages ?? (items.length ? 1 : 0), total: paging.total ?? items.length };
        cache.put(request, fresh, core.now());
        groups.push({ region, ...fresh, fetchedAt: core.now(), stale: false, problem: null });
        continue;
      } catch (error) {
        problem = reasonOf(error);
        if (GIVES_UP.has(problem.code)) giveUp = problem;
      }
    }
    if (saved) {
      groups.push({ region, ...saved.body, fetchedAt: saved.fetchedAt, stale: true, problem });
    } else {
      const found = searchSaved(core, kind, region.domain, keyword);
      groups.push({
        region,
        items: found.items,
        fetchedAt: found.fetchedAt,
        stale: true,
        page: 1,
        pages: found.items.length ? 1 : 0,
        total: found.items.length,
        problem,
      });
    }
  }
  return { keyword: keywordAsTyped.trim(), kind, groups };
}

/** Our own wording of a failure; anything unforeseen is logged by its name only and said plainly. */
export function reasonOf(error: unknown): CoreMessage {
  if (error instanceof BpsError) return error.reason;
  console.error('[bps] unexpected failure', error instanceof Error ? error.name : typeof error);
  return { code: 'bps.unexpected_answer' };
}
