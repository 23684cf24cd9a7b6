/** CLI usage text and the usage error (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage:
  roster-audit run <project.json> [--out DIR] [--as-of YYYY-MM-DD] [--history HDIR] [--quiet]
      Runs the project and writes DIR/roster.csv, records.csv, conflicts.csv, report.json and run.ndjson
      (DIR defaults to ./out). Prints a summary; progress goes to stderr.
      --history HDIR keeps the project's runs in HDIR and tracks deletions: roster.csv gets the users
      pending deletion (with missing_since, delete_after, days_left), report.json the deletion summary,
      and a tripped mass-deletion safeguard is printed first.
  roster-audit diff <runA> <runB> [--out DIR] [--json]
      Compares two runs (output folders of run, run.ndjson files, or HDIR/runs/<id>.ndjson): added,
      removed and changed users, identity links, enablement, coverage, stats. Writes DIR/diff.csv and
      diff.json (DIR defaults to ./out).
  roster-audit explain <project.json> <email|name|external id> [--json | --html] [--as-of YYYY-MM-DD]
      Traces one person through every source: records, filters, key, join, profile, enablement, coverage.
  roster-audit init <files...> [--out project.json] [--name NAME] [--force]
      Recognizes each export (Okta, Entra ID, Slack, ServiceNow, Google Workspace, SCIM, Workday, Jira;
      anything else is guessed), writes a project file ready to run and prints what it chose and why.
  roster-audit schema
      Prints the JSON Schema of the project file (for editor autocompletion).

Exit codes: 0 done, 1 the project or its inputs are wrong, 2 usage.
`;
