// The Electron shell's security decisions as pure functions (Electron's security checklist), so
// vitest can test them with plain values: nothing here may import `electron` at run time.
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebPreferences } from 'electron';

/**
 * Where the trusted renderer comes from: the built files, the dev server in `electron-vite dev`, or
 * (on a client PC, "Sambungkan ke PC PST") the host PC's console over HTTPS.
 */
export type RendererLocation = { kind: 'file'; rendererDir: string } | { kind: 'dev'; origin: string } | { kind: 'remote'; origin: string };

const BASE_DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Fluent UI's Griffel injects <style> at run time; scripts stay strictly our own bundle.
  ['style-src', "'self' 'unsafe-inline'"],
  // https: so an officer can choose to show an email's remote images (blocked until then by the
  // sanitizer); the email itself renders only inside a sandboxed frame.
  ['img-src', "'self' data: blob: https:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  // Email HTML is shown in a sandboxed frame built from a blob or data URL.
  ['frame-src', "'self' blob: data:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/**
 * The Content-Security-Policy sent with every response the window loads. In development the
 * Vite dev server needs its origin, its HMR websocket and the React refresh preamble (inline).
 */
export function buildContentSecurityPolicy(dev?: { origin: string }): string {
  const directives = new Map(BASE_DIRECTIVES);
  if (dev) {
    const origin = new URL(dev.origin).origin;
    const ws = origin.replace(/^http/, 'ws');
    directives.set('script-src', `'self' 'unsafe-inline' ${origin}`);
    directives.set('connect-src', `'self' ${origin} ${ws}`);
  }
  return [...directives].map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Adds (replacing any existing, whatever its case) the CSP header to a response's headers. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

/** The window's webPreferences: isolated, sandboxed, no Node, no webview, no spellcheck service. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** True when `url` is a document of our renderer: a file inside the built renderer, or the dev server. */
export function isRendererUrl(url: string, renderer: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (renderer.kind === 'dev' || renderer.kind === 'remote') return parsed.origin === new URL(renderer.origin).origin;
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  let path: string;
  try {
    path = fileURLToPath(parsed);
  } catch {
    return false;
  }
  const inside = relative(renderer.rendererDir, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/** What the IPC handler knows about a caller, taken from an IpcMainInvokeEvent. */
export interface IpcSender {
  webContentsId: number;
  /** The calling frame; null when it navigated away or was destroyed before the call arrived. */
  frame: { url: string; isTopFrame: boolean } | null;
}

/**
 * Only the main window's top frame, showing our renderer, may call the contract: not a subframe
 * (email HTML), not another window, not a page the window was somehow navigated to.
 */
export function isTrustedSender(sender: IpcSender, trusted: { webContentsId: number | null; renderer: RendererLocation }): boolean {
  if (trusted.webContentsId === null || sender.webContentsId !== trusted.webContentsId) return false;
  if (!sender.frame || !sender.frame.isTopFrame) return false;
  return isRendererUrl(sender.frame.url, trusted.renderer);
}

/**
 * A link the officer clicked that may open in the OS browser: http(s) only, no credentials in
 * the URL. Returns the normalized URL, or null when it must not be opened.
 */
export function externalLinkTarget(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.href;
}

/**
 * Where a subframe (the sandboxed email viewer) may go: only inert content made by the renderer
 * itself. A link inside an email must never load a remote page inside the console.
 */
export function isAllowedSubframeUrl(url: string): boolean {
  return url === 'about:blank' || url === 'about:srcdoc' || url.startsWith('blob:') || url.startsWith('data:');
}

/** A download the renderer itself made (an export or attachment as a blob or data URL). */
export function isRendererDownload(url: string): boolean {
  return url.startsWith('blob:') || url.startsWith('data:');
}

/** Desktop notifications are the one permission the renderer may have, and only for our own top page. */
export function isPermissionAllowed(request: { permission: string; requestingUrl: string; isMainFrame: boolean }, renderer: RendererLocation): boolean {
  return request.permission === 'notifications' && request.isMainFrame && isRendererUrl(request.requestingUrl, renderer);
}
