/**
 * Recording a run in a project's history (issue 5):
 *
 *   HistoryState (snapshots ordered by asOf) + RunResult
 *       │ 1 snapshotOf          the run's compact snapshot (its id: asOf + config + inputs)
 *       │ 2 insertRun           in asOf order; the same id replaces
 *       │ 3 trackDeletions      states recomputed over the whole ordered list (timeline.ts has the rules)
 *       │ 4 checkSafeguard      new candidates against the thresholds, with likely causes
 *       ▼ 5 annotateRoster      lifecycle on present users, rows for pending and just-deleted users
 *   RecordedRun
 *
 * Steps 1-4 need only the `ids` column of earlier snapshots; step 5 needs the full snapshot of each run a
 * pending user was last seen in (`neededRuns`), so a host can read just those from disk.
 */
import { invariant } from '../issues';
import type { RosterUser, RunResult } from '../types';
import { addDays } from './dates';
import { checkSafeguard } from './safeguard';
import { isPresent, snapshotOf, snapshotUsers } from './snapshot';
import { insertRun, trackDeletions } from './timeline';
import type { DeletionRef, DeletionSummary, RunDeletions, RunSnapshot, SnapshotHeader } from './types';

/** A project's history: its run snapshots ordered by asOf (columns may be partly read). */
export interface HistoryState {
  runs: SnapshotHeader[];
}

/** A run placed in a history: the new state and the run's deletion states. */
export interface PlacedRun {
  state: HistoryState;
  snapshot: RunSnapshot;
  /** Deletion counts of every run of the new state, in order. */
  timeline: RunDeletions[];
  /** The new run's deletion states, with the lists of users. */
  deletions: RunDeletions;
  summary: DeletionSummary;
}

/** Steps 1-4: places a finished run in the history. Earlier snapshots need only their `ids` column. */
export function placeRun(state: HistoryState, result: RunResult): PlacedRun {
  const snapshot = snapshotOf(result);
  const runs = insertRun<SnapshotHeader>(state.runs, snapshot);
  const timeline = trackDeletions(
    runs.map((run) => {
      invariant(run.users.ids, `snapshot ${run.id} was read without its ids`);
      return { id: run.id, asOf: run.asOf, windowDays: run.config.deletion.windowDays, ids: run.users.ids };
    }),
    snapshot.id,
  );
  const at = runs.indexOf(snapshot);
  const deletions = timeline[at];
  const safeguard = checkSafeguard(snapshot, deletions, at > 0 ? runs[at - 1] : undefined);
  const summary: DeletionSummary = {
    windowDays: deletions.windowDays,
    previousRun: deletions.previousRun,
    counts: deletions.counts,
    safeguard,
    runId: snapshot.id,
    historyRuns: runs.length,
  };
  return { state: { runs }, snapshot, timeline, deletions, summary };
}

/** Ids of the snapshots whose full columns `annotateRoster` needs (where pending users were last seen). */
export function neededRuns(deletions: Pick<RunDeletions, 'pending' | 'deleted'>): string[] {
  return [...new Set([...deletions.pending, ...deletions.deleted].map((d) => d.lastSeenRun))];
}

/**
 * Step 5: the run's roster with its deletion states: present users keep their row (`restored` with the
 * gap they came back from, else `active`), then one row per pending user and per user deleted by this
 * run, carrying the last known values from the snapshot they were last seen in. Deleted rows are not
 * enabled. `snapshots` must hold every run of `neededRuns(deletions)`.
 */
export function annotateRoster(roster: readonly RosterUser[], deletions: RunDeletions, snapshots: ReadonlyMap<string, RunSnapshot>): RosterUser[] {
  const back = new Map(deletions.returned.filter((r) => !r.afterDeletion).map((r) => [r.userId, r]));
  const present = roster.filter(isPresent).map((user): RosterUser => {
    const gap = back.get(user.userId);
    if (!gap) return user.lifecycle === 'active' ? user : { ...user, lifecycle: 'active', deletion: undefined };
    const deleteAfter = addDays(gap.missingSince, deletions.windowDays);
    return { ...user, lifecycle: 'restored', deletion: { missingSince: gap.missingSince, deleteAfter, lastSeen: gap.lastSeen } };
  });
  return [...present, ...lastKnown(deletions.pending, 'pending-deletion', snapshots), ...lastKnown(deletions.deleted, 'deleted', snapshots)];
}

function lastKnown(refs: DeletionRef[], lifecycle: 'pending-deletion' | 'deleted', snapshots: ReadonlyMap<string, RunSnapshot>): RosterUser[] {
  const byRun = new Map<string, DeletionRef[]>();
  for (const ref of refs) {
    const group = byRun.get(ref.lastSeenRun);
    if (group) group.push(ref);
    else byRun.set(ref.lastSeenRun, [ref]);
  }
  const rows = new Map<string, RosterUser>();
  for (const [runId, group] of byRun) {
    const snapshot = snapshots.get(runId);
    invariant(snapshot, `the snapshot ${runId} is needed for the rows of users last seen in it`);
    const users = snapshotUsers(snapshot, group.map((r) => r.lastSeenRow));
    group.forEach((ref, i) => rows.set(ref.userId, users[i]));
  }
  return refs.map((ref) => {
    const user = rows.get(ref.userId);
    invariant(user && user.userId === ref.userId, `row ${ref.lastSeenRow} of ${ref.lastSeenRun} is user ${ref.userId}`);
    const { missingSince, deleteAfter, lastSeen } = ref;
    if (lifecycle === 'pending-deletion') return { ...user, lifecycle, deletion: { missingSince, deleteAfter, daysLeft: ref.daysLeft, lastSeen } };
    return { ...user, lifecycle, enabled: false, enabledReason: `deleted: missing from the primary source since ${missingSince}`, deletion: { missingSince, deleteAfter, lastSeen } };
  });
}

/** One call for hosts that hold every snapshot in full (tests, the app): steps 1-5. */
export function recordRun(state: HistoryState, result: RunResult): PlacedRun & { result: RunResult } {
  const placed = placeRun(state, result);
  const full = new Map<string, RunSnapshot>();
  for (const id of neededRuns(placed.deletions)) {
    const run = placed.state.runs.find((r) => r.id === id);
    invariant(run && run.users.keys, `snapshot ${id} is held in full`);
    full.set(id, run as RunSnapshot);
  }
  const roster = annotateRoster(result.roster, placed.deletions, full);
  return { ...placed, result: { ...result, roster, deletion: placed.summary } };
}
