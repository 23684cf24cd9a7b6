/** Message catalog of the run history: snapshot file errors and the mass-deletion safeguard's texts. */
import type { Issue } from '../issues';
import type { SafeguardCause } from './types';

const n = (value: number) => value.toLocaleString('en-US');
const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

export const historyMessages = {
  notASnapshot: (file: string): Issue => ({
    code: 'history.not-a-snapshot',
    severity: 'error',
    file,
    message: `${file} is not a Roster Audit run snapshot (its first line must be a roster-audit/run-snapshot version 1 header)`,
    fix: 'Give a run.ndjson written by `roster-audit run`, an output folder holding one, or a file of a --history folder.',
  }),
  badLine: (file: string, line: number): Issue => ({
    code: 'history.bad-line',
    severity: 'error',
    file,
    row: line,
    message: `${file} line ${line} is not a snapshot column line`,
    fix: 'The file is damaged or was edited; run the project again to write a new one.',
  }),
  wrongLength: (file: string, column: string, got: number, expected: number): Issue => ({
    code: 'history.wrong-length',
    severity: 'error',
    file,
    column,
    message: `${file}: column "${column}" has ${n(got)} values, the header says ${n(expected)} users`,
    fix: 'The file is incomplete or damaged; run the project again to write a new one.',
  }),
  otherProject: (dir: string, expected: string, got: string): Issue => ({
    code: 'history.other-project',
    severity: 'error',
    file: dir,
    message: `The history in ${dir} belongs to project "${expected}", not "${got}"`,
    fix: 'Give each project its own --history folder.',
  }),

  /** One clause per likely cause of a mass deletion. */
  cause(cause: SafeguardCause): string {
    switch (cause.kind) {
      case 'truncated-export':
        return `the export ${cause.file ?? `of ${cause.source}`} looks truncated (${cause.message})`;
      case 'smaller-export':
        return `the primary source "${cause.source}" has ${n(cause.records)} records (${n(cause.bytes)} bytes), the previous run had ${n(cause.previousRecords)} (${n(cause.previousBytes)} bytes), so the export may be truncated or filtered`;
      case 'more-filtered':
        return `the filters of "${cause.source}" removed ${n(cause.current)} records, ${n(cause.current - cause.previous)} more than in the previous run`;
      case 'filters-changed':
        return `the filters of the primary source "${cause.source}" changed since the previous run`;
      case 'join-changed':
        return `the joining configuration changed (${cause.previous} -> ${cause.current}), so user ids changed`;
      case 'key-mapping-changed':
        return `the mapping of the joining key "${cause.attribute}" in "${cause.source}" changed (${cause.previous ?? 'none'} -> ${cause.current ?? 'none'}), so user ids changed`;
    }
  },

  safeguard(newCandidates: number, previousUsers: number, thresholds: { count: number; share: number }, causes: SafeguardCause[]): string {
    const share = previousUsers > 0 ? newCandidates / previousUsers : 0;
    const head = `MASS DELETION: ${n(newCandidates)} users of the previous run (${pct(share)} of ${n(previousUsers)}) are missing from this run, more than the safeguard allows (${n(thresholds.count)} users or ${pct(thresholds.share)}).`;
    const why =
      causes.length > 0
        ? ` Likely causes: ${causes.map((c) => historyMessages.cause(c)).join('; ')}.`
        : ' No cause shows in the inputs or the configuration: check that the primary export is complete.';
    return `${head}${why} Check the exports before trusting this run's deletions.`;
  },
};
