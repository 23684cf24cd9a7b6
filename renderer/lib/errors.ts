import type { Issue } from '../../core/issues';

/** One line for an error of any shape, for notices. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** How big a run being stored is, roughly (run-recorder.ts estimates it). */
export interface RunSize {
  bytesPerRow: number;
  rows: number;
}

/** A chunk's rows, and the bytes one of them takes stored: its JSON, doubled for the index entries and the
 * store's overhead (an estimate); null for an empty chunk. */
export function measureChunk(rows: readonly unknown[]): RunSize | null {
  return rows.length === 0 ? null : { bytesPerRow: (JSON.stringify(rows).length * 2) / rows.length, rows: rows.length };
}

/** What the browser says about this origin's storage (navigator.storage.estimate), when it says. */
export type StorageEstimate = () => Promise<{ quota?: number; usage?: number }>;

/** The browser's estimate, looked up when needed (jsdom and old browsers have none). */
function browserEstimate(): StorageEstimate | undefined {
  return typeof navigator !== 'undefined' && navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined;
}

/** True for IndexedDB's "storage full" error, however Dexie wraps it (`inner`). */
export function isQuotaError(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; e = (e as { inner?: unknown }).inner, depth++) {
    if ((e as { name?: unknown }).name === 'QuotaExceededError') return true;
  }
  return false;
}

/** `840 KB`, `12.4 MB`, `1.2 GB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/**
 * The issue a failed write of a run becomes. Storage full (issue 8): how much space the run needs, how much
 * is free, and that nothing else was lost; any other error: its text.
 */
export async function storeFailure(error: unknown, size: RunSize | null, estimate: StorageEstimate | undefined = browserEstimate()): Promise<Issue> {
  if (!isQuotaError(error)) {
    return { code: 'store', severity: 'error', message: `The run could not be stored: ${errorText(error)}`, fix: 'Free some disk space or delete old runs, then run again.' };
  }
  const needed = size ? size.bytesPerRow * size.rows : null;
  const storage = estimate ? await estimate().catch(() => null) : null;
  const free = storage?.quota !== undefined && storage.usage !== undefined ? Math.max(0, storage.quota - storage.usage) : null;
  const need = needed === null ? '' : ` The run needs about ${formatBytes(needed)} (${size?.rows.toLocaleString('en-US')} rows)`;
  const have = free === null || storage?.quota === undefined ? '' : `${need ? ';' : ''} ${formatBytes(free)} of the ${formatBytes(storage.quota)} the browser allows this app are free`;
  const kept = 'Nothing of this run was kept; earlier runs and projects are untouched.';
  if (needed !== null && free !== null && needed <= free) {
    // The browser refused although its estimate says the run fits: a private window keeps IndexedDB in
    // memory under a much smaller limit than the quota it reports, and a browser may cap one origin lower.
    return {
      code: 'store.quota',
      severity: 'error',
      message: `The run could not be stored: the browser refused to store more for this app.${need}${have}, so the limit it hit is not the one it reports. ${kept}`,
      fix: 'Use a normal (not private or guest) browser window, or the desktop app; deleting old runs also frees room. Then run again.',
    };
  }
  const more = needed !== null && free !== null ? `about ${formatBytes(needed - free)} ` : '';
  return {
    code: 'store.quota',
    severity: 'error',
    message: `The run could not be stored: the browser's storage for this app is full.${need}${have}${need || have ? '.' : ''} ${kept}`,
    fix: `Free ${more}space (delete old runs, or free disk space: the browser's quota grows with it), then run again.`,
  };
}
