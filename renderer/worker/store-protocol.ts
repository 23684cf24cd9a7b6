/** Messages between the page and the run-storing worker (store.worker.ts). */
import type { Repo } from '../db/repo';

/** The repository's writes of a run: what the run recorder calls, on the page or in the worker. */
export type RunWriter = Pick<Repo, 'beginRun' | 'appendRows' | 'completeRun' | 'discardRun'>;

export type StoreMethod = keyof RunWriter;

/** One call: the method's name and arguments, numbered so its answer finds it. */
export type StoreCall = { [M in StoreMethod]: { id: number; method: M; args: Parameters<RunWriter[M]> } }[StoreMethod];

/** A failed write as plain data: the error's name and message, and those of what it wraps (Dexie wraps
 * IndexedDB's QuotaExceededError in `inner`), so the page can tell "storage full" from any other error. */
export interface StoreError {
  name: string;
  message: string;
  inner?: StoreError;
}

export type StoreReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: StoreError }
  /** The worker holds the Web Lock named like the worker: its death, however it happens, frees it. */
  | { type: 'alive' };

/** An error of any shape as a StoreError, following `inner` a few levels. */
export function toStoreError(error: unknown, depth = 0): StoreError {
  const e = typeof error === 'object' && error !== null ? (error as { name?: unknown; message?: unknown; inner?: unknown }) : null;
  const plain: StoreError = { name: typeof e?.name === 'string' ? e.name : 'Error', message: typeof e?.message === 'string' ? e.message : String(error) };
  if (e?.inner !== undefined && e.inner !== null && depth < 4) plain.inner = toStoreError(e.inner, depth + 1);
  return plain;
}

/** A StoreError back as an Error with the same name, message and `inner` chain. */
export function fromStoreError(plain: StoreError): Error & { inner?: Error } {
  const error: Error & { inner?: Error } = new Error(plain.message);
  error.name = plain.name;
  if (plain.inner) error.inner = fromStoreError(plain.inner);
  return error;
}
