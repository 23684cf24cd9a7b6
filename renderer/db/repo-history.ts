/**
 * The queries and writes of run history and comparison (issue 5), over any database instance: the app's
 * (screens, and the in-thread fallback) or one a Web Worker opens itself (history.worker, compare.worker),
 * so a million-row run is read where it is used and never crosses a postMessage.
 *
 * Deletion tracking stores nothing new in the schema: a run's `DeletionSummary` goes into its header
 * (`header.deletion`), and its pending-deletion and deleted users are extra roster rows appended after
 * the users the run found. So in a run's roster, seq `< header.stats.users` are present users and seq
 * `>= header.stats.users` the rows history added (pending first, soonest deletion first, then deleted).
 */
import { Dexie } from 'dexie';
import type { DeletionInfo, RosterUser } from '../../core/types';
import type { RosterDb } from './db';
import type { RosterRow, RunEntity } from './entities';
import { toRosterRows } from './row-builders';

/** A complete run (with its header). */
export type CompleteRun = RunEntity & { header: NonNullable<RunEntity['header']> };

const isComplete = (run: RunEntity | undefined): run is CompleteRun => run?.status === 'complete' && run.header !== null;

/** Runs of one project ordered as history orders them: by asOf, then in the order they were recorded. */
export function byAsOf(runs: readonly CompleteRun[]): CompleteRun[] {
  return [...runs].sort((a, b) => (a.header.asOf < b.header.asOf ? -1 : a.header.asOf > b.header.asOf ? 1 : a.startedAt - b.startedAt));
}

/** Rows history added to a run (pending-deletion and deleted users): how many, from the header. */
export function historyRowCount(header: NonNullable<RunEntity['header']>): number {
  return header.deletion ? header.deletion.counts.pending + header.deletion.counts.deleted : 0;
}

export function createHistoryRepo(db: RosterDb) {
  const seqRange = (runId: string, from: number, to: number | typeof Dexie.maxKey) => db.roster.where('[runId+seq]').between([runId, from], [runId, to], true, false);

  return {
    /** Any run, complete or being written (the history step runs before a run completes). */
    getAnyRun: (runId: string): Promise<RunEntity | undefined> => db.runs.get(runId),

    async getCompleteRun(runId: string): Promise<CompleteRun | undefined> {
      const run = await db.runs.get(runId);
      return isComplete(run) ? run : undefined;
    },

    /** Complete runs of a project, by asOf (oldest first), then in the order they were recorded: the
     * `[projectId+asOf+startedAt]` index's own order (schema version 2; only complete runs have asOf). */
    async runsByAsOf(projectId: string): Promise<CompleteRun[]> {
      // Bounds by type (asOf a date string, startedAt epoch ms): IndexedDB refuses Dexie.minKey/maxKey
      // in more than one place of a compound key bound.
      const runs = await db.runs.where('[projectId+asOf+startedAt]').between([projectId, '', -Infinity], [projectId, '\uffff', Infinity]).toArray();
      return runs.filter(isComplete);
    },

    /**
     * User ids of the users a run found, read from the `[runId+userId]` index keys (no row is loaded), minus
     * the users history added after `present` rows. Order is the index's (by user id), not the run's.
     */
    async presentUserIds(runId: string, present: number): Promise<string[]> {
      const keys = (await db.roster.where('[runId+userId]').between([runId, Dexie.minKey], [runId, Dexie.maxKey]).keys()) as unknown as [string, string][];
      const added = await seqRange(runId, present, Dexie.maxKey).toArray();
      if (added.length === 0) return keys.map((k) => k[1]);
      const skip = new Set(added.map((row) => row.userId));
      return keys.map((k) => k[1]).filter((id) => !skip.has(id));
    },

    /** The rows of the given users in a run (missing ones are left out). */
    async rowsOf(runId: string, userIds: readonly string[]): Promise<RosterRow[]> {
      if (userIds.length === 0) return [];
      return db.roster.where('[runId+userId]').anyOf(userIds.map((id) => [runId, id])).toArray();
    },

    /** Present users `start`..`start + limit` of a run, in run order (comparison loads runs page by page). */
    presentPage: (runId: string, start: number, limit: number, present: number): Promise<RosterRow[]> =>
      seqRange(runId, start, Math.min(present, start + limit)).toArray(),

    /** Rows history added to a run, from position `from` (the first is at `header.stats.users`: pending
     * users, soonest deletion first, then the deleted ones), up to `limit`. */
    historyRows: async (runId: string, from: number, limit = Infinity): Promise<RosterRow[]> => (limit > 0 ? seqRange(runId, from, Dexie.maxKey).limit(limit).toArray() : []),

    /**
     * Users of a run that came back while pending: those pending in the run before it (`previousId`) who
     * are `restored` in this one. Reads the previous run's few history rows, not the whole roster.
     */
    async restoredUsers(runId: string, previous: CompleteRun | undefined, limit = Infinity): Promise<RosterRow[]> {
      if (!previous) return [];
      const pending = (await seqRange(previous.id, previous.header.stats.users, Dexie.maxKey).toArray()).filter((r) => r.user.lifecycle === 'pending-deletion');
      const rows = await db.roster.where('[runId+userId]').anyOf(pending.map((r) => [runId, r.userId])).toArray();
      return rows.filter((r) => r.user.lifecycle === 'restored').slice(0, limit);
    },

    /**
     * Stores a run's deletion states while it is still `writing`, in one transaction: appends the pending
     * and deleted users as roster rows after the present ones, and marks the users who came back.
     */
    async writeDeletionRows(runId: string, added: RosterUser[], restored: { userId: string; deletion: DeletionInfo }[]): Promise<void> {
      await db.transaction('rw', [db.runs, db.roster], async () => {
        const run = await db.runs.get(runId);
        if (!run || run.status !== 'writing') throw new Error(`Run ${runId} is not being written.`);
        const start = run.counts.roster;
        // bulkAdd: the rows are new positions after the last streamed one; a clash means a double write.
        await db.roster.bulkAdd(toRosterRows(runId, start, added));
        for (const { userId, deletion } of restored) {
          await db.roster
            .where('[runId+userId]')
            .equals([runId, userId])
            .modify((row) => {
              row.user = { ...row.user, lifecycle: 'restored', deletion };
            });
        }
        await db.runs.update(runId, { counts: { ...run.counts, roster: start + added.length } });
      });
    },
  };
}

export type HistoryRepo = ReturnType<typeof createHistoryRepo>;
