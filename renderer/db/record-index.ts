/**
 * How a run's records are found without a row per record (issue 6). IndexedDB in Chromium spends about
 * 100 to 200 µs per stored row and about 40 µs per index entry whatever their size (measured: 20,000
 * users, records as one row each with three indexes 25 s; the same records in blocks of rows 9.8 s), so
 * records are stored in blocks (`recordBlocks`) and their two lookups are built once, when the run
 * completes, as a few large rows (`recordIndex`):
 *   - by source and state: the positions (seq) of the records of each (source, state), in run order, so
 *     the audit's pages are a slice of one array;
 *   - by user: the positions of every record that names a user, spread over buckets by a hash of the user
 *     id, so one user's records are one bucket row away.
 * Each appended chunk first leaves a small summary (`recordSummaries`: per record the hash of its user id,
 * per (source, state) its positions); completing the run reads the summaries, not the records.
 *
 * This module is the pure part: hashing, summaries and the built index. repo-records.ts stores them.
 */
import type { RecordOutcome, RecordState } from '../../core/types';

/** Records per block row: a page of the audit lists reads a few blocks of this size. */
export const RECORD_BLOCK = 250;
/** Target entries per user bucket (a bucket row is ~12 bytes per entry). */
export const BUCKET_ENTRIES = 4096;
/** A record that names no user in a summary's hashes. */
export const NO_USER = -1;

/**
 * cyrb53 (bryc, public domain): a 53-bit string hash, exact in a double. Written here because it is ten
 * lines and needs none of a hashing library's weight; collisions only cost a bucket entry that the
 * lookup's check of the record's user id then drops.
 */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The key of one (source, state) group: a source id cannot contain U+0000. */
export const groupKey = (source: string, state: RecordState): string => `${source}\u0000${state}`;

/** What one appended chunk of records adds to the index. */
export interface RecordSummary {
  start: number;
  /** Per record of the chunk, hash53 of its user id, or NO_USER. */
  hashes: Float64Array;
  /** Positions of the chunk's records per groupKey, ascending. */
  groups: Record<string, Int32Array>;
}

/** The summary of the records at positions `start`, `start + 1`, ... */
export function summarize(start: number, outcomes: readonly RecordOutcome[]): RecordSummary {
  const hashes = new Float64Array(outcomes.length);
  const lists = new Map<string, number[]>();
  outcomes.forEach((outcome, i) => {
    hashes[i] = outcome.userId === null ? NO_USER : hash53(outcome.userId);
    const key = groupKey(outcome.source, outcome.state);
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push(start + i);
  });
  const groups: Record<string, Int32Array> = {};
  for (const [key, list] of lists) groups[key] = Int32Array.from(list);
  return { start, hashes, groups };
}

/** A run's record index, built from its summaries. */
export interface RecordIndex {
  /** Positions per groupKey, in run order. */
  groups: Map<string, Int32Array>;
  /** Bucket b holds every record whose user hash h has h % buckets.length === b. */
  buckets: { hashes: Float64Array; seqs: Int32Array }[];
}

/** Bucket count for `entries` records that name a user. */
export const bucketCount = (entries: number): number => Math.max(1, Math.ceil(entries / BUCKET_ENTRIES));

/** Builds the index from every summary of a run (in any order; positions come out ascending). */
export function buildRecordIndex(summaries: readonly RecordSummary[]): RecordIndex {
  const ordered = [...summaries].sort((a, b) => a.start - b.start);
  const parts = new Map<string, Int32Array[]>();
  let named = 0;
  for (const summary of ordered) {
    for (const [key, seqs] of Object.entries(summary.groups)) {
      const list = parts.get(key);
      if (list) list.push(seqs);
      else parts.set(key, [seqs]);
    }
    for (const hash of summary.hashes) if (hash !== NO_USER) named++;
  }
  const groups = new Map<string, Int32Array>();
  for (const [key, list] of parts) groups.set(key, concat(list));

  // Counting sort into buckets: two passes, no per-entry objects.
  const count = bucketCount(named);
  const sizes = new Int32Array(count);
  for (const summary of ordered) for (const hash of summary.hashes) if (hash !== NO_USER) sizes[hash % count]++;
  const buckets = Array.from(sizes, (size) => ({ hashes: new Float64Array(size), seqs: new Int32Array(size) }));
  const filled = new Int32Array(count);
  for (const summary of ordered) {
    summary.hashes.forEach((hash, i) => {
      if (hash === NO_USER) return;
      const b = hash % count;
      buckets[b].hashes[filled[b]] = hash;
      buckets[b].seqs[filled[b]++] = summary.start + i;
    });
  }
  return { groups, buckets };
}

/** Positions in `bucket` whose hash is `hash` (candidates: the caller checks the record's user id). */
export function seqsWithHash(bucket: { hashes: Float64Array; seqs: Int32Array }, hash: number): number[] {
  const out: number[] = [];
  bucket.hashes.forEach((h, i) => {
    if (h === hash) out.push(bucket.seqs[i]);
  });
  return out;
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
