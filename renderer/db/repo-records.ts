/**
 * A run's records in IndexedDB: blocks of records plus the index built when the run completes
 * (record-index.ts says why not a row per record). Works on table handles, so the repository, the audit
 * queries and the schema upgrade (which writes through its upgrade transaction) share it. Callers open
 * the transactions; `RECORD_TABLES` names what they must include.
 */
import type { Table } from 'dexie';
import type { RecordOutcome, RecordState } from '../../core/types';
import type { RecordBlockRow, RecordIndexRow, RecordRow, RecordSummaryRow } from './entities';
import { buildRecordIndex, groupKey, hash53, RECORD_BLOCK, seqsWithHash, summarize } from './record-index';

export interface RecordTables {
  recordBlocks: Table<RecordBlockRow, [string, number]>;
  recordSummaries: Table<RecordSummaryRow, [string, number]>;
  recordIndex: Table<RecordIndexRow, [string, string]>;
}

/** Blocks read per request when a whole run is loaded (~10,000 records). */
const BLOCKS_PER_READ = 40;

const toRow = (runId: string, seq: number, outcome: RecordOutcome): RecordRow => {
  const row: RecordRow = { runId, seq, source: outcome.source, state: outcome.state, outcome };
  if (outcome.userId !== null) row.userId = outcome.userId;
  return row;
};

export function createRecordStore(t: RecordTables) {
  /** Every row of a run in a table keyed `[runId+start]`. */
  const all = <Row>(table: Table<Row, [string, number]>, runId: string) => table.where('[runId+start]').between([runId, -Infinity], [runId, Infinity], true, true);

  /** The block holding position `seq`, if any. */
  const blockAt = (runId: string, seq: number): Promise<RecordBlockRow | undefined> =>
    t.recordBlocks.where('[runId+start]').between([runId, -Infinity], [runId, seq], true, true).last();

  /** The records at `seqs` (any order, duplicates allowed), as rows in ascending position. */
  async function rowsAt(runId: string, seqs: Iterable<number>): Promise<RecordRow[]> {
    const wanted = [...new Set(seqs)].filter((seq) => Number.isInteger(seq) && seq >= 0).sort((a, b) => a - b);
    const rows: RecordRow[] = [];
    let block: RecordBlockRow | undefined;
    for (const seq of wanted) {
      if (!block || seq < block.start || seq >= block.end) block = await blockAt(runId, seq);
      if (block && seq < block.end) rows.push(toRow(runId, seq, block.records[seq - block.start]));
    }
    return rows;
  }

  return {
    /** Stores records `start`.. as blocks with their summary (inside the caller's transaction). */
    async append(runId: string, start: number, outcomes: readonly RecordOutcome[]): Promise<void> {
      if (outcomes.length === 0) return;
      const blocks: RecordBlockRow[] = [];
      for (let at = 0; at < outcomes.length; at += RECORD_BLOCK) {
        const records = outcomes.slice(at, at + RECORD_BLOCK);
        blocks.push({ runId, start: start + at, end: start + at + records.length, records });
      }
      // add, not put: every position is new; a clash means a chunk was written twice.
      await t.recordBlocks.bulkAdd(blocks);
      await t.recordSummaries.add({ runId, ...summarize(start, outcomes) });
    },

    /** Builds the run's index from its summaries and drops them (inside the caller's transaction). */
    async complete(runId: string): Promise<void> {
      const summaries = await all(t.recordSummaries, runId).toArray();
      const index = buildRecordIndex(summaries);
      const rows: RecordIndexRow[] = [{ runId, name: 'users', seqs: new Int32Array(0), buckets: index.buckets.length }];
      for (const [key, seqs] of index.groups) rows.push({ runId, name: `group:${key}`, seqs });
      index.buckets.forEach((bucket, b) => rows.push({ runId, name: `user:${b}`, ...bucket }));
      await t.recordIndex.bulkPut(rows);
      await all(t.recordSummaries, runId).delete();
    },

    /** Deletes every record row of a run (inside the caller's transaction). */
    async remove(runId: string): Promise<void> {
      await all(t.recordBlocks, runId).delete();
      await all(t.recordSummaries, runId).delete();
      await t.recordIndex.where('[runId+name]').between([runId, ''], [runId, '\uffff'], true, true).delete();
    },

    /** Records stored for a run, from its blocks. */
    async count(runId: string): Promise<number> {
      const last = await all(t.recordBlocks, runId).last();
      return last ? last.end : 0;
    },

    rowsAt,

    /** The records that name `userId` (made, joined, or competed for it), in run order. */
    async ofUser(runId: string, userId: string): Promise<RecordRow[]> {
      const meta = await t.recordIndex.get([runId, 'users']);
      if (!meta?.buckets) return [];
      const hash = hash53(userId);
      const bucket = await t.recordIndex.get([runId, `user:${hash % meta.buckets}`]);
      if (!bucket?.hashes) return [];
      const rows = await rowsAt(runId, seqsWithHash({ hashes: bucket.hashes, seqs: bucket.seqs }, hash));
      return rows.filter((row) => row.userId === userId);
    },

    /** Records of one source in one state, `limit` from position `offset` of that group, in run order. */
    async inState(runId: string, source: string, state: RecordState, offset: number, limit: number): Promise<RecordRow[]> {
      const group = await t.recordIndex.get([runId, `group:${groupKey(source, state)}`]);
      if (!group) return [];
      return rowsAt(runId, group.seqs.subarray(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit)));
    },

    /** Every record in run order, about 10,000 at a time. */
    async each(runId: string, onChunk: (records: RecordOutcome[], done: number) => void): Promise<void> {
      let next = 0;
      for (;;) {
        const blocks = await t.recordBlocks.where('[runId+start]').between([runId, next], [runId, Infinity], true, true).limit(BLOCKS_PER_READ).toArray();
        if (blocks.length === 0) return;
        const records: RecordOutcome[] = [];
        for (const block of blocks) for (const record of block.records) records.push(record);
        next = blocks[blocks.length - 1].end;
        onChunk(records, next);
      }
    },

    /** The raw records of one source, by position (a what-if rule that reads `raw`): only the blocks
     * that hold records of that source are read. */
    async rawOfSource(runId: string, source: string): Promise<Map<number, Record<string, unknown>>> {
      const prefix = `group:${source}\u0000`;
      const groups = await t.recordIndex.where('[runId+name]').between([runId, prefix], [runId, prefix + '\uffff'], true, true).toArray();
      const raws = new Map<number, Record<string, unknown>>();
      for (const row of await rowsAt(runId, groups.flatMap((group) => [...group.seqs]))) {
        if (row.outcome.raw) raws.set(row.seq, row.outcome.raw);
      }
      return raws;
    },
  };
}

export type RecordStore = ReturnType<typeof createRecordStore>;
