/**
 * The run stream: how a worker (worker_threads in the desktop app, a Web Worker in the browser edition)
 * hands a run to the renderer in chunks, so no single message carries a million rows and the renderer can
 * write each chunk to IndexedDB as it comes. Both workers speak exactly this protocol.
 */
import type { Conflict, ProgressEvent, RecordOutcome, RosterUser, RunResult } from '../types';
import type { Issue } from '../issues';

/** Rows of one table of a run. */
export type RunRows =
  | { table: 'roster'; rows: RosterUser[] }
  | { table: 'records'; rows: RecordOutcome[] }
  | { table: 'conflicts'; rows: Conflict[] };

/** The run without its row tables: what the renderer stores as the run itself. */
export type RunHeader = Omit<RunResult, 'roster' | 'records' | 'conflicts'>;

/** Messages from a worker to the renderer, in order: progress*, rows*, done | failed | cancelled. */
export type RunMessage =
  | { type: 'progress'; event: ProgressEvent }
  | ({ type: 'rows' } & RunRows)
  | { type: 'done'; header: RunHeader }
  | { type: 'failed'; issues: Issue[] }
  | { type: 'cancelled' };

/**
 * Rows per `rows` message. The page copies each message twice (receiving it, then handing it to the
 * storing worker) in one task each; at 5,000 rows (up to 15 MB of roster users) those tasks took 200 to
 * 600 ms on a 2-core machine, at 1,000 they stay near the 100 ms a responsive page allows (issue 6).
 */
export const CHUNK_ROWS = 1000;

/** Splits a finished run into `rows` messages of at most `size` rows, then `done`. */
export function* streamRun(result: RunResult, size = CHUNK_ROWS): Generator<RunMessage> {
  const { roster, records, conflicts, ...header } = result;
  yield* streamParts({ header, roster, records, conflicts }, size);
}

/** A run in parts whose rows may be built as they are read (core/pipeline.ts `runPipelineStreamed`). */
export interface RunParts {
  header: RunHeader;
  roster: Iterable<RosterUser>;
  records: Iterable<RecordOutcome>;
  conflicts: Iterable<Conflict>;
}

/** streamRun over parts: roster, records, conflicts in chunks of at most `size` rows, then `done`. Reads
 * each iterable once, a chunk at a time. */
export function* streamParts(parts: RunParts, size = CHUNK_ROWS): Generator<RunMessage> {
  for (const rows of batches(parts.roster, size)) yield { type: 'rows', table: 'roster', rows };
  for (const rows of batches(parts.records, size)) yield { type: 'rows', table: 'records', rows };
  for (const rows of batches(parts.conflicts, size)) yield { type: 'rows', table: 'conflicts', rows };
  yield { type: 'done', header: parts.header };
}

/** `items` in arrays of `size` (the last may be shorter), read one batch at a time. */
export function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
