/** CLI usage text and the usage error (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage:
  roster-audit run <project.json> [--out DIR] [--as-of YYYY-MM-DD] [--quiet]
      Runs the project and writes DIR/roster.csv, records.csv, conflicts.csv and report.json
      (DIR defaults to ./out). Prints a summary; progress goes to stderr.
  roster-audit explain <project.json> <email|name|external id> [--json | --html] [--as-of YYYY-MM-DD]
      Traces one person through every source: records, filters, key, join, profile, enablement, coverage.
  roster-audit schema
      Prints the JSON Schema of the project file (for editor autocompletion).

Exit codes: 0 done, 1 the project or its inputs are wrong, 2 usage.
`;
