/**
 * A run's records: blocks of RECORD_BLOCK with their lookups (record-index.ts), built when the run
 * completes. The repository and the audit queries share it; callers open the transactions.
 */
import type { RecordOutcome, RecordState } from '../../core/types';
import { createBlockStore, type BlockTables } from './block-store';
import type { RecordRow, RecordSummaryRow } from './entities';
import { buildGroups, groupKey, summarizeRecords } from './record-index';

/** Records per block: a page of the audit lists reads a few blocks of this size. */
export const RECORD_BLOCK = 250;

const toRow = (runId: string, seq: number, outcome: RecordOutcome): RecordRow => {
  const row: RecordRow = { runId, seq, source: outcome.source, state: outcome.state, outcome };
  if (outcome.userId !== null) row.userId = outcome.userId;
  return row;
};

export function createRecordStore(t: BlockTables) {
  const blocks = createBlockStore<RecordOutcome>(t, 'records', RECORD_BLOCK);
  const rowsAt = async (runId: string, seqs: Iterable<number>): Promise<RecordRow[]> => (await blocks.rowsAt(runId, seqs)).map(({ seq, row }) => toRow(runId, seq, row));

  return {
    /** Stores records `start`.. with their summary (inside the caller's transaction). */
    async append(runId: string, start: number, outcomes: readonly RecordOutcome[]): Promise<void> {
      if (outcomes.length === 0) return;
      await blocks.append(runId, start, outcomes);
      await blocks.addSummary({ runId, kind: 'records', ...summarizeRecords(start, outcomes) });
    },

    /** Builds the run's record lookups from its summaries (inside the caller's transaction). */
    async complete(runId: string): Promise<void> {
      const summaries = (await blocks.summaries(runId)) as RecordSummaryRow[];
      await blocks.putIndex(runId, [...buildGroups(summaries)].map(([key, seqs]) => ({ name: `group:${key}`, seqs })));
      await blocks.putBuckets(runId, summaries);
    },

    remove: (runId: string): Promise<void> => blocks.remove(runId),
    count: blocks.count,
    rowsAt,

    /** The records that name `userId` (made, joined, or competed for it), in run order. */
    async ofUser(runId: string, userId: string): Promise<RecordRow[]> {
      const rows = await rowsAt(runId, await blocks.candidates(runId, [userId]));
      return rows.filter((row) => row.userId === userId);
    },

    /** Records of one source in one state, `limit` from position `offset` of that group, in run order. */
    async inState(runId: string, source: string, state: RecordState, offset: number, limit: number): Promise<RecordRow[]> {
      const group = await blocks.getIndex(runId, `group:${groupKey(source, state)}`);
      if (!group?.seqs) return [];
      const from = Math.max(0, offset);
      return rowsAt(runId, group.seqs.subarray(from, from + Math.max(0, limit)));
    },

    /** Every record in run order, about 10,000 at a time. */
    each: (runId: string, onChunk: (records: RecordOutcome[], done: number) => void): Promise<void> => blocks.each(runId, onChunk),

    /** The raw records of one source, by position (a what-if rule that reads `raw`): only the blocks
     * that hold records of that source are read. */
    async rawOfSource(runId: string, source: string): Promise<Map<number, Record<string, unknown>>> {
      const groups = await blocks.indexRowsFrom(runId, `group:${source}\u0000`);
      const raws = new Map<number, Record<string, unknown>>();
      for (const row of await rowsAt(runId, groups.flatMap((group) => [...(group.seqs ?? [])]))) {
        if (row.outcome.raw) raws.set(row.seq, row.outcome.raw);
      }
      return raws;
    },
  };
}

export type RecordStore = ReturnType<typeof createRecordStore>;
