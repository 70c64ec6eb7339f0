// Electron's security checklist applied to the session and to every webContents the app creates.
import { app, shell, type Session, type WebContents } from 'electron';
import {
  buildContentSecurityPolicy,
  externalLinkTarget,
  isAllowedSubframeUrl,
  isPermissionAllowed,
  isRendererDownload,
  withContentSecurityPolicy,
  type RendererLocation,
} from './policy';

/** CSP on every response, and no permission but notifications for our own pages. */
export function hardenSession(session: Session, renderer: RendererLocation): void {
  const policy = buildContentSecurityPolicy(renderer.kind === 'dev' ? { origin: renderer.origin } : undefined);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, renderer));
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed({ permission, requestingUrl: details.requestingUrl ?? contents?.getURL() ?? '', isMainFrame: details.isMainFrame }, renderer),
  );
  // Exports and attachments the renderer hands over as blob/data URLs get the normal "Save as"
  // dialog; nothing is ever downloaded from elsewhere.
  session.on('will-download', (event, item) => {
    if (!isRendererDownload(item.getURL())) event.preventDefault();
  });
}

/** No new windows, no navigation away from the renderer, no <webview>. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const target = externalLinkTarget(url);
    if (target) void shell.openExternal(target);
    return { action: 'deny' };
  });
  // The top page never navigates (routes live in the hash); subframes only to inert content.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !event.isSameDocument && !isAllowedSubframeUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies hardenWebContents to every webContents, including ones created later. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
