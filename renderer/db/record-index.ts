/**
 * How a run's rows are found without an IndexedDB row per roster user or record (issue 6). Chromium's
 * IndexedDB spends about 100 to 200 µs per stored row and about 40 µs per index entry whatever their
 * size (measured, 20,000 users: a row per user and per record with their indexes, 25 s; the same rows in
 * blocks, 4.4 s), so a run's users and records are stored in blocks (block-store.ts), each appended chunk
 * leaves a small summary, and the lookups are built from the summaries when the run completes, as a few
 * large rows:
 *   - records by source and state: the positions of each (source, state) group, in run order, so an
 *     audit page is a slice of one array;
 *   - records and users by user id: hash buckets (hash-buckets.ts);
 *   - users by the prefix of a searchable term: sorted term pages (term-index.ts).
 *
 * This module is the records' pure part.
 */
import type { RecordOutcome, RecordState } from '../../core/types';
import { hashIds } from './hash-buckets';

/** The key of one (source, state) group: a source id cannot contain U+0000. */
export const groupKey = (source: string, state: RecordState): string => `${source}\u0000${state}`;

/** What one appended chunk of records adds to the index. */
export interface RecordSummary {
  start: number;
  /** Per record of the chunk, the hash of its user id (hash-buckets.ts). */
  hashes: Float64Array;
  /** Positions of the chunk's records per groupKey, ascending. */
  groups: Record<string, Int32Array>;
}

/** The summary of the records at positions `start`, `start + 1`, ... */
export function summarizeRecords(start: number, outcomes: readonly RecordOutcome[]): RecordSummary {
  const lists = new Map<string, number[]>();
  outcomes.forEach((outcome, i) => {
    const key = groupKey(outcome.source, outcome.state);
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push(start + i);
  });
  const groups: Record<string, Int32Array> = {};
  for (const [key, list] of lists) groups[key] = Int32Array.from(list);
  return { start, hashes: hashIds(outcomes.map((o) => o.userId)), groups };
}

/** Positions per groupKey over every summary of a run (in any order), ascending. */
export function buildGroups(summaries: readonly RecordSummary[]): Map<string, Int32Array> {
  const parts = new Map<string, Int32Array[]>();
  for (const summary of [...summaries].sort((a, b) => a.start - b.start)) {
    for (const [key, seqs] of Object.entries(summary.groups)) {
      const list = parts.get(key);
      if (list) list.push(seqs);
      else parts.set(key, [seqs]);
    }
  }
  const groups = new Map<string, Int32Array>();
  for (const [key, list] of parts) groups.set(key, concat(list));
  return groups;
}

function concat(arrays: readonly Int32Array[]): Int32Array {
  if (arrays.length === 1) return arrays[0];
  const out = new Int32Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}
