/** `roster-audit run`: runs a project and writes roster.csv, records.csv, conflicts.csv and report.json. */
import { rename, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { runPipeline, runPipelineLean, type LeanRun, type PipelineOptions } from '../../core/pipeline';
import type { RunResult } from '../../core/types';
import { locateInputs, readInputs, readProjectFile } from '../node/project-files';
import { preparePool } from '../node/prepare-pool';
import { sha256Hex } from '../node/hash';
import { writeLeanOutputs } from '../node/run-outputs';
import { createProgress } from './progress';
import { formatSummary } from './summary';
import { UsageError } from './usage';
import { deletionLines, safeguardBanner, trackHistory, writeRunSnapshot } from './history-run';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `--as-of`; a wrong date is a usage error. */
export function parseAsOf(value: string | undefined): string | undefined {
  if (value !== undefined && !DATE.test(value)) throw new UsageError(`--as-of takes a date written YYYY-MM-DD, not "${value}"`);
  return value;
}

/** Reads a project and its inputs and runs the pipeline (shared by run and explain). */
export async function runProjectFile(projectPath: string, options: { asOf?: string; quiet?: boolean; keepRaw?: boolean }): Promise<RunResult> {
  const projectFile = await readProjectFile(projectPath);
  const inputs = await readInputs(projectFile);
  return withProgress(options, (pipelineOptions) => runPipeline(inputs, projectFile.project, { ...pipelineOptions, keepRaw: options.keepRaw }));
}

/**
 * `run`'s pipeline (issue 6): the export files are streamed from disk and record outcomes are written out
 * when records.csv is, so a million users in four sources fit in a bounded memory.
 */
export async function runProjectFileLean(projectPath: string, options: { asOf?: string; quiet?: boolean }): Promise<LeanRun> {
  const projectFile = await readProjectFile(projectPath);
  const located = await locateInputs(projectFile);
  return withProgress(options, (pipelineOptions) => {
    // Sources are prepared on every core: the primary here, the others in worker threads.
    const pool = preparePool(located, { hooks: { progress: pipelineOptions.onProgress }, signal: pipelineOptions.signal as AbortSignal });
    return runPipelineLean(pool.inputs, projectFile.project, { ...pipelineOptions, prepare: pool.prepare });
  });
}

/** Progress on stderr, Ctrl-C as a cancel, today's date and the native hash for user ids. */
async function withProgress<T>(options: { asOf?: string; quiet?: boolean }, run: (pipelineOptions: PipelineOptions) => Promise<T>): Promise<T> {
  const progress = createProgress(process.stderr, options.quiet ?? false);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await run({
      asOf: options.asOf,
      today: new Date().toISOString().slice(0, 10),
      onProgress: progress.update,
      signal: controller.signal,
      yieldControl: () => new Promise((r) => setImmediate(r)),
      hashKey: sha256Hex,
    });
  } finally {
    process.off('SIGINT', onSigint);
    progress.done();
  }
}

export async function runCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string', default: 'out' }, 'as-of': { type: 'string' }, quiet: { type: 'boolean', default: false }, history: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [projectPath, ...extra] = parsed.positionals;
  if (!projectPath) throw new UsageError('run needs a project file: roster-audit run <project.json>');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const asOf = parseAsOf(parsed.values['as-of']);
  const lean = await runProjectFileLean(projectPath, { asOf, quiet: parsed.values.quiet });
  const outDir = resolve(parsed.values.out);
  // --- run history (issue 5, electron/cli/history-run.ts): deletion tracking, run.ndjson for `diff` ---
  const historyDir = parsed.values.history;
  let result: RunResult;
  let written: string[];
  if (historyDir === undefined) {
    // Issue 6: without a history the roster is never held whole; outputs and run.ndjson are written from
    // the lean run a user (or a slice of users) at a time.
    result = { ...lean.result, roster: [], records: [] };
    written = await writeLeanOutputs(outDir, lean);
    await writeRunSnapshot(outDir, lean);
    written.push('run.ndjson');
  } else {
    // History adds rows for pending users; the roster is still written a user at a time. The snapshot
    // is written first (the history places the run by its ids and copies the file when it commits),
    // under a name of its own until the other outputs are written too: a refused history (another
    // project's) leaves the folder's previous run.ndjson as it was.
    const pending = join(outDir, '.run.ndjson.pending');
    try {
      const snapshot = await writeRunSnapshot(outDir, lean, '.run.ndjson.pending');
      const tracked = await trackHistory(historyDir, lean, snapshot, pending);
      result = tracked.result;
      written = await writeLeanOutputs(outDir, lean, tracked);
      await tracked.commit();
      await rename(pending, join(outDir, 'run.ndjson'));
    } finally {
      await rm(pending, { force: true });
    }
    written.push('run.ndjson');
  }
  const banner = safeguardBanner(result.deletion);
  const deletions = historyDir !== undefined ? deletionLines(result.deletion, historyDir) : '';
  // --- end run history ---
  if (!parsed.values.quiet) process.stdout.write(`${banner}${formatSummary(result)}${deletions}\nWrote ${written.join(', ')} to ${outDir}\n`);
  else if (banner) process.stderr.write(banner);
  return 0;
}
