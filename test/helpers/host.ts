import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
// Only the temp-dir helper: importing ./core would load the whole core into Playwright's process.
import { tempDataDir } from './temp';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const BUILT_SERVER = join(REPO_ROOT, 'out', 'main', 'server.js');

export interface RunningHost {
  /** The URL with ?token=, as printed by `npm start`. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  /** stdout+stderr lines so far, for diagnostics and log checks. */
  output: string[];
  stop(): Promise<void>;
}

/**
 * Starts the BUILT browser host (out/main/server.js, as `npm start` runs it) on a free port in its
 * own process, and resolves once it printed its one URL line. Needs `npm run build` first.
 */
export async function startBrowserHost(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningHost> {
  if (!existsSync(BUILT_SERVER)) throw new Error(`${BUILT_SERVER} is missing: run \`npm run build\` first`);
  const temp = options.dataDir ? null : tempDataDir('pst-host-');
  const dataDir = options.dataDir ?? temp!.dir;
  const child = spawn(process.execPath, [BUILT_SERVER], {
    cwd: REPO_ROOT,
    // BPS's public WebAPI is never asked from a test: a closed loopback port unless the test gives its emulator.
    env: { ...process.env, PST_DATA_DIR: dataDir, PST_PORT: '0', PST_BPS_API_ROOT: 'http://127.0.0.1:9/v1/api', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start in 20 s:\n${output.join('\n')}`)), 20_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const match = /^PST Console: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${output.join('\n')}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dataDir,
    process: child,
    output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      temp?.cleanup();
    },
  };
}

/** A tiny HTTP client for the API as the renderer's bridge speaks it, keeping cookies like a browser. */
export class ApiClient {
  private readonly cookies = new Map<string, string>();

  /**
   * `localAddress` makes this client another machine as the host sees it: another address of the
   * loopback range (127.0.0.2, …), which reaches the host's 127.0.0.1 on Linux.
   */
  constructor(
    readonly origin: string,
    token: string,
    readonly localAddress?: string,
  ) {
    this.cookies.set(`pst_host_${new URL(origin).port}`, token);
  }

  async call(method: string, input: unknown = {}, init: { headers?: Record<string, string>; rawBody?: string } = {}): Promise<{ status: number; body: any }> {
    const headers = { 'Content-Type': 'application/json', Cookie: this.cookieHeader(), ...init.headers };
    const payload = init.rawBody ?? JSON.stringify(input);
    const res = this.localAddress
      ? await postFrom(this.localAddress, `${this.origin}/api/${method}`, headers, payload)
      : await fetch(`${this.origin}/api/${method}`, { method: 'POST', headers, body: payload });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (/Max-Age=0/.test(c)) this.cookies.delete(name!);
      else this.cookies.set(name!, decodeURIComponent(value ?? ''));
    }
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // non-JSON bodies (401 text) are returned as text
    }
    return { status: res.status, body };
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }
}

/** A POST from a chosen local address (fetch cannot bind one), answered as a fetch Response. */
function postFrom(localAddress: string, url: string, headers: Record<string, string>, body: string): Promise<Response> {
  return new Promise((resolveResponse, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(name, v);
        }
        resolveResponse(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: out }));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
