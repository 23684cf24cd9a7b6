/**
 * The window and its session, locked down: context isolation, sandbox, no Node in the renderer, web
 * security on, a strict CSP, no navigation, no new windows, no permissions and no network. The
 * decisions are plain functions in security.ts; this file wires them into Electron.
 */
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, isAppPage, isRequestAllowed, withContentSecurityPolicy, type AppOrigin } from './security';
import { windowOptions } from './window-options';

/** Refuses every network request, sets the CSP header on the app's responses, denies every permission. */
export function hardenSession(session: Session, origin: AppOrigin): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, origin) }));
  const policy = origin.devServerUrl ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) }));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Blocks navigation away from the app, new windows and webviews, for every web contents created. */
export function hardenContents(contents: WebContents, origin: AppOrigin): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppPage(url, origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Creates the app window and loads the renderer: the dev server's URL, or the built index.html. */
export function createMainWindow(preloadPath: string, entry: { url: string } | { file: string }): BrowserWindow {
  const options = windowOptions(preloadPath);
  // The security flags once more, literally, where the window is made: a static audit (Electronegativity)
  // reads them here. test/unit/electron/electronegativity.test.ts checks they equal windowOptions()'s.
  const win = new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  win.once('ready-to-show', () => win.show());
  if ('url' in entry) void win.loadURL(entry.url);
  else void win.loadFile(entry.file);
  return win;
}
