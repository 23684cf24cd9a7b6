/**
 * Picks the backend: the desktop app's preload exposes `window.api`; without it this is the browser
 * edition.
 */
import type { Backend } from './backend';
import { createBrowserBackend } from './browser';
import { createElectronBackend } from './electron';

export function createBackend(): Backend {
  return 'api' in window && window.api ? createElectronBackend() : createBrowserBackend();
}

export type { Backend } from './backend';
