/**
 * roster-audit: the headless CLI. Runs a project file and writes the roster CSV and a JSON report, explains
 * one person, prints the project file's JSON Schema.
 *
 * Exit codes: 0 done, 1 the project or its inputs are wrong (the message says what and where), 2 usage.
 */
import { setFlagsFromString } from 'node:v8';
import { ProjectError, CancelledError, formatIssue } from '../../core/issues';
import { runCommand } from './run-command';
import { explainCommand } from './explain-command';
import { schemaCommand } from './schema-command';
import { diffCommand } from './diff-command';
import { initCommand } from './init-command';
import { UsageError, USAGE } from './usage';

// Issue 6: the CLI's memory is one large live set (a run's compact stores, ~0.7 GB at a million users)
// plus a stream of short-lived rows as outputs are written. V8's default lets the heap grow to 2 to 3
// times what survived the last full GC before it collects again: 2.7 GB peak RSS at a million users.
// Growing by a quarter at most kept the peak at 1.3 GB with no loss of speed (bench/results.md). Set
// before anything runs; worker threads share the process's flags.
setFlagsFromString('--heap-growing-percent=25');

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return runCommand(rest);
    case 'explain':
      return explainCommand(rest);
    case 'schema':
      return schemaCommand(rest);
    case 'diff': // issue 5: compare two runs
      return diffCommand(rest);
    case 'init': // issue 7: a project from recognized exports
      return initCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`roster-audit: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof ProjectError) {
      process.stderr.write(`${error.issues.map(formatIssue).join('\n')}\n`);
      process.exitCode = 1;
    } else if (error instanceof CancelledError) {
      process.stderr.write('roster-audit: cancelled\n');
      process.exitCode = 1;
    } else {
      process.stderr.write(`roster-audit: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    }
  },
);
