/** `window.api`: exposed by the desktop app's preload (electron/preload/index.ts); absent in the browser. */
import type { RosterAuditApi } from '../../electron/ipc/api';

declare global {
  interface Window {
    api?: RosterAuditApi;
  }
}

export {};
