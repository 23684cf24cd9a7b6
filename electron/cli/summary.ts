/** The readable summary `run` prints: counts per source and state, the roster, coverage, conflicts. */
import { formatIssue } from '../../core/issues';
import { RECORD_STATES, type RunResult } from '../../core/types';

const n = (value: number) => value.toLocaleString('en-US');

/** Right-aligned text table. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

export function formatSummary(result: RunResult): string {
  const { stats } = result;
  const header = ['source', 'loaded', ...RECORD_STATES];
  const rows = Object.entries(stats.perSource).map(([source, s]) => [source, n(s.loaded), ...RECORD_STATES.map((st) => n(s[st]))]);
  const lines = [
    `${result.projectName} as of ${result.asOf}`,
    '',
    table([header, ...rows]),
    '',
    `roster users ${n(stats.users)}, enabled ${n(stats.enabled)}`,
    `coverage: ${Object.entries(stats.coverage)
      .filter(([, c]) => c > 0)
      .map(([kind, c]) => `${kind} ${n(c)}`)
      .join(', ')}`,
    `conflicts: ${Object.entries(stats.conflicts)
      .map(([kind, c]) => `${kind} ${n(c)}`)
      .join(', ')}`,
  ];
  if (result.warnings.length > 0) {
    lines.push('', `${result.warnings.length} warning${result.warnings.length > 1 ? 's' : ''}:`);
    lines.push(...result.warnings.slice(0, 10).map((w) => `  ${formatIssue(w)}`));
    if (result.warnings.length > 10) lines.push(`  ... and ${result.warnings.length - 10} more in report.json`);
  }
  return lines.join('\n');
}
