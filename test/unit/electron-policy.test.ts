import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  externalLinkTarget,
  isAllowedSubframeUrl,
  isPermissionAllowed,
  isRendererDownload,
  isRendererUrl,
  isTrustedSender,
  secureWebPreferences,
  withContentSecurityPolicy,
  type RendererLocation,
} from '../../src-main/electron/policy';
import { CONTENT_SECURITY_POLICY } from '../../src-main/server/security';

const rendererDir = join('/opt', 'PST Console', 'resources', 'app.asar', 'out', 'renderer');
const built: RendererLocation = { kind: 'file', rendererDir };
const dev: RendererLocation = { kind: 'dev', origin: 'http://localhost:5173' };
const indexUrl = `${pathToFileURL(join(rendererDir, 'index.html')).href}#/inbox`;

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]));

describe('Content-Security-Policy', () => {
  it('is strict in production and identical to the browser host', () => {
    const policy = buildContentSecurityPolicy();
    const d = directives(policy);
    expect(d.get('default-src')).toBe("'self'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(d.get('img-src')).toBe("'self' data: blob: https:");
    expect(d.get('connect-src')).toBe("'self'");
    expect(d.get('frame-src')).toBe("'self' blob: data:");
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(d.get(name)).toBe("'none'");
    expect(policy).not.toMatch(/unsafe-eval|\*/);
    // Same product in both hosts: the same policy.
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
  });

  it('opens only what the dev server needs in development', () => {
    const d = directives(buildContentSecurityPolicy({ origin: 'http://localhost:5173/' }));
    expect(d.get('connect-src')).toBe("'self' http://localhost:5173 ws://localhost:5173");
    expect(d.get('script-src')).toContain('http://localhost:5173');
    expect(d.get('object-src')).toBe("'none'");
  });

  it('replaces a CSP header in any letter case and keeps the others', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, "default-src 'self'");
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('webPreferences', () => {
  it('isolates and sandboxes the renderer with the CommonJS preload', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});

describe('renderer URL and IPC sender', () => {
  it('accepts files inside the built renderer only', () => {
    expect(isRendererUrl(indexUrl, built)).toBe(true);
    expect(isRendererUrl(pathToFileURL(join(rendererDir, 'assets', 'index-abc.js')).href, built)).toBe(true);
    expect(isRendererUrl(pathToFileURL(join(rendererDir, '..', 'main', 'index.js')).href, built)).toBe(false);
    expect(isRendererUrl(pathToFileURL(join(rendererDir + '-evil', 'index.html')).href, built)).toBe(false);
    expect(isRendererUrl(pathToFileURL(rendererDir).href, built)).toBe(false);
    expect(isRendererUrl('file://attacker.example/share/index.html', built)).toBe(false);
    expect(isRendererUrl('https://example.com/index.html', built)).toBe(false);
    expect(isRendererUrl('not a url', built)).toBe(false);
  });

  it('accepts the dev server origin only in dev', () => {
    expect(isRendererUrl('http://localhost:5173/#/inbox', dev)).toBe(true);
    expect(isRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isRendererUrl('http://localhost:5173/', built)).toBe(false);
    expect(isRendererUrl(indexUrl, dev)).toBe(false);
  });

  it('trusts only the main window top frame showing our renderer', () => {
    const trusted = { webContentsId: 7, renderer: built };
    expect(isTrustedSender({ webContentsId: 7, frame: { url: indexUrl, isTopFrame: true } }, trusted)).toBe(true);
    expect(isTrustedSender({ webContentsId: 7, frame: { url: indexUrl, isTopFrame: false } }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 8, frame: { url: indexUrl, isTopFrame: true } }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frame: null }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frame: { url: 'https://evil.example/', isTopFrame: true } }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frame: { url: indexUrl, isTopFrame: true } }, { webContentsId: null, renderer: built })).toBe(false);
  });
});

describe('external links and permissions', () => {
  it('opens only plain http(s) links in the OS browser', () => {
    expect(externalLinkTarget('https://buleleng.bps.go.id/statistics')).toBe('https://buleleng.bps.go.id/statistics');
    expect(externalLinkTarget('http://bali.bps.go.id')).toBe('http://bali.bps.go.id/');
    for (const bad of [
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'https://user:pw@host/',
      'data:text/html,x',
      '',
    ]) {
      expect(externalLinkTarget(bad)).toBeNull();
    }
  });

  it('lets the email viewer frame show only inert content made by the renderer', () => {
    for (const ok of ['about:blank', 'about:srcdoc', 'blob:file:///3f1c-uuid', 'data:text/html;charset=utf-8,%3Cp%3Ehai'])
      expect(isAllowedSubframeUrl(ok), ok).toBe(true);
    for (const bad of ['https://phishing.example/login', 'http://127.0.0.1:8080/', 'file:///C:/Users/pst/secret.txt', 'javascript:alert(1)', indexUrl]) {
      expect(isAllowedSubframeUrl(bad), bad).toBe(false);
    }
  });

  it('saves only downloads the renderer made itself', () => {
    expect(isRendererDownload('blob:file:///9b2e-uuid')).toBe(true);
    expect(isRendererDownload('data:application/pdf;base64,JVBERi0=')).toBe(true);
    expect(isRendererDownload('https://evil.example/setup.exe')).toBe(false);
    expect(isRendererDownload(pathToFileURL('/etc/passwd').href)).toBe(false);
  });

  it('allows notifications for our top page and nothing else', () => {
    expect(isPermissionAllowed({ permission: 'notifications', requestingUrl: indexUrl, isMainFrame: true }, built)).toBe(true);
    expect(isPermissionAllowed({ permission: 'notifications', requestingUrl: indexUrl, isMainFrame: false }, built)).toBe(false);
    expect(isPermissionAllowed({ permission: 'notifications', requestingUrl: 'https://evil.example/', isMainFrame: true }, built)).toBe(false);
    for (const permission of ['media', 'geolocation', 'openExternal', 'clipboard-read', 'fileSystem']) {
      expect(isPermissionAllowed({ permission, requestingUrl: indexUrl, isMainFrame: true }, built)).toBe(false);
    }
  });
});
