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
import type { DiffUser } from '../../core/diff';
import type { DeletionInfo, RosterUser } from '../../core/types';
import type { RosterDb } from './db';
import type { RosterRow, RunEntity } from './entities';
import { createRosterStore } from './repo-roster';

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
  const roster = createRosterStore(db);

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

    /** User ids of the users a run found (its first `present` rows), in run order, read from the chunk
     * summaries (no user is loaded); also for a run still being written. */
    presentUserIds: (runId: string, present: number): Promise<string[]> => roster.userIds(runId, 0, present),

    /** The rows of the given users in a complete run (missing ones are left out). */
    rowsOf: (runId: string, userIds: readonly string[]): Promise<RosterRow[]> => (userIds.length === 0 ? Promise.resolve([]) : roster.byUsers(runId, userIds)),

    /** Present users `start`..`start + limit` of a run, in run order (comparison loads runs page by page). */
    presentPage: (runId: string, start: number, limit: number, present: number): Promise<RosterRow[]> => roster.page(runId, start, Math.max(0, Math.min(present, start + limit) - start)),

    /** The users a run found (its first `present` rows) as comparing needs them, from the chunks'
     * snapshot columns; null for a run stored before those were written (then compare reads its users). */
    presentDiffUsers: (runId: string, present: number, onChunk?: (done: number) => void): Promise<DiffUser[] | null> => roster.diffUsers(runId, present, onChunk),

    /** Rows history added to a run, from position `from` (the first is at `header.stats.users`: pending
     * users, soonest deletion first, then the deleted ones), up to `limit`. */
    historyRows: async (runId: string, from: number, limit = Infinity): Promise<RosterRow[]> => (limit > 0 ? roster.page(runId, from, limit) : []),

    /**
     * Users of a run that came back while pending: those pending in the run before it (`previous`) who
     * are `restored` in this one. Reads the previous run's few history rows, not the whole roster.
     */
    async restoredUsers(runId: string, previous: CompleteRun | undefined, limit = Infinity): Promise<RosterRow[]> {
      if (!previous) return [];
      const pending = (await roster.page(previous.id, previous.header.stats.users, Infinity)).filter((r) => r.user.lifecycle === 'pending-deletion');
      const rows = await roster.byUsers(runId, pending.map((r) => r.userId));
      return rows.filter((r) => r.user.lifecycle === 'restored').slice(0, limit);
    },

    /**
     * Stores a run's deletion states while it is still `writing`, in one transaction: appends the pending
     * and deleted users as roster rows after the present ones, and marks the users who came back.
     */
    async writeDeletionRows(runId: string, added: RosterUser[], restored: { userId: string; deletion: DeletionInfo }[]): Promise<void> {
      await db.transaction('rw', [db.runs, db.blocks, db.summaries, db.runIndex], async () => {
        const run = await db.runs.get(runId);
        if (!run || run.status !== 'writing') throw new Error(`Run ${runId} is not being written.`);
        const start = run.counts.roster;
        const deletions = new Map(restored.map((r) => [r.userId, r.deletion]));
        const positions = await roster.positionsOf(runId, new Set(deletions.keys()));
        await roster.update(runId, positions, (user) => {
          const deletion = deletions.get(user.userId);
          return deletion ? { ...user, lifecycle: 'restored', deletion } : user;
        });
        await roster.append(runId, start, added);
        await db.runs.update(runId, { counts: { ...run.counts, roster: start + added.length } });
      });
    },
  };
}

export type HistoryRepo = ReturnType<typeof createHistoryRepo>;
