/**
 * The headless CLI's output for a project, to compare the app against: report.json and roster.csv from
 * `tsx electron/cli/index.ts run <project> --out <dir>`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunStats } from '../../../core/types';
import { ROOT } from './web-build';

export type CliOutput = { ok: true; report: { stats: RunStats; asOf: string }; rosterCsv: string } | { ok: false; reason: string };

/** Runs the CLI; a missing CLI or a failed run is a reason to skip the comparisons, not a crash here. */
export function runCli(project: string): CliOutput {
  const cli = join(ROOT, 'electron/cli/index.ts');
  if (!existsSync(cli)) return { ok: false, reason: 'the CLI (electron/cli/index.ts) does not exist yet' };
  const out = mkdtempSync(join(tmpdir(), 'roster-audit-cli-'));
  try {
    execFileSync('npx', ['tsx', cli, 'run', join(ROOT, project), '--out', out, '--quiet'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-3).join(' ');
    return { ok: false, reason: `the CLI run failed: ${stderr || String(error)}` };
  }
  const report = join(out, 'report.json');
  const roster = join(out, 'roster.csv');
  if (!existsSync(report) || !existsSync(roster)) return { ok: false, reason: `the CLI wrote no report.json/roster.csv into ${out}` };
  return { ok: true, report: JSON.parse(readFileSync(report, 'utf8')) as { stats: RunStats; asOf: string }, rosterCsv: readFileSync(roster, 'utf8') };
}
