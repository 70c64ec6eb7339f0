import { test } from '@playwright/test';
import { ADMIN, startTestCore } from '../helpers/core';
import { startBrowserHost, type RunningHost } from '../helpers/host';
import { tempDataDir } from '../helpers/temp';

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
