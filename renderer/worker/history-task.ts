/**
 * Deletion tracking of a finished run in the app (issue 5): the same rules as the CLI's `--history`
 * (core/history: trackDeletions, checkSafeguard), over the project's runs stored in IndexedDB.
 *
 *   run (still `writing`) + the project's complete runs with an asOf up to the run's
 *       │ 1 earlier runs      ordered by asOf, then recording order; a run of the same config over the
 *       │                     same inputs is the same history entry, so the newest one stands for it
 *       │ 2 user ids          of every run, from index keys only (no row is loaded)
 *       │ 3 trackDeletions    pending, deleted and returned users of this run
 *       │ 4 checkSafeguard    new candidates against the project's thresholds, with likely causes
 *       ▼ 5 rows              pending and deleted users as roster rows with their last known values;
 *                             users who came back marked `restored`
 *   header.deletion (summary), stored before the run completes
 *
 * Runs with a later asOf keep the states they were recorded with (recomputing them is left open).
 * Runs in a Web Worker (history.worker.ts) or, where there is none (tests), on the page.
 */
import { addDays, checkSafeguard, configHash, trackDeletions, type DeletionRef, type DeletionSummary } from '../../core/history';
import type { RunHeader } from '../../core/run/stream';
import type { DeletionInfo, RosterUser } from '../../core/types';
import { byAsOf, type CompleteRun, type HistoryRepo } from '../db/repo-history';

/** What makes two runs the same history entry: the CLI's snapshot id without its format. */
function entryKey(header: RunHeader): string {
  return `${header.asOf}|${configHash(header.config)}|${header.inputs.map((f) => f.sha256).sort().join(',')}`;
}

/** The runs before `header` in history order, one per history entry. */
export function earlierRuns(runs: readonly CompleteRun[], header: RunHeader, runId: string): CompleteRun[] {
  const own = entryKey(header);
  const newest = new Map<string, CompleteRun>();
  for (const run of byAsOf(runs)) {
    if (run.id === runId || run.header.asOf > header.asOf) continue;
    const key = entryKey(run.header);
    if (key === own) continue;
    // Later recordings replace earlier ones of the same entry, keeping the place of the newest.
    newest.delete(key);
    newest.set(key, run);
  }
  return byAsOf([...newest.values()]);
}

/** Last known values of users missing from the run, with their deletion state. */
async function missingRows(repo: HistoryRepo, pending: DeletionRef[], deleted: DeletionRef[]): Promise<RosterUser[]> {
  const byRun = new Map<string, string[]>();
  for (const ref of [...pending, ...deleted]) byRun.set(ref.lastSeenRun, [...(byRun.get(ref.lastSeenRun) ?? []), ref.userId]);
  const known = new Map<string, RosterUser>();
  for (const [runId, ids] of byRun) for (const row of await repo.rowsOf(runId, ids)) known.set(`${runId}\u0000${row.userId}`, row.user);
  const rowOf = (ref: DeletionRef): RosterUser => {
    const user = known.get(`${ref.lastSeenRun}\u0000${ref.userId}`);
    if (!user) throw new Error(`User ${ref.userId} is missing from run ${ref.lastSeenRun}, where history last saw them.`);
    return user;
  };
  const pendingRows = pending.map((ref): RosterUser => {
    const { missingSince, deleteAfter, daysLeft, lastSeen } = ref;
    return { ...rowOf(ref), lifecycle: 'pending-deletion', deletion: { missingSince, deleteAfter, daysLeft, lastSeen } };
  });
  // Soonest deletion first, then by key: the History screen lists them in this stored order.
  pendingRows.sort((a, b) => (a.deletion?.daysLeft ?? 0) - (b.deletion?.daysLeft ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const deletedRows = deleted.map((ref): RosterUser => {
    const { missingSince, deleteAfter, lastSeen } = ref;
    return { ...rowOf(ref), lifecycle: 'deleted', enabled: false, enabledReason: `deleted: missing from the primary source since ${missingSince}`, deletion: { missingSince, deleteAfter, lastSeen } };
  });
  return [...pendingRows, ...deletedRows];
}

/**
 * Computes and stores the deletion states of run `runId` (status `writing`, every row streamed) and
 * returns its header with `deletion` set. Ids are interned so a history of million-user runs holds each
 * id string once.
 */
export async function trackRunDeletions(repo: HistoryRepo, runId: string, header: RunHeader): Promise<RunHeader> {
  const run = await repo.getAnyRun(runId);
  if (!run) throw new Error(`Run ${runId} is not stored.`);
  const earlier = earlierRuns(await repo.runsByAsOf(run.projectId), header, runId);
  const interned = new Map<string, string>();
  const intern = (ids: string[]) =>
    ids.map((id) => {
      const known = interned.get(id);
      if (known !== undefined) return known;
      interned.set(id, id);
      return id;
    });
  const timeline = [];
  for (const r of earlier) {
    timeline.push({ id: r.id, asOf: r.header.asOf, windowDays: r.header.config.deletion.windowDays, ids: intern(await repo.presentUserIds(r.id, r.header.stats.users)) });
  }
  timeline.push({ id: runId, asOf: header.asOf, windowDays: header.config.deletion.windowDays, ids: intern(await repo.presentUserIds(runId, header.stats.users)) });
  interned.clear();
  const deletions = trackDeletions(timeline, runId).at(-1);
  if (!deletions) throw new Error('The deletion timeline is empty.');
  const previous = earlier.at(-1)?.header;
  const safeguard = checkSafeguard(header, deletions, previous);

  const added = await missingRows(repo, deletions.pending, deletions.deleted);
  const restored = deletions.returned
    .filter((r) => !r.afterDeletion)
    .map((r): { userId: string; deletion: DeletionInfo } => ({
      userId: r.userId,
      deletion: { missingSince: r.missingSince, deleteAfter: addDays(r.missingSince, deletions.windowDays), lastSeen: r.lastSeen },
    }));
  await repo.writeDeletionRows(runId, added, restored);

  const summary: DeletionSummary = {
    windowDays: deletions.windowDays,
    // Ids are the app's run ids (the CLI's are snapshot ids): screens look runs up by them.
    previousRun: deletions.previousRun,
    counts: deletions.counts,
    safeguard,
    runId,
    historyRuns: timeline.length,
  };
  return { ...header, deletion: summary };
}
