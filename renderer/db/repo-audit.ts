/**
 * The queries of the audit screens (issue 4): pages of records by source and state, conflicts by kind,
 * the records a filter rule removed, and whole-run loads for the audit worker. Kept apart from repo.ts so
 * the worker can use them without the write side. Like repo.ts, every read goes through a complete run.
 *
 * Conflicts are a row each, paged by one index range (`[runId+kind]`); records and users are read from
 * their blocks through the lookups built when the run completed (repo-records.ts, repo-roster.ts), so a
 * page deep into a large run reads only the blocks it shows.
 */
import { Dexie } from 'dexie';
import type { Conflict, ConflictKind, RecordOutcome, RecordState, RosterUser } from '../../core/types';
import { db as defaultDb, type RosterDb } from './db';
import { createRecordStore } from './repo-records';
import { createRosterStore } from './repo-roster';
import type { ConflictRow, FilterHitRow, RecordRow, RunEntity } from './entities';

/** The audit queries over one database (tests and the worker pass theirs). */
export function createAuditRepo(db: RosterDb) {
  const records = createRecordStore(db);
  const roster = createRosterStore(db);
  async function completeRun(runId: string): Promise<RunEntity | undefined> {
    const run = await db.runs.get(runId);
    return run?.status === 'complete' ? run : undefined;
  }


  return {
    getRun: completeRun,

    /** Records of one source in one state, `limit` rows from position `offset`, in run order. */
    async recordsInState(runId: string, source: string, state: RecordState, offset: number, limit: number): Promise<RecordRow[]> {
      if (!(await completeRun(runId))) return [];
      return records.inState(runId, source, state, offset, limit);
    },

    /** Records at the given positions (missing ones left out). */
    async recordsAt(runId: string, seqs: number[]): Promise<RecordRow[]> {
      const found = new Map((await records.rowsAt(runId, seqs)).map((row) => [row.seq, row]));
      return seqs.flatMap((seq) => found.get(seq) ?? []);
    },

    /** Conflicts of one kind, `limit` rows from position `offset`. */
    async conflictsOfKind(runId: string, kind: ConflictKind, offset: number, limit: number): Promise<ConflictRow[]> {
      if (!(await completeRun(runId))) return [];
      return db.conflicts.where('[runId+kind]').equals([runId, kind]).offset(offset).limit(limit).toArray();
    },

    /** Every conflict of one kind, for the CSV export. */
    async allConflictsOfKind(runId: string, kind: ConflictKind): Promise<Conflict[]> {
      if (!(await completeRun(runId))) return [];
      const rows = await db.conflicts.where('[runId+kind]').equals([runId, kind]).toArray();
      return rows.map((row) => row.conflict);
    },

    /** The hits of one rule of one source (rule names repeat across sources), in run order. Small rows:
     * the list pages the records themselves through `recordsAt`. */
    async filterHits(runId: string, source: string, rule: string): Promise<FilterHitRow[]> {
      if (!(await completeRun(runId))) return [];
      return db.filterHits
        .where('[runId+rule]')
        .equals([runId, rule])
        .filter((hit) => hit.source === source)
        .toArray();
    },

    /** Every roster user of a run, chunk by chunk. */
    /**
     * The users the run found, in run order, chunk by chunk. A run with history also stores, after them
     * (seq >= header.stats.users), the users pending deletion and deleted (repo-history.ts); those are not
     * in the roster the pipeline made, so explain, what-if and suggestions must not see them (they would
     * call a leaver "in the roster" and count them as removed by any toggle).
     */
    async loadPresentRoster(runId: string, onChunk: (users: RosterUser[], done: number) => void): Promise<number> {
      const run = await completeRun(runId);
      if (!run) throw new Error(`Run ${runId} is not stored (anymore).`);
      const present = Math.min(run.counts.roster, run.header?.stats.users ?? run.counts.roster);
      await roster.each(runId, onChunk, 0, present);
      return present;
    },

    /** Every record outcome of a run in run order (position = seq), chunk by chunk. `keepRaw` false drops
     * the raw records as each chunk arrives, so a large run's raw fields are never all in memory. */
    async loadRecords(runId: string, keepRaw: boolean, onChunk: (records: RecordOutcome[], done: number) => void): Promise<void> {
      const run = await completeRun(runId);
      if (!run) throw new Error(`Run ${runId} is not stored (anymore).`);
      await records.each(runId, (chunk, done) =>
        onChunk(
          keepRaw
            ? chunk
            : chunk.map((record) => {
                if (!record.raw) return record;
                const { raw: _raw, ...outcome } = record;
                return outcome;
              }),
          done,
        ),
      );
    },

    /** The raw records of one source, by record position (for a what-if rule that reads `raw`). */
    rawOfSource: (runId: string, source: string): Promise<Map<number, Record<string, unknown>>> => records.rawOfSource(runId, source),

    /** Every conflict of a run. */
    async loadConflicts(runId: string): Promise<Conflict[]> {
      const rows = await db.conflicts.where('[runId+seq]').between([runId, Dexie.minKey], [runId, Dexie.maxKey]).toArray();
      return rows.map((row) => row.conflict);
    },
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;

/** The audit queries over the app's database. */
export const auditRepo: AuditRepo = createAuditRepo(defaultDb);
