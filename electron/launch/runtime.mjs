// @ts-check
/**
 * Finds the Electron runtime without `require('electron')`: the electron package's index.js tries to
 * download the binary when it is missing, and this machine may be offline. Plain function, tested in
 * test/unit/electron/launch.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable `electron-vite dev` would start, or null when it is not installed.
 * @param {string} root the repository root (where node_modules is)
 * @param {Record<string, string | undefined>} env the environment (ELECTRON_OVERRIDE_DIST_PATH)
 * @returns {string | null}
 */
export function findElectronBinary(root, env) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const override = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(override) ? override : null;
  }
  if (!relative) return null;
  const binary = join(pkg, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/**
 * The command that opens a URL in the default browser on this platform, or null.
 * @param {NodeJS.Platform} platform
 * @returns {{ command: string; args: (url: string) => string[] } | null}
 */
export function browserOpener(platform) {
  if (platform === 'darwin') return { command: 'open', args: (url) => [url] };
  if (platform === 'win32') return { command: 'cmd', args: (url) => ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: (url) => [url] };
}

/** The one line `npm start` prints when it falls back to the browser edition. */
export const FALLBACK_LINE = (/** @type {string} */ url) =>
  `Electron runtime not available on this machine (offline install); opening the browser edition instead at ${url}`;
