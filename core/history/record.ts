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
export interface PlacedRun<S extends SnapshotHeader = RunSnapshot> {
  state: HistoryState;
  /** The run's snapshot: whole, or (a host that wrote it to disk as it went) its header and `ids`. */
  snapshot: S;
  /** Deletion counts of every run of the new state, in order. */
  timeline: RunDeletions[];
  /** The new run's deletion states, with the lists of users. */
  deletions: RunDeletions;
  summary: DeletionSummary;
}

/** Steps 1-4: places a finished run in the history. Earlier snapshots need only their `ids` column. */
export function placeRun(state: HistoryState, result: RunResult): PlacedRun {
  return placeSnapshot(state, snapshotOf(result));
}

/** placeRun for a run whose snapshot is already made (a lean run's, made a slice of users at a time). */
export function placeSnapshot<S extends SnapshotHeader>(state: HistoryState, snapshot: S): PlacedRun<S> {
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

/** The pending and deleted users of a run grouped by the snapshot they were last seen in. */
export function lastSeenGroups(deletions: Pick<RunDeletions, 'pending' | 'deleted'>): Map<string, DeletionRef[]> {
  const byRun = new Map<string, DeletionRef[]>();
  for (const ref of [...deletions.pending, ...deletions.deleted]) {
    const group = byRun.get(ref.lastSeenRun);
    if (group) group.push(ref);
    else byRun.set(ref.lastSeenRun, [ref]);
  }
  return byRun;
}

/** Ids of the snapshots whose full columns `annotateRoster` needs (where pending users were last seen). */
export function neededRuns(deletions: Pick<RunDeletions, 'pending' | 'deleted'>): string[] {
  return [...lastSeenGroups(deletions).keys()];
}

/** The last known values of `refs` (users last seen in `snapshot`), by user id. A host can read one
 * snapshot, keep these few users and let the snapshot go before reading the next. */
export function lastKnownIn(snapshot: RunSnapshot, refs: readonly DeletionRef[]): Map<string, RosterUser> {
  const users = snapshotUsers(snapshot, refs.map((r) => r.lastSeenRow));
  return new Map(refs.map((ref, i) => [ref.userId, users[i]]));
}

/** A present user's row in the run: `restored` with the gap they came back from, else `active`. */
export function withLifecycle(deletions: Pick<RunDeletions, 'returned' | 'windowDays'>): (user: RosterUser) => RosterUser {
  const back = new Map(deletions.returned.filter((r) => !r.afterDeletion).map((r) => [r.userId, r]));
  return (user) => {
    const gap = back.get(user.userId);
    if (!gap) return user.lifecycle === 'active' ? user : { ...user, lifecycle: 'active', deletion: undefined };
    const deleteAfter = addDays(gap.missingSince, deletions.windowDays);
    return { ...user, lifecycle: 'restored', deletion: { missingSince: gap.missingSince, deleteAfter, lastSeen: gap.lastSeen } };
  };
}

/** The rows history adds after the present users: one per pending user, then one per user deleted by
 * this run, from `known` (every user of `lastSeenGroups`, by user id). Deleted rows are not enabled. */
export function deletionRows(deletions: Pick<RunDeletions, 'pending' | 'deleted'>, known: ReadonlyMap<string, RosterUser>): RosterUser[] {
  const row = (ref: DeletionRef, lifecycle: 'pending-deletion' | 'deleted'): RosterUser => {
    const user = known.get(ref.userId);
    invariant(user && user.userId === ref.userId, `row ${ref.lastSeenRow} of ${ref.lastSeenRun} is user ${ref.userId}`);
    const { missingSince, deleteAfter, lastSeen } = ref;
    if (lifecycle === 'pending-deletion') return { ...user, lifecycle, deletion: { missingSince, deleteAfter, daysLeft: ref.daysLeft, lastSeen } };
    return { ...user, lifecycle, enabled: false, enabledReason: `deleted: missing from the primary source since ${missingSince}`, deletion: { missingSince, deleteAfter, lastSeen } };
  };
  return [...deletions.pending.map((ref) => row(ref, 'pending-deletion')), ...deletions.deleted.map((ref) => row(ref, 'deleted'))];
}

/**
 * Step 5: the run's roster with its deletion states: present users keep their row (`withLifecycle`),
 * then the rows of `deletionRows`, carrying the last known values from the snapshot each user was last
 * seen in. `snapshots` must hold every run of `neededRuns(deletions)`.
 */
export function annotateRoster(roster: readonly RosterUser[], deletions: RunDeletions, snapshots: ReadonlyMap<string, RunSnapshot>): RosterUser[] {
  const known = new Map<string, RosterUser>();
  for (const [runId, refs] of lastSeenGroups(deletions)) {
    const snapshot = snapshots.get(runId);
    invariant(snapshot, `the snapshot ${runId} is needed for the rows of users last seen in it`);
    for (const [id, user] of lastKnownIn(snapshot, refs)) known.set(id, user);
  }
  return [...roster.filter(isPresent).map(withLifecycle(deletions)), ...deletionRows(deletions, known)];
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
