import { test, type Page } from '@playwright/test';
import { ADMIN, startTestCore } from '../helpers/core';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';
import { login } from './console-login';

/** An officer at the PST desk and the supervisor who reads the weekly report. */
export const WAYAN = { username: 'wayan', displayName: 'Wayan Sudarma', password: 'sandi-wayan-kuat-1' };
export const SUPERVISOR = { username: 'kasi', displayName: 'Kasi IPDS', password: 'sandi-kasi-kuat-12' };

/** Today in WITA, written day first as an Indonesian office does. */
export const todayWita = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('/');

/**
 * A console for one spec file with its admin, Wayan and the supervisor, set up through the core,
 * then served by the built browser host; torn down after the file's tests.
 */
export function useStaffedConsole(prefix: string): { host: RunningHost; dataDir: string } {
  const ctx = {} as { host: RunningHost; dataDir: string };
  let data: ReturnType<typeof tempDataDir> | undefined;
  test.beforeAll(async () => {
    data = tempDataDir(prefix);
    ctx.dataDir = data.dir;
    const core = startTestCore({ dir: data.dir });
    await core.must('auth.setupAdmin', ADMIN);
    await core.must('officers.create', { ...WAYAN, role: 'officer' });
    await core.must('officers.create', { ...SUPERVISOR, role: 'supervisor' });
    await core.close();
    ctx.host = await startBrowserHost({ dataDir: data.dir });
  });
  test.afterAll(async () => {
    await ctx.host?.stop();
    data?.cleanup();
  });
  return ctx;
}

/**
 * The supervisor at another desk (1920×1080) opens Laporan for a date range (dd/mm/yyyy, WITA) and
 * asks for it; returns the supervisor's page with the report on screen.
 */
export async function supervisorReport(from: Page, url: string, range: { from: string; to: string }): Promise<Page> {
  const boss = await from
    .context()
    .browser()!
    .newPage({ viewport: { width: 1920, height: 1080 } });
  await login(boss, url, SUPERVISOR);
  await boss.getByRole('navigation').getByText('Laporan').click();
  await boss.getByRole('tab', { name: 'Rentang tanggal' }).click();
  await boss.getByLabel('Dari').fill(range.from);
  await boss.getByLabel('Sampai').fill(range.to);
  await boss.getByRole('button', { name: 'Tampilkan' }).click();
  return boss;
}
