/**
 * The headless CLI's output for a project, to compare the app against: report.json and roster.csv from
 * `tsx electron/cli/index.ts run <project> --out <dir>`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunStats } from '../../../core/types';
import { ROOT } from './web-build';
import { tempDir } from '../../support/temp-dir';

export interface CliOutput {
  report: { stats: RunStats; asOf: string };
  rosterCsv: string;
}

/** Runs the CLI with `args` (paths relative to the repository root); throws with its stderr when it fails. */
export function cli(args: string[]): string {
  try {
    return execFileSync('npx', ['tsx', join(ROOT, 'electron/cli/index.ts'), ...args], { cwd: ROOT, stdio: 'pipe', timeout: 120_000, encoding: 'utf8' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer | string }).stderr?.toString().trim().split('\n').slice(-5).join('\n');
    throw new Error(`roster-audit ${args.join(' ')} failed: ${stderr || String(error)}`);
  }
}

/** Runs a project through the CLI: the numbers the app must match. A failed run fails the test. */
export function runCli(project: string): CliOutput {
  const out = tempDir('roster-audit-cli-');
  cli(['run', join(ROOT, project), '--out', out, '--quiet']);
  const report = join(out, 'report.json');
  const roster = join(out, 'roster.csv');
  if (!existsSync(report) || !existsSync(roster)) throw new Error(`the CLI wrote no report.json/roster.csv into ${out}`);
  return { report: JSON.parse(readFileSync(report, 'utf8')) as { stats: RunStats; asOf: string }, rosterCsv: readFileSync(roster, 'utf8') };
}
