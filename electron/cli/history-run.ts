/**
 * `run --history DIR` (issue 5): records the run in the project's history, applies deletion tracking to
 * its roster and report, and writes `run.ndjson` (the run's snapshot, which `diff` reads) next to the
 * other outputs. Kept apart from run-command.ts so the run itself stays small.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deletionRows, isPresent, lastKnownIn, lastSeenGroups, placeSnapshot, withLifecycle, type DeletionSummary, type SnapshotHeader } from '../../core/history';
import type { LeanRun } from '../../core/pipeline';
import type { RosterUser, RunResult } from '../../core/types';
import { commitHistory, readFullSnapshot, readHistoryIds, readHistoryIndex, snapshotPath, type HistoryIndex } from '../node/history-store';
import { writeLeanSnapshot } from './lean-snapshot';

const n = (value: number) => value.toLocaleString('en-US');

export interface TrackedRun {
  /** The run's header with `deletion` set (its roster and records left empty: see `users`). */
  result: RunResult;
  /** The run's roster with its deletion states, a user at a time: the present users (active or
   * restored), then a row per pending and per just-deleted user (core/history/record.ts, step 5). */
  users: () => Generator<RosterUser>;
  /** The rows history added (pending and deleted users) and whether roster.csv needs its deletion columns. */
  added: RosterUser[];
  deletionColumns: boolean;
  /** Copies the run's snapshot and writes the new index into the history folder; call after the outputs are written. */
  commit: () => Promise<HistoryIndex>;
}

/**
 * Places a lean run in the history in `dir` (nothing is written there until `commit`). `snapshot` is
 * the run's, already written to `snapshotFile` (run.ndjson, writeLeanSnapshot) with its `ids` column.
 * The roster is never held whole (issue 6): of each earlier snapshot only the rows of the users last
 * seen in it are read.
 */
export async function trackHistory(dir: string, lean: LeanRun, snapshot: SnapshotHeader, snapshotFile: string): Promise<TrackedRun> {
  const folder = resolve(dir);
  const index = await readHistoryIndex(folder);
  const runs = await readHistoryIds(folder, index, lean.result.projectName);
  const placed = placeSnapshot({ runs }, snapshot);
  const known = new Map<string, RosterUser>();
  for (const [runId, refs] of lastSeenGroups(placed.deletions)) {
    const rows = [...new Set(refs.map((r) => r.lastSeenRow))].sort((a, b) => a - b);
    const earlier = await readFullSnapshot(join(folder, snapshotPath(runId)), rows);
    const at = new Map(rows.map((row, i) => [row, i]));
    for (const [id, user] of lastKnownIn(earlier, refs.map((r) => ({ ...r, lastSeenRow: at.get(r.lastSeenRow) as number })))) known.set(id, user);
  }
  const added = deletionRows(placed.deletions, known);
  const lifecycle = withLifecycle(placed.deletions);
  function* users(): Generator<RosterUser> {
    for (const user of lean.users()) if (isPresent(user)) yield lifecycle(user);
    yield* added;
  }
  return {
    result: { ...lean.result, roster: [], records: [], deletion: placed.summary },
    users,
    added,
    deletionColumns: added.length > 0 || placed.deletions.returned.some((r) => !r.afterDeletion),
    commit: () => commitHistory(folder, placed, snapshotFile),
  };
}

/** Writes DIR/run.ndjson, the input of `roster-audit diff`, a slice of users at a time; returns its
 * header with the `ids` column (what history needs of it). */
export async function writeRunSnapshot(outDir: string, lean: LeanRun, name = 'run.ndjson'): Promise<SnapshotHeader> {
  await mkdir(outDir, { recursive: true });
  return writeLeanSnapshot(lean, lean.users(), join(outDir, name));
}

/** The safeguard warning, printed before anything else when it tripped. */
export function safeguardBanner(summary: DeletionSummary | undefined): string {
  if (!summary?.safeguard.tripped) return '';
  const rule = '!'.repeat(78);
  return `${rule}\n${summary.safeguard.message}\n${rule}\n\n`;
}

/** The deletion lines printed after the run's summary. */
export function deletionLines(summary: DeletionSummary | undefined, dir: string): string {
  if (!summary) return '';
  const c = summary.counts;
  const previous = summary.previousRun ? `previous run ${summary.previousRun.asOf} with ${n(summary.previousRun.users)} users` : 'first run of the history';
  return [
    '',
    `deletions (window ${summary.windowDays} days, ${previous}): ${n(c.pending)} pending (${n(c.newCandidates)} new), ${n(c.deleted)} deleted, ${n(c.restored)} restored, ${n(c.readded)} back after deletion`,
    `safeguard: ${summary.safeguard.tripped ? `TRIPPED (${summary.safeguard.exceeded.join(' and ')})` : 'ok'}; history: ${summary.historyRuns} run${summary.historyRuns === 1 ? '' : 's'} in ${resolve(dir)}`,
  ].join('\n');
}
