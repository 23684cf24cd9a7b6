/**
 * A run's rows of one kind (users or records) stored as blocks of `blockSize` rows keyed by their first
 * position (record-index.ts says why not a row each), with the per-chunk summaries and the lookups built
 * from them. Works on table handles, so the repositories and the schema upgrade (which writes through its
 * upgrade transaction) share it. Callers open the transactions over `BLOCK_TABLES`.
 */
import type { Table } from 'dexie';
import { buildBuckets, hash53, seqsWithHash, type Bucket } from './hash-buckets';
import type { BlockKind, BlockRow, RunIndexRow, SummaryRow } from './entities';

export interface BlockTables {
  blocks: Table<BlockRow, [string, BlockKind, number]>;
  summaries: Table<SummaryRow, [string, BlockKind, number]>;
  runIndex: Table<RunIndexRow, [string, string]>;
}

/** Blocks read per request when many rows in a row are loaded. */
const BLOCKS_PER_READ = 40;

export function createBlockStore<T>(t: BlockTables, kind: BlockKind, blockSize: number) {
  const blocksFrom = (runId: string, from: number, to = Infinity) => t.blocks.where('[runId+kind+start]').between([runId, kind, from], [runId, kind, to], true, true);
  const summariesOf = (runId: string, of: BlockKind = kind) => t.summaries.where('[runId+kind+start]').between([runId, of, -Infinity], [runId, of, Infinity], true, true);
  const indexRows = (runId: string) => t.runIndex.where('[runId+name]').between([runId, `${kind}:`], [runId, `${kind}:\uffff`], true, true);

  /** The block holding position `seq`, if any. */
  const blockAt = async (runId: string, seq: number): Promise<BlockRow<T> | undefined> => {
    const block = (await blocksFrom(runId, -Infinity, seq).last()) as BlockRow<T> | undefined;
    return block && seq < block.end ? block : undefined;
  };

  /** Visits the block holding each of `seqs` (any order, duplicates and unknown positions skipped), in
   * ascending position, reading each block once. */
  async function walk(runId: string, seqs: Iterable<number>, visit: (block: BlockRow<T>, seq: number) => void): Promise<void> {
    const wanted = [...new Set(seqs)].filter((seq) => Number.isInteger(seq) && seq >= 0).sort((a, b) => a - b);
    let block: BlockRow<T> | undefined;
    for (const seq of wanted) {
      if (!block || seq < block.start || seq >= block.end) block = await blockAt(runId, seq);
      if (block) visit(block, seq);
    }
  }

  /** The rows at `seqs` (any order, duplicates and unknown positions allowed), ascending by position. */
  async function rowsAt(runId: string, seqs: Iterable<number>): Promise<{ seq: number; row: T }[]> {
    const found: { seq: number; row: T }[] = [];
    await walk(runId, seqs, (block, seq) => found.push({ seq, row: block.rows[seq - block.start] }));
    return found;
  }

  /** Every row from position `from` up to `to` (exclusive), in order, about 40 blocks at a time; stops
   * early when `onChunk` returns (or resolves to) false. */
  async function each(runId: string, onChunk: (rows: T[], next: number) => unknown, from = 0, to = Infinity): Promise<void> {
    let next = from;
    const first = await blockAt(runId, from);
    if (first) next = first.start;
    while (next < to) {
      const blocks = (await blocksFrom(runId, next).limit(BLOCKS_PER_READ).toArray()) as BlockRow<T>[];
      if (blocks.length === 0) return;
      const rows: T[] = [];
      for (const block of blocks) {
        const lo = Math.max(from, block.start) - block.start;
        const hi = Math.min(to, block.end) - block.start;
        for (let i = lo; i < hi; i++) rows.push(block.rows[i]);
      }
      next = blocks[blocks.length - 1].end;
      if ((await onChunk(rows, Math.min(next, to))) === false) return;
    }
  }

  const getIndex = (runId: string, name: string): Promise<RunIndexRow | undefined> => t.runIndex.get([runId, `${kind}:${name}`]);
  /** Stores lookup rows of this kind, named without the `<kind>:` prefix. */
  const putIndex = async (runId: string, rows: (Omit<RunIndexRow, 'runId' | 'name'> & { name: string })[]): Promise<void> => {
    await t.runIndex.bulkPut(rows.map((row) => ({ ...row, runId, name: `${kind}:${row.name}` })));
  };

  return {
    blockAt,
    rowsAt,
    each,
    getIndex,
    putIndex,

    /** Rows `from` to `to` (exclusive), in order. */
    async range(runId: string, from: number, to: number): Promise<T[]> {
      const rows: T[] = [];
      if (to > from) await each(runId, (chunk) => void rows.push(...chunk), Math.max(0, from), to);
      return rows;
    },

    /** Stores rows `start`.. as blocks (inside the caller's transaction). */
    async append(runId: string, start: number, rows: readonly T[]): Promise<void> {
      if (rows.length === 0) return;
      const blocks: BlockRow<T>[] = [];
      for (let at = 0; at < rows.length; at += blockSize) {
        const part = rows.slice(at, at + blockSize);
        blocks.push({ runId, kind, start: start + at, end: start + at + part.length, rows: part });
      }
      // add, not put: every position is new; a clash means a chunk was written twice.
      await t.blocks.bulkAdd(blocks);
    },

    /** Replaces the rows at the given positions by `change(row)` (inside the caller's transaction). */
    async update(runId: string, seqs: Iterable<number>, change: (row: T) => T): Promise<void> {
      const changed = new Map<number, BlockRow<T>>();
      await walk(runId, seqs, (block, seq) => {
        block.rows[seq - block.start] = change(block.rows[seq - block.start]);
        changed.set(block.start, block);
      });
      if (changed.size > 0) await t.blocks.bulkPut([...changed.values()]);
    },

    /** Rows stored for a run: the end of its last block. */
    async count(runId: string): Promise<number> {
      const last = await blocksFrom(runId, -Infinity).last();
      return last ? last.end : 0;
    },

    /** The run's chunk summaries of this kind (or of `of`, a kind this store also writes). */
    summaries: (runId: string, of: BlockKind = kind): Promise<SummaryRow[]> => summariesOf(runId, of).toArray(),
    /** Up to `limit` summaries of kind `of` from position `from` on, in order. */
    summariesFrom: (runId: string, of: BlockKind, from: number, limit: number): Promise<SummaryRow[]> =>
      t.summaries.where('[runId+kind+start]').between([runId, of, from], [runId, of, Infinity], true, true).limit(limit).toArray(),
    removeSummaries: async (runId: string, of: BlockKind): Promise<void> => {
      await summariesOf(runId, of).delete();
    },
    addSummary: async (summary: SummaryRow): Promise<void> => {
      await t.summaries.add(summary);
    },
    indexRowsFrom: (runId: string, prefix: string): Promise<RunIndexRow[]> =>
      t.runIndex.where('[runId+name]').between([runId, `${kind}:${prefix}`], [runId, `${kind}:${prefix}\uffff`], true, true).toArray(),

    /** Stores the hash buckets of `hashed` as `<kind>:users` and `<kind>:user:<b>`. */
    async putBuckets(runId: string, hashed: readonly { start: number; hashes: Float64Array }[]): Promise<void> {
      const buckets = buildBuckets(hashed);
      await putIndex(runId, [{ name: 'users', buckets: buckets.length }, ...buckets.map((bucket, b) => ({ name: `user:${b}`, ...bucket }))]);
    },

    /** Positions of the rows whose user hash matches one of `userIds` (candidates: the caller checks
     * the ids). Reads each bucket the ids fall in once. */
    async candidates(runId: string, userIds: Iterable<string>): Promise<number[]> {
      const meta = await getIndex(runId, 'users');
      if (!meta?.buckets) return [];
      const byBucket = new Map<number, number[]>();
      for (const id of userIds) {
        const hash = hash53(id);
        const b = hash % meta.buckets;
        const list = byBucket.get(b);
        if (list) list.push(hash);
        else byBucket.set(b, [hash]);
      }
      const seqs: number[] = [];
      for (const [b, hashes] of byBucket) {
        const bucket = await getIndex(runId, `user:${b}`);
        if (!bucket?.hashes || !bucket.seqs) continue;
        for (const hash of new Set(hashes)) seqs.push(...seqsWithHash({ hashes: bucket.hashes, seqs: bucket.seqs } satisfies Bucket, hash));
      }
      return seqs;
    },

    /** Deletes every block, summary and lookup of this kind of a run, and the summaries of `also`
     * (inside the caller's transaction). */
    async remove(runId: string, also: BlockKind[] = []): Promise<void> {
      await blocksFrom(runId, -Infinity).delete();
      for (const of of [kind, ...also]) await summariesOf(runId, of).delete();
      await indexRows(runId).delete();
    },
  };
}

export type BlockStore<T> = ReturnType<typeof createBlockStore<T>>;
