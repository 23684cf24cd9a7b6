/**
 * `run --history DIR` (issue 5): records the run in the project's history, applies deletion tracking to
 * its roster and report, and writes `run.ndjson` (the run's snapshot, which `diff` reads) next to the
 * other outputs. Kept apart from run-command.ts so the run itself stays small.
 */
import { join, resolve } from 'node:path';
import { annotateRoster, neededRuns, placeRun, snapshotOf, type DeletionSummary, type RunSnapshot } from '../../core/history';
import type { RunResult } from '../../core/types';
import { commitHistory, readHistoryIds, readHistoryIndex, readSnapshots, writeSnapshotFile, type HistoryIndex } from '../node/history-store';

const n = (value: number) => value.toLocaleString('en-US');

export interface TrackedRun {
  /** The run with pending and deleted rows in its roster and `deletion` set. */
  result: RunResult;
  snapshot: RunSnapshot;
  /** Writes the snapshot and the new index into the history folder; call after the outputs are written. */
  commit: () => Promise<HistoryIndex>;
}

/** Places the run in the history in `dir` (nothing is written until `commit`). */
export async function trackHistory(dir: string, result: RunResult): Promise<TrackedRun> {
  const folder = resolve(dir);
  const index = await readHistoryIndex(folder);
  const runs = await readHistoryIds(folder, index, result.projectName);
  const placed = placeRun({ runs }, result);
  const snapshots = await readSnapshots(folder, neededRuns(placed.deletions));
  const roster = annotateRoster(result.roster, placed.deletions, snapshots);
  return { result: { ...result, roster, deletion: placed.summary }, snapshot: placed.snapshot, commit: () => commitHistory(folder, placed) };
}

/** Writes DIR/run.ndjson: the run's snapshot, the input of `roster-audit diff`. */
export async function writeRunSnapshot(outDir: string, snapshot: RunSnapshot | RunResult): Promise<string> {
  await writeSnapshotFile(join(outDir, 'run.ndjson'), 'format' in snapshot ? snapshot : snapshotOf(snapshot));
  return 'run.ndjson';
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
