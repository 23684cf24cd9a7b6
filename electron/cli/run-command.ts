/** `roster-audit run`: runs a project and writes roster.csv, records.csv, conflicts.csv and report.json. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { runPipeline } from '../../core/pipeline';
import type { RunResult } from '../../core/types';
import { readInputs, readProjectFile } from '../node/project-files';
import { writeRunOutputs } from '../node/run-outputs';
import { createProgress } from './progress';
import { formatSummary } from './summary';
import { UsageError } from './usage';

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
  const progress = createProgress(process.stderr, options.quiet ?? false);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await runPipeline(inputs, projectFile.project, {
      asOf: options.asOf,
      keepRaw: options.keepRaw,
      today: new Date().toISOString().slice(0, 10),
      onProgress: progress.update,
      signal: controller.signal,
      yieldControl: () => new Promise((r) => setImmediate(r)),
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
      options: { out: { type: 'string', default: 'out' }, 'as-of': { type: 'string' }, quiet: { type: 'boolean', default: false } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [projectPath, ...extra] = parsed.positionals;
  if (!projectPath) throw new UsageError('run needs a project file: roster-audit run <project.json>');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const asOf = parseAsOf(parsed.values['as-of']);
  const result = await runProjectFile(projectPath, { asOf, quiet: parsed.values.quiet });
  const outDir = resolve(parsed.values.out);
  const written = await writeRunOutputs(outDir, result);
  if (!parsed.values.quiet) process.stdout.write(`${formatSummary(result)}\nWrote ${written.join(', ')} to ${outDir}\n`);
  return 0;
}
