import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pollUntil, readGreeting } from './net-util';
import { commandOnPath } from '../../helpers/peers-required';

/**
 * PATH alone decides, exactly as `command -v dovecot` in scripts/ensure-apt.sh: the shell and the
 * tests then agree on whether the email suites run, and a PATH without /usr/sbin really means
 * "missing" (test/unit/peers-required.test.ts relies on that). An ordinary user whose PATH lacks
 * /usr/sbin adds it; ensure-apt.sh says so.
 */
export function findDovecotBinary(): string | null {
  return commandOnPath('dovecot');
}

/**
 * The wrapper owns the process group and is the orphan guard: it waits for EOF on its stdin,
 * which is a pipe from this Node process, so even if Node dies by SIGKILL the pipe closes and
 * the wrapper kills the whole group. When Dovecot exits by itself the wrapper exits with its
 * status (after stopping the watcher) so a bad config is reported, not waited on. fd 3: in sh
 * a background job's stdin is /dev/null.
 */
const WRAPPER = `
exec 3<&0
"$0" -F -c "$1" </dev/null 3<&- &
server=$!
( read -r _ignored <&3; kill -KILL 0 ) &
watcher=$!
wait "$server"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
`;

/**
 * Removes `dir` once this Node process is gone, however it died: a detached shell (own session,
 * so no group kill reaches it) waiting for EOF on a pipe from us. Retries while the killed
 * Dovecot group finishes dying.
 */
export function removeDirWhenProcessDies(dir: string): { cancel(): void } {
  const janitor = spawn('/bin/sh', ['-c', 'read -r _ignored; for i in 1 2 3 4 5; do sleep 0.2; rm -rf "$0"; [ -e "$0" ] || break; done', dir], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  janitor.unref();
  (janitor.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    cancel: () => {
      try {
        if (janitor.pid) process.kill(janitor.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

const running = new Set<DovecotProcess>();
let exitHandlersInstalled = false;

/** Kills every live group synchronously: for process exit and fatal signals. */
function killAllGroups(): void {
  for (const p of running) p.killGroupNow();
}

function installExitHandlers(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.on('exit', killAllGroups);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAllGroups();
      // Keep the default meaning of the signal unless someone else handles it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/**
 * Live (non-zombie) processes of a group, from /proc. Zombies are ignored on purpose: killed
 * Dovecot children are reparented to PID 1, and not every init (e.g. a VM's) reaps them.
 */
export function liveGroupMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp ...; comm may contain spaces, so split after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') members.push(Number(entry));
  }
  return members;
}

export class DovecotProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly binary: string,
    private readonly configPath: string,
    private readonly logPath: string,
    private readonly imapPort: number,
    /** base_dir: its master.pid may name a killed master that is still an unreaped zombie. */
    private readonly baseDir: string,
  ) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Spawns the server and resolves once the IMAP port greets; rejects with the log tail if it dies. */
  async start(timeoutMs = 10_000): Promise<void> {
    if (this.child) throw new Error('dovecot already running');
    installExitHandlers();
    // Dovecot refuses to start while master.pid names a live pid, and kill(pid, 0) counts zombies.
    rmSync(join(this.baseDir, 'master.pid'), { force: true });
    const child = spawn('/bin/sh', ['-c', WRAPPER, this.binary, this.configPath], {
      detached: true,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // The watch pipe must not keep the event loop alive, nor the child's exit.
    child.unref();
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    this.child = child;
    running.add(this);
    let exitInfo: string | null = null;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        exitInfo = `exit code ${code ?? '-'} signal ${signal ?? '-'}`;
        running.delete(this);
        if (this.child === child) this.child = null;
        resolve();
      });
    });
    const died = this.exited.then(() => {
      throw new Error(`dovecot stopped during start (${exitInfo}): ${stderr.trim()}\n${this.logTail()}`);
    });
    // Only meaningful while starting; a later kill must not become an unhandled rejection.
    died.catch(() => undefined);
    try {
      await Promise.race([
        died,
        pollUntil(
          'dovecot IMAP greeting',
          async () => {
            if (exitInfo) return;
            const greeting = await readGreeting(this.imapPort, 500);
            if (!greeting.startsWith('* OK')) throw new Error(`unexpected greeting ${greeting}`);
          },
          timeoutMs,
        ),
      ]);
      if (exitInfo) await died;
    } catch (error) {
      await this.kill();
      throw error;
    }
  }

  /** SIGKILL to the whole group, like a crash; resolves when the wrapper has been reaped. */
  async kill(): Promise<void> {
    const pid = this.child?.pid;
    // Unref'd so an idle test process may exit; while we wait for the reap it must stay alive.
    this.child?.ref();
    this.killGroupNow();
    await this.exited;
    // The wrapper is reaped; wait for the rest of the group (reparented to init) so ports are free.
    if (pid)
      await pollUntil(
        'dovecot group gone',
        async () => {
          const live = liveGroupMembers(pid);
          if (live.length > 0) throw new Error(`process group ${pid} still has ${live.join(', ')}`);
        },
        3000,
        5,
      );
  }

  killGroupNow(): void {
    const pid = this.child?.pid;
    if (!pid) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }

  logTail(lines = 20): string {
    try {
      return readFileSync(this.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no dovecot log)';
    }
  }
}
