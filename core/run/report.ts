/** report.json: everything a run produced except its row tables. */
import type { RunResult } from '../types';

export type RunReport = Omit<RunResult, 'roster' | 'records' | 'conflicts'> & { tool: string };

export function runReport(result: RunResult): RunReport {
  const { roster: _roster, records: _records, conflicts: _conflicts, ...rest } = result;
  return { tool: 'roster-audit', ...rest };
}
