/**
 * `roster-audit diff <runA> <runB> [--out DIR] [--json]` (issue 5): compares two runs, each given as the
 * output folder of `run` (its run.ndjson), a run.ndjson, or a snapshot of a --history folder
 * (DIR/runs/<id>.ndjson). Prints the summary (or the overview as JSON) and writes diff.csv and diff.json.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { diffCsv, diffOverview, diffRuns, diffUsersOf, type DiffRun } from '../../core/diff';
import { ProjectError } from '../../core/issues';
import { readFullSnapshot, writeAtomically } from '../node/history-store';
import { formatDiff } from './diff-summary';
import { UsageError } from './usage';

/** The snapshot file a diff argument names: a folder's run.ndjson, or the file itself. */
export async function snapshotFileOf(arg: string): Promise<string> {
  const path = resolve(arg);
  const info = await stat(path).catch(() => null);
  const file = info?.isDirectory() ? join(path, 'run.ndjson') : path;
  if (!(await stat(file).catch(() => null))?.isFile()) {
    throw new ProjectError([
      {
        code: 'diff.no-run',
        severity: 'error',
        file: arg,
        message: `No run at "${arg}": expected an output folder of \`roster-audit run\` (with run.ndjson), a run.ndjson, or a runs/<id>.ndjson of a --history folder`,
        fix: 'Run the project first (`roster-audit run <project.json> --out DIR`), or list a history folder\'s runs/ for its run files.',
      },
    ]);
  }
  return file;
}

/** Reads one side of a diff. */
export async function readDiffRun(arg: string): Promise<DiffRun> {
  const snapshot = await readFullSnapshot(await snapshotFileOf(arg));
  return { id: snapshot.id, projectName: snapshot.projectName, asOf: snapshot.asOf, config: snapshot.config, stats: snapshot.stats, roster: diffUsersOf(snapshot) };
}

export async function diffCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', default: 'out' }, json: { type: 'boolean', default: false } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [runA, runB, ...extra] = parsed.positionals;
  if (!runA || !runB) throw new UsageError('diff needs two runs: roster-audit diff <runA> <runB> (output folders of `run` or run files)');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const [a, b] = await Promise.all([readDiffRun(runA), readDiffRun(runB)]);
  const diff = diffRuns(a, b);
  const outDir = resolve(parsed.values.out);
  await mkdir(outDir, { recursive: true });
  const overview = diffOverview(diff);
  await writeAtomically(join(outDir, 'diff.csv'), diffCsv(diff));
  await writeAtomically(join(outDir, 'diff.json'), [`${JSON.stringify({ tool: 'roster-audit', ...overview }, null, 2)}\n`]);
  if (parsed.values.json) process.stdout.write(`${JSON.stringify(overview, null, 2)}\n`);
  else process.stdout.write(`${formatDiff(diff, { a: labelOf(runA, a), b: labelOf(runB, b) })}\nWrote diff.csv, diff.json to ${outDir}\n`);
  return 0;
}

const labelOf = (arg: string, run: DiffRun) => `${run.asOf} (${basename(resolve(arg))})`;
