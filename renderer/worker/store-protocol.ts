/** Messages between the page and the run-storing worker (store.worker.ts). */
import type { Repo } from '../db/repo';
import type { RunSize } from '../lib/errors';

/** The repository's writes of a run: what the run recorder calls, on the page or in the worker. */
export type RunWrites = Pick<Repo, 'beginRun' | 'appendRows' | 'completeRun' | 'discardRun'>;

/** What the recorder hears of a run whose rows go straight to the storing worker (store-sink.ts). */
export interface SinkEvents {
  /** One chunk of `rows` rows was stored. */
  stored(rows: number): void;
  /** A chunk could not be stored: the sink takes no more. `chunk` (its size) sizes a "storage full" message. */
  failed(error: Error, chunk: RunSize | null): void;
}

export type RunWriter = RunWrites & {
  /**
   * Where the storing worker runs, a channel for one run's rows: the returned port goes to the pipeline
   * worker, which posts its `rows` messages to it; the storing worker stores each and acknowledges it on the
   * same port (core/run/flow.ts), so no row passes through the page. Absent where rows are stored on the
   * page (no workers, as in jsdom tests).
   */
  openSink?(runId: string, events: SinkEvents): MessagePort;
};

export type StoreMethod = keyof RunWrites;

/** One call: the method's name and arguments, numbered so its answer finds it. */
export type StoreCall = { [M in StoreMethod]: { id: number; method: M; args: Parameters<RunWrites[M]> } }[StoreMethod];

/** The page hands the storing worker its end of a run's channel (transferred): see `openSink`. */
export interface SinkCall {
  type: 'sink';
  runId: string;
  port: MessagePort;
}

export type StoreRequest = StoreCall | SinkCall;

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
  | { type: 'alive' }
  /** A chunk that came through a run's sink was stored (and acknowledged to its sender). */
  | { type: 'stored'; runId: string; rows: number }
  /** A chunk that came through a run's sink could not be stored; the sink is closed. */
  | { type: 'sink-failed'; runId: string; error: StoreError; chunk: RunSize | null };

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
