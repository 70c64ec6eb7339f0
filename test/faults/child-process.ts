import { spawn, type ChildProcess } from 'node:child_process';
import type { ChildBundle } from './bundle';
import { parseChildLine, type ChildLine } from './protocol';

/** One started child: its parsed stdout lines, a way to talk to it, and a SIGKILL that waits. */
export class RunningChild {
  readonly lines: ChildLine[] = [];
  readonly stderr: string[] = [];
  private readonly listeners = new Set<() => void>();
  private exited = false;

  private constructor(private readonly proc: ChildProcess) {
    let buffer = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const complete = buffer.split('\n');
      buffer = complete.pop() ?? '';
      for (const line of complete) if (line.trim()) this.lines.push(parseChildLine(line));
      this.notify();
    });
    proc.stderr!.on('data', (chunk: Buffer) => {
      // Bounded: a child that logs in a loop must not grow the driver's memory.
      this.stderr.push(chunk.toString());
      if (this.stderr.length > 50) this.stderr.shift();
    });
    // Writes to a killed child fail with EPIPE: that is expected here, not an error.
    proc.stdin!.on('error', () => undefined);
    proc.once('exit', () => {
      this.exited = true;
      this.notify();
    });
  }

  static start(child: ChildBundle, env: Record<string, string>): RunningChild {
    return new RunningChild(spawn(process.execPath, [child.loader, child.bundle], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  get alive(): boolean {
    return !this.exited;
  }

  get exitDescription(): string {
    return `${this.proc.exitCode ?? this.proc.signalCode}`;
  }

  has(kind: ChildLine['kind']): boolean {
    return this.lines.some((l) => l.kind === kind);
  }

  /** Resolves true once a line of this kind was printed, false if the child exited or time ran out. */
  waitFor(kind: ChildLine['kind'], timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        const seen = this.has(kind);
        if (!seen && this.alive) return;
        done(seen);
      };
      const timer = setTimeout(() => done(this.has(kind)), timeoutMs);
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(value);
      };
      this.listeners.add(check);
      check();
    });
  }

  send(line: string): void {
    if (this.alive && this.proc.stdin!.writable) this.proc.stdin!.write(`${line}\n`);
  }

  /** kill -9, resolved once the process is gone (its sockets and file handles closed by the kernel). */
  kill(): Promise<void> {
    return new Promise((resolve) => {
      if (this.exited) return resolve();
      this.proc.once('exit', () => resolve());
      this.proc.kill('SIGKILL');
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
