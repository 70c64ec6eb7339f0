/**
 * The one policy for suites that need a system peer (Chromium, Dovecot, poppler): where the peer
 * is missing a suite may skip, loudly and on the record, except under PST_REQUIRE_PEERS=1 (CI),
 * where a missing peer is a failure. Otherwise a CI machine without Dovecot would go green by
 * running none of the email tests.
 *
 * Skips are appended to the file named by PST_SKIP_LOG (set by scripts/test.sh), because vitest
 * and Playwright run test files in worker processes; test.sh prints them in its last line.
 */
import { accessSync, appendFileSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Whether `cmd` is an executable file in one of PATH's directories, as `command -v` decides. */
export function commandOnPath(cmd: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, cmd);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

export const peersRequired = (): boolean => process.env.PST_REQUIRE_PEERS === '1';

/** Appends `suite (reason)` to the skip log and warns; for callers that may skip even in CI. */
export function recordSkip(suite: string, reason: string, hint?: string): void {
  const line = `${suite} (${reason})`;
  console.warn(`\n######## SKIPPED: ${line}${hint ? ` - ${hint}` : ''} ########\n`);
  const log = process.env.PST_SKIP_LOG;
  if (log) appendFileSync(log, `${line}\n`);
}

/**
 * Returns `available`. When the peer is missing: throws under PST_REQUIRE_PEERS=1, else records
 * the skip. Call it at module level so the throw fails the file at collection:
 * `describe.skipIf(!requirePeer('email', 'dovecot', mailPeersAvailable()))(…)`.
 */
export function requirePeer(suite: string, peer: string, available: boolean, hint?: string): boolean {
  if (available) return true;
  const reason = `${peer} missing`;
  if (peersRequired()) {
    throw new Error(`${suite}: ${reason}${hint ? ` (${hint})` : ''}; PST_REQUIRE_PEERS=1 makes a missing peer a failure, not a skip`);
  }
  recordSkip(suite, reason, hint);
  return false;
}
