/**
 * Security decisions of the main process as plain functions over plain data, so they are tested in
 * Node without the Electron runtime (test/unit/electron/security.test.ts). electron/main/window.ts wires
 * them into the session and the window.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The renderer's Content-Security-Policy. The renderer's index.html carries the same policy in a meta
 * tag, because a header may not reach a file:// response (electron/electron#14768). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where the app's own pages come from. */
export interface AppOrigin {
  /** Absolute folder of the built renderer (out/renderer); only files below it may load. */
  rendererDir: string;
  /** The Vite dev server (`ELECTRON_RENDERER_URL`) in development; absent in a built app. */
  devServerUrl?: string;
}

/** True when `path` is `dir` itself or inside it. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isAppFile(url: URL, origin: AppOrigin): boolean {
  if (url.protocol !== 'file:') return false;
  try {
    return isInside(origin.rendererDir, fileURLToPath(url));
  } catch {
    return false;
  }
}

function isDevServer(url: URL, origin: AppOrigin): boolean {
  if (!origin.devServerUrl) return false;
  const dev = parse(origin.devServerUrl);
  if (!dev) return false;
  // The dev server's page and its HMR websocket share host and port.
  const sameScheme = url.protocol === dev.protocol || (dev.protocol === 'http:' && url.protocol === 'ws:');
  return sameScheme && url.host === dev.host;
}

/**
 * The session's request filter: the app works offline by design, so every request is cancelled except
 * the app's own files, DevTools, inline data/blob URLs and, in development, the Vite dev server.
 */
export function isRequestAllowed(url: string, origin: AppOrigin): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'file:':
      return isAppFile(parsed, origin);
    default:
      return isDevServer(parsed, origin);
  }
}

/** True when `url` is one of the app's own pages (for navigation and sender checks). */
export function isAppPage(url: string, origin: AppOrigin): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return parsed.protocol === 'file:' ? isAppFile(parsed, origin) : isDevServer(parsed, origin) && parsed.protocol.startsWith('http');
}

/** Who sent an IPC message, as plain data (from IpcMainInvokeEvent). */
export interface SenderInfo {
  webContentsId: number;
  /** The sending frame's URL; null when the frame is gone. */
  frameUrl: string | null;
  /** False for a subframe. */
  isMainFrame: boolean;
}

/**
 * Trust an IPC sender only when it is one of the app's own windows, its top frame, showing the app's own
 * page (the idea of GitHub Desktop's trusted-ipc-sender): a navigated or embedded frame gets nothing.
 */
export function isTrustedSender(sender: SenderInfo, trustedWebContents: ReadonlySet<number>, origin: AppOrigin): boolean {
  if (!trustedWebContents.has(sender.webContentsId)) return false;
  if (!sender.isMainFrame || sender.frameUrl === null) return false;
  return isAppPage(sender.frameUrl, origin);
}

/** In development only: Vite's React preamble is an inline script and its HMR client a WebSocket (the
 * dev server relaxes the meta tag the same way, vite.web.config.ts `devServerCsp`). */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws: wss:",
);

/** Response headers with the app's CSP set (replacing any CSP header, whatever its case). */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, policy = CONTENT_SECURITY_POLICY): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
