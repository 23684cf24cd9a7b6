/**
 * Writes a run's four files. Each is written to a temporary name and renamed when complete, so a failed
 * or interrupted write never leaves a half-written roster.csv that looks finished.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { attributeColumns, conflictsCsv, recordsCsv, rosterCsv } from '../../core/export/tables';
import { runReport } from '../../core/run/report';
import type { LeanRun, RecordRow } from '../../core/pipeline';
import type { RosterUser, RunResult } from '../../core/types';

async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const temp = `${path}.partial`;
  const handle = await open(temp, 'w');
  try {
    for (const chunk of chunks) await handle.write(chunk);
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, path);
}

/** Writes roster.csv, records.csv, conflicts.csv and report.json into `dir`; returns the names. `records`:
 * the record outcomes when the run does not hold them (a lean run writes them out one by one). */
export async function writeRunOutputs(dir: string, result: RunResult, records: Iterable<RecordRow> = result.records): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, Iterable<string>][] = [
    ['roster.csv', rosterCsv(result.config, result.roster)],
    ['records.csv', recordsCsv(records)],
    ['conflicts.csv', conflictsCsv(result.conflicts)],
    ['report.json', [`${JSON.stringify(runReport(result), null, 2)}\n`]],
  ];
  for (const [name, chunks] of files) await writeChunks(join(dir, name), chunks);
  return files.map(([name]) => name);
}

/** A lean run placed in a history (electron/cli/history-run.ts): its header with `deletion`, its roster
 * with deletion states a user at a time, and the rows history added. */
export interface LeanHistory {
  result: RunResult;
  users: () => Iterable<RosterUser>;
  added: readonly RosterUser[];
  deletionColumns: boolean;
}

/**
 * writeRunOutputs for a lean run (issue 6): roster.csv and records.csv are written a row at a time from
 * the run's stores; the attribute columns are every attribute a user has (the completeness keys).
 */
export async function writeLeanOutputs(dir: string, lean: LeanRun, tracked?: LeanHistory): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const result = tracked?.result ?? { ...lean.result, roster: [], records: [] };
  // The rows history adds carry the attributes of the run they were last seen in.
  const names = Object.keys(result.stats.completeness);
  for (const user of tracked?.added ?? []) names.push(...Object.keys(user.attributes));
  const attributes = attributeColumns(names);
  const roster = tracked ? tracked.users() : lean.users();
  const files: [string, Iterable<string>][] = [
    ['roster.csv', rosterCsv(result.config, roster, attributes, { deletion: tracked?.deletionColumns ?? false })],
    ['records.csv', recordsCsv(lean.recordRows())],
    ['conflicts.csv', conflictsCsv(result.conflicts)],
    ['report.json', [`${JSON.stringify(runReport(result), null, 2)}\n`]],
  ];
  for (const [name, chunks] of files) await writeChunks(join(dir, name), chunks);
  return files.map(([name]) => name);
}
