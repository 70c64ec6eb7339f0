import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/host';
import { commandOnPath } from '../helpers/peers-required';
import { requireMailPeers } from '../peers/mail';
import { tempDataDir } from '../helpers/temp';

// PST_REQUIRE_PEERS=1 must turn a missing peer into a failure, or CI could go green by skipping
// every email suite. Dovecot stays installed: the child gets a PATH without the directories that
// hold it, which the guard (like `command -v`) then reports as missing.
const tmp = tempDataDir('pst-peers-required-');
afterAll(() => tmp.cleanup());

const pathWithoutDovecot = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => dir && !existsSync(join(dir, 'dovecot')))
  .join(delimiter);
const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const guard = join(tmp.dir, 'guard.ts');
writeFileSync(
  guard,
  `import { requireMailPeers } from ${JSON.stringify(join(REPO_ROOT, 'test/peers/mail/index.ts'))};\nconsole.log('available=' + requireMailPeers('email-demo'));\n`,
);

let runs = 0;
function runGuard(env: Record<string, string>) {
  const skipLog = join(tmp.dir, `skips-${++runs}.log`);
  writeFileSync(skipLog, '');
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'PST_REQUIRE_PEERS' && key !== 'PST_SKIP_LOG')) as Record<
    string,
    string
  >;
  // tsx is started by absolute path with this node, so the stripped PATH only affects the guard.
  const run = spawnSync(process.execPath, [tsx, guard], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...base, PST_SKIP_LOG: skipLog, ...env } });
  return { status: run.status, out: run.stdout + run.stderr, skips: readFileSync(skipLog, 'utf8') };
}

describe('requirePeer under a PATH without dovecot', () => {
  it('the stripped PATH really lacks dovecot', () => {
    expect(commandOnPath('dovecot', pathWithoutDovecot)).toBeNull();
  });

  it('fails under PST_REQUIRE_PEERS=1, recording no skip', () => {
    const run = runGuard({ PATH: pathWithoutDovecot, PST_REQUIRE_PEERS: '1' });
    expect(run.status, run.out).not.toBe(0);
    expect(run.out).toMatch(/email-demo: dovecot missing.*PST_REQUIRE_PEERS=1 makes a missing peer a failure/);
    expect(run.out).not.toContain('available=');
    expect(run.skips).toBe('');
  });

  it('without PST_REQUIRE_PEERS skips and records the skip', () => {
    const run = runGuard({ PATH: pathWithoutDovecot });
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain('available=false');
    expect(run.out).toContain('SKIPPED: email-demo (dovecot missing)');
    expect(run.skips).toBe('email-demo (dovecot missing)\n');
  });

  it('scripts/ensure-apt.sh exits non-zero and says the run fails', () => {
    // A PATH with neither dovecot nor apt-get/id, so the script cannot try to install it.
    const run = spawnSync('/bin/bash', [join(REPO_ROOT, 'scripts/ensure-apt.sh'), 'dovecot', 'dovecot-imapd'], {
      encoding: 'utf8',
      env: { PATH: tmp.dir, PST_REQUIRE_PEERS: '1' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PST_REQUIRE_PEERS=1: the suites that need it FAIL this run.');
  });
});

describe.skipIf(!requireMailPeers('peers-required'))('requirePeer where dovecot is on PATH', () => {
  it('runs the suite under PST_REQUIRE_PEERS=1 and records nothing', () => {
    const run = runGuard({ PATH: process.env.PATH ?? '', PST_REQUIRE_PEERS: '1' });
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain('available=true');
    expect(run.skips).toBe('');
  });
});
