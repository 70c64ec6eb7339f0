import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../../src-main/core/app';
import { startBrowserHost } from '../../../src-main/server/host';

export interface ServedConsole {
  /** Where the client sessions send their calls. */
  origin: string;
  /** The host's per-start token (a cookie for every client). */
  token: string;
  close(): Promise<void>;
}

/**
 * How the LAN bench's client sessions reach the host: the real browser host over HTTP on
 * loopback. The one place to change for another transport (the office LAN's HTTPS listener).
 */
export async function serveConsole(core: Core): Promise<ServedConsole> {
  // The API is measured, not the renderer's files: an empty folder to serve them from.
  const rendererDir = mkdtempSync(join(tmpdir(), 'pst-bench-lan-renderer-'));
  const host = await startBrowserHost({ core, rendererDir, port: 0 });
  return {
    origin: host.origin,
    token: host.token,
    async close() {
      await host.close();
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}
