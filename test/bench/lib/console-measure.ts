/**
 * Harness side of the console benchmark: drives Chromium through Playwright and reads the times
 * that lib/console-probe.js took inside the page. Playwright is imported by the caller only (the
 * worker bundle must not load it: it would count in the core's RSS).
 */
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

export const PROBE_SCRIPT = fileURLToPath(new URL('./console-probe.js', import.meta.url));
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
/** The office PC's screen, as the e2e tests use it. */
export const CONTEXT_OPTIONS = { viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Makassar' };

export interface ApiCall {
  method: string;
  start: number;
  end: number;
}
export interface LoadReport {
  rowSeen: number;
  rowPainted: number;
  fcp: number | null;
  htmlEnd: number | null;
  domContentLoaded: number | null;
  scriptEnd: number | null;
  api: ApiCall[];
}
export interface Interaction {
  seen: number;
  painted: number;
  api: ApiCall[];
}
export interface ScrollReport {
  frames: number[];
  blank: number;
  scrolled: number;
  ms: number;
  settled: boolean;
  settleMs: number;
  rowsInDom: number;
}

type ProbeCall = 'loadReport' | 'arm' | 'armedResult' | 'scrollThrough' | 'fetchAndPaint';
const probe = <T>(page: Page, name: ProbeCall, arg?: unknown): Promise<T> =>
  page.evaluate(([n, a]) => (globalThis as any).__pstBench[n as string](a), [name, arg] as const) as Promise<T>;

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing after ${ms / 1000} s`)), ms))]);

export async function newProbedContext(
  browser: { newContext(o: object): Promise<BrowserContext> },
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, ...(storageState ? { storageState } : {}) });
  await context.addInitScript({ path: PROBE_SCRIPT });
  return context;
}

export async function login(page: Page, url: string, account: { username: string; password: string }): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Nama pengguna').fill(account.username);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByTestId('inbox-row').first().waitFor({ timeout: 60_000 });
}

/** One navigation (goto or reload) to the first inbox row painted, timed from navigation start. */
export async function timedLoad(page: Page, navigate: () => Promise<unknown>): Promise<LoadReport> {
  await navigate();
  return withTimeout(probe<LoadReport>(page, 'loadReport'), 60_000, 'first inbox row');
}

/** Arms the in-page timer, performs the action (a real click or key press), reads the time. */
export async function timedInteraction(
  page: Page,
  spec: { trigger: 'click' | 'keydown'; selector: string; text?: string; minCount?: number },
  act: () => Promise<unknown>,
): Promise<Interaction> {
  await probe(page, 'arm', spec);
  await act();
  return withTimeout(probe<Interaction>(page, 'armedResult'), 30_000, `${spec.selector} after ${spec.trigger}`);
}

export const scrollThrough = (page: Page, options: { selector: string; step: number; distance: number; settleMs: number; maxMs: number }) =>
  probe<ScrollReport>(page, 'scrollThrough', options);

/** The same API calls as a console interaction, straight from the page with fetch, painted as plain divs. */
export const fetchAndPaint = (page: Page, calls: { method: string; input: unknown }[], pick: number) =>
  probe<{ fetched: number; painted: number; items: number }>(page, 'fetchAndPaint', { calls, pick });

/** "inbox.list 12–48" for the notes: where an interaction's API time went. */
export function describeApi(calls: readonly ApiCall[]): string {
  return calls.map((c) => `${c.method} ${c.start.toFixed(0)}–${c.end.toFixed(0)}`).join(', ');
}
