/**
 * A project's run history in a folder (issue 5), for the CLI's `--history DIR`:
 *
 *   DIR/index.json          the runs in asOf order with their headline and deletion numbers
 *   DIR/runs/<id>.ndjson    one snapshot per run (core/history/codec.ts)
 *
 * Every file is written under a temporary name and renamed when complete; the index is written last, so
 * it only ever names complete snapshots and an interrupted run leaves the history as it was.
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ProjectError } from '../../core/issues';
import { checkSafeguard, encodeSnapshot, historyMessages, SnapshotDecoder, type DecodeOptions, type DeletionCounts, type PlacedRun, type RunSnapshot, type SnapshotHeader } from '../../core/history';

export const INDEX_FORMAT = 'roster-audit/history';

/** One run in index.json. */
export interface HistoryIndexEntry {
  id: string;
  asOf: string;
  /** The snapshot file, relative to the history folder. */
  file: string;
  configHash: string;
  users: number;
  enabled: number;
  deletion: DeletionCounts;
  safeguardTripped: boolean;
}

export interface HistoryIndex {
  format: typeof INDEX_FORMAT;
  version: 1;
  projectName: string;
  runs: HistoryIndexEntry[];
}

/** Writes text chunks to `path` through a temporary file and a rename. */
export async function writeAtomically(path: string, chunks: Iterable<string>): Promise<void> {
  const temp = `${path}.partial`;
  const handle = await open(temp, 'w');
  try {
    for (const chunk of chunks) await handle.write(chunk);
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await rename(temp, path);
}

/** Feeds a file to a decoder line by line; the file is closed even when the decoder throws. */
async function feed(path: string, decoder: SnapshotDecoder): Promise<void> {
  // Reads of 4 MiB: a column line is ~670 KB at 10,000 values, and with the default 64 KiB reads readline
  // built each line from a dozen pieces (a sixth of a million-user diff's time, measured).
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 4 << 20 });
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) decoder.push(line);
  } finally {
    input.destroy();
  }
}

/** Reads a snapshot file line by line (only the columns asked for, when `columns` is given). */
export async function readSnapshotFile(path: string, options: DecodeOptions = {}): Promise<SnapshotHeader> {
  const decoder = new SnapshotDecoder({ file: path, ...options });
  await feed(path, decoder);
  return decoder.finish();
}

/** Reads a whole snapshot file, or only the given rows of it (`rows`: see DecodeOptions). */
export async function readFullSnapshot(path: string, rows?: readonly number[]): Promise<RunSnapshot> {
  const decoder = new SnapshotDecoder({ file: path, ...(rows ? { rows } : {}) });
  await feed(path, decoder);
  return decoder.finishAll();
}

/** Writes a snapshot file atomically. */
export function writeSnapshotFile(path: string, snapshot: RunSnapshot): Promise<void> {
  return writeAtomically(path, encodeSnapshot(snapshot));
}

/** The history index in `dir`, or null when the folder holds no history yet. */
export async function readHistoryIndex(dir: string): Promise<HistoryIndex | null> {
  let text: string;
  try {
    text = await readFile(join(dir, 'index.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const index = JSON.parse(text) as HistoryIndex;
  if (index.format !== INDEX_FORMAT || index.version !== 1 || !Array.isArray(index.runs)) {
    throw new ProjectError([{ ...historyMessages.notASnapshot(join(dir, 'index.json')), code: 'history.bad-index', message: `${join(dir, 'index.json')} is not a Roster Audit history index` }]);
  }
  return index;
}

/** The runs of a history with only their `ids` column read (what the deletion timeline needs). */
export async function readHistoryIds(dir: string, index: HistoryIndex | null, projectName: string): Promise<SnapshotHeader[]> {
  if (!index) return [];
  if (index.projectName !== projectName) throw new ProjectError([historyMessages.otherProject(dir, index.projectName, projectName)]);
  return Promise.all(index.runs.map((run) => readSnapshotFile(join(dir, run.file), { columns: ['ids'] })));
}

/** The full snapshots of the given runs (where pending users were last seen). */
export async function readSnapshots(dir: string, ids: readonly string[]): Promise<Map<string, RunSnapshot>> {
  const entries = await Promise.all(ids.map(async (id) => [id, await readFullSnapshot(join(dir, snapshotPath(id)))] as const));
  return new Map(entries);
}

/** A run's snapshot file, relative to the history folder. */
export const snapshotPath = (id: string) => join('runs', `${id}.ndjson`);

/** Writes the new run's snapshot (or copies it from `snapshotFile`, where it was written already), then
 * the index recomputed over every run of the placed state. */
export async function commitHistory(dir: string, placed: PlacedRun<SnapshotHeader>, snapshotFile?: string): Promise<HistoryIndex> {
  await mkdir(join(dir, 'runs'), { recursive: true });
  const target = join(dir, snapshotPath(placed.snapshot.id));
  if (snapshotFile !== undefined) {
    await copyFile(snapshotFile, `${target}.partial`);
    await rename(`${target}.partial`, target);
  } else await writeSnapshotFile(target, placed.snapshot as RunSnapshot);
  const runs = placed.state.runs;
  const index: HistoryIndex = {
    format: INDEX_FORMAT,
    version: 1,
    projectName: placed.snapshot.projectName,
    runs: runs.map((run, i) => ({
      id: run.id,
      asOf: run.asOf,
      file: snapshotPath(run.id).split('\\').join('/'),
      configHash: run.configHash,
      users: run.count,
      enabled: run.stats.enabled,
      deletion: placed.timeline[i].counts,
      safeguardTripped: checkSafeguard(run, placed.timeline[i], i > 0 ? runs[i - 1] : undefined).tripped,
    })),
  };
  await writeAtomically(join(dir, 'index.json'), [`${JSON.stringify(index, null, 2)}\n`]);
  return index;
}
