/**
 * Waits after a rejected login (email IMAP/SMTP, a Telegram 401): 5, 15, 30, then every 60
 * minutes, never faster. Long on purpose: a mail server that sees a wrong password retried
 * quickly may lock the office account. A login that works, or new settings, start over.
 */
export const AUTH_RETRY_MS: readonly number[] = [5, 15, 30, 60].map((minutes) => minutes * 60_000);

/** The wait after the n-th consecutive rejected login (0-based); the last step repeats. */
export function authRetryDelay(schedule: readonly number[], failures: number): number {
  const steps = schedule.length > 0 ? schedule : AUTH_RETRY_MS;
  return steps[Math.min(failures, steps.length - 1)] ?? 60 * 60_000;
}
