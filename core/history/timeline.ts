/**
 * The deletion timeline: from the runs of a project ordered by asOf, the deletion state of every roster
 * user at every run (issue 5). The rules, each tested at its boundary:
 *
 * - Order: runs are ordered by asOf; runs with the same asOf keep the order they were recorded in.
 *   Recording a run whose asOf is earlier than the last inserts it in place, and because the states are
 *   recomputed from the whole ordered list every time (not patched), the later runs' states follow.
 *   Recording a run with an id already in the history replaces that run (a re-run of the same config
 *   over the same inputs).
 * - Candidate: a user present in the previous run and missing from this one becomes `pending-deletion`
 *   with `missingSince` = this run's asOf and `deleteAfter` = missingSince + windowDays.
 * - Days left = deleteAfter - asOf of the run looked at. The user is `deleted` by the first run whose
 *   asOf >= deleteAfter (days left <= 0), so with a 7-day window a user missing since day 0 is pending
 *   with 1 day left at day 6 and deleted at day 7 (or at day 8, when no run was made on day 7).
 *   The window is the one of the run looked at: changing it moves the deleteAfter of waiting users too.
 * - Restored: a pending user present again is `restored` in that run (and `active` after it); their
 *   missingSince is forgotten, so a later absence starts a new window.
 * - After deletion: the platform has forgotten the user; coming back makes them a new user (`active`,
 *   counted as `readded`), not `restored`. A deleted user shows as `deleted` only in the run that
 *   deleted them.
 * - A user the history has never seen present (a joiner) is never a candidate for earlier runs.
 *
 * Per-user state lives in typed arrays indexed through one Map from user id, so a million users cost a
 * few bytes each plus the Map, and each run is O(known users).
 */
import { invariant } from '../issues';
import { dateOfDay, dayNumber } from './dates';
import type { DeletionRef, RunDeletions, ReturnRef } from './types';

/** What the timeline needs of a run. */
export interface TimelineRun {
  id: string;
  asOf: string;
  windowDays: number;
  /** User ids of the users present in the run. */
  ids: readonly string[];
}

const NONE = -0x80000000;

/** Inserts a run into runs ordered by asOf: after every run with the same or an earlier asOf; a run
 * with the same id is replaced. Returns a new array. */
export function insertRun<T extends { id: string; asOf: string }>(runs: readonly T[], run: T): T[] {
  const rest = runs.filter((r) => r.id !== run.id);
  let at = rest.length;
  while (at > 0 && rest[at - 1].asOf > run.asOf) at--;
  return [...rest.slice(0, at), run, ...rest.slice(at)];
}

/** The deletion states of every run. Lists of users are filled only for the run `target` (by id). */
export function trackDeletions(runs: readonly TimelineRun[], target?: string): RunDeletions[] {
  for (let r = 1; r < runs.length; r++) invariant(runs[r - 1].asOf <= runs[r].asOf, 'runs are ordered by asOf');
  const capacity = runs.reduce((n, run) => n + run.ids.length, 0);
  const index = new Map<string, number>();
  const missingSince = new Int32Array(capacity).fill(NONE);
  const deleted = new Uint8Array(capacity);
  const stamp = new Int32Array(capacity);
  const lastRun = new Int32Array(capacity);
  const lastRow = new Int32Array(capacity);
  const userIds: string[] = [];
  const out: RunDeletions[] = [];
  runs.forEach((run, r) => {
    const day = dayNumber(run.asOf);
    const listing = run.id === target;
    const counts = { pending: 0, newCandidates: 0, deleted: 0, restored: 0, readded: 0 };
    const pending: DeletionRef[] = [];
    const gone: DeletionRef[] = [];
    const returned: ReturnRef[] = [];
    for (let row = 0; row < run.ids.length; row++) {
      const id = run.ids[row];
      let u = index.get(id);
      if (u === undefined) {
        u = userIds.push(id) - 1;
        index.set(id, u);
      } else if (missingSince[u] !== NONE) {
        const afterDeletion = deleted[u] === 1;
        if (afterDeletion) counts.readded++;
        else counts.restored++;
        if (listing) returned.push({ userId: id, missingSince: dateOfDay(missingSince[u]), lastSeen: runs[lastRun[u]].asOf, afterDeletion });
        missingSince[u] = NONE;
        deleted[u] = 0;
      }
      stamp[u] = r + 1;
      lastRun[u] = r;
      lastRow[u] = row;
    }
    for (let u = 0; u < userIds.length; u++) {
      if (stamp[u] === r + 1 || deleted[u] === 1) continue;
      if (missingSince[u] === NONE) {
        missingSince[u] = day;
        counts.newCandidates++;
      }
      const deleteAfter = missingSince[u] + run.windowDays;
      const isDeleted = day >= deleteAfter;
      if (isDeleted) {
        deleted[u] = 1;
        counts.deleted++;
      } else counts.pending++;
      if (listing) {
        const ref: DeletionRef = {
          userId: userIds[u],
          missingSince: dateOfDay(missingSince[u]),
          deleteAfter: dateOfDay(deleteAfter),
          daysLeft: deleteAfter - day,
          lastSeen: runs[lastRun[u]].asOf,
          lastSeenRun: runs[lastRun[u]].id,
          lastSeenRow: lastRow[u],
        };
        (isDeleted ? gone : pending).push(ref);
      }
    }
    const previous = r > 0 ? runs[r - 1] : undefined;
    out.push({
      runId: run.id,
      asOf: run.asOf,
      windowDays: run.windowDays,
      previousRun: previous ? { id: previous.id, asOf: previous.asOf, users: previous.ids.length } : null,
      counts,
      pending,
      deleted: gone,
      returned,
    });
  });
  return out;
}
