/**
 * Issues are data: every problem a user can cause becomes an `Issue` that names where it is
 * (source, file, row, column or config key) and what to do about it. Stages push issues next to their
 * rows instead of throwing; only broken invariants throw, through `invariant()`.
 *
 * The message texts live in one catalog per stage (`core/<stage>/messages.ts`), all re-exported here.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  /** Stable machine-readable code, e.g. `csv.unbalanced-quotes`. */
  code: string;
  severity: Severity;
  /** The full sentence shown to the user: what is wrong and where. */
  message: string;
  /** What to do about it. */
  fix?: string;
  source?: string;
  file?: string;
  row?: number;
  column?: string;
  /** A project-file key path such as `sources[2].mapping.email`. */
  key?: string;
  /** How many records share this issue when it was aggregated. */
  count?: number;
}

/** An error a user caused that stops a run; carries the issues that explain it. */
export class ProjectError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    super(issues.map((i) => formatIssue(i)).join('\n'));
    this.name = 'ProjectError';
    this.issues = issues;
  }
}

/** A run stopped by its caller (AbortSignal). */
export class CancelledError extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'CancelledError';
  }
}

/** Throws on a broken internal invariant: a bug, never a user error. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}

/** One line per issue: `error: <message> Fix: <fix>`. */
export function formatIssue(issue: Issue): string {
  const fix = issue.fix ? ` Fix: ${issue.fix}` : '';
  const count = issue.count && issue.count > 1 ? ` (${issue.count} records)` : '';
  return `${issue.severity}: ${issue.message}${count}${fix}`;
}

/** Where an issue is, for messages: `workday.csv row 12 column "Work Email"`. */
export function where(at: { file?: string; row?: number; column?: string }): string {
  const parts: string[] = [];
  if (at.file) parts.push(at.file);
  if (at.row !== undefined) parts.push(`row ${at.row}`);
  if (at.column !== undefined) parts.push(`column "${at.column}"`);
  return parts.join(' ');
}
