/**
 * Lookup by user id without an IndexedDB index entry per row (record-index.ts says why): the positions of
 * every row naming a user, spread over buckets by a 53-bit hash of the id, each bucket one stored row.
 * A lookup reads one bucket and checks the candidates' ids (a hash collision only costs a candidate).
 */

/** Target entries per bucket (a bucket row is ~12 bytes per entry). */
export const BUCKET_ENTRIES = 4096;
/** A row that names no user, in a summary's hashes. */
export const NO_USER = -1;

/**
 * cyrb53 (bryc, public domain): a 53-bit string hash, exact in a double. Written here because it is ten
 * lines and needs none of a hashing library's weight; it is not a security boundary.
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

/** Per row of a chunk starting at `start`, the hash of the user id it names (NO_USER for none). */
export interface HashedChunk {
  start: number;
  hashes: Float64Array;
}

export interface Bucket {
  hashes: Float64Array;
  seqs: Int32Array;
}

/** Bucket count for `entries` rows that name a user. */
export const bucketCount = (entries: number): number => Math.max(1, Math.ceil(entries / BUCKET_ENTRIES));

/** Hashes of the user ids named by `ids` (null: none). */
export function hashIds(ids: readonly (string | null)[]): Float64Array {
  const hashes = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    hashes[i] = id === null ? NO_USER : hash53(id);
  });
  return hashes;
}

/** Bucket b holds every row whose hash h has h % buckets === b, in ascending position. */
export function buildBuckets(chunks: readonly HashedChunk[]): Bucket[] {
  const ordered = [...chunks].sort((a, b) => a.start - b.start);
  let named = 0;
  for (const chunk of ordered) for (const hash of chunk.hashes) if (hash !== NO_USER) named++;
  // Counting sort: two passes, no per-entry objects.
  const count = bucketCount(named);
  const sizes = new Int32Array(count);
  for (const chunk of ordered) for (const hash of chunk.hashes) if (hash !== NO_USER) sizes[hash % count]++;
  const buckets = Array.from(sizes, (size) => ({ hashes: new Float64Array(size), seqs: new Int32Array(size) }));
  const filled = new Int32Array(count);
  for (const chunk of ordered) {
    chunk.hashes.forEach((hash, i) => {
      if (hash === NO_USER) return;
      const b = hash % count;
      buckets[b].hashes[filled[b]] = hash;
      buckets[b].seqs[filled[b]++] = chunk.start + i;
    });
  }
  return buckets;
}

/** Positions in `bucket` whose hash is `hash` (candidates: the caller checks the row's user id). */
export function seqsWithHash(bucket: Bucket, hash: number): number[] {
  const out: number[] = [];
  bucket.hashes.forEach((h, i) => {
    if (h === hash) out.push(bucket.seqs[i]);
  });
  return out;
}
