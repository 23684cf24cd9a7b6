/**
 * `npm run gen -- --users N --seed S --out DIR [--snapshot 2] [--as-of YYYY-MM-DD] [--project FILE]`
 * writes four exports, manifest.json and a project file; `npm run gen -- --acme` rewrites examples/acme.
 */
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ACME, ACME_DIR, writeAcme } from './acme';
import { generate, type GenerateOptions } from './generate';

const USAGE = `Usage:
  npm run gen -- --users N --seed S --out DIR [--snapshot 1|2] [--as-of YYYY-MM-DD] [--project FILE]
  npm run gen -- --acme [--out DIR]

  --users N       employees in the first snapshot (1 to 5,000,000)
  --seed S        any non-negative integer; same arguments, byte-identical files
  --out DIR       folder for the exports and manifest.json
  --snapshot 2    the same company seven days later (leavers, joiners, moves, email changes)
  --as-of DATE    the first snapshot's export date (default ${ACME.asOf}); snapshot 2 is 7 days later
  --project FILE  where to write the project file (default DIR/project.json); paths are relative to it
  --acme          regenerate the bundled sample (${ACME.users} users, seed ${ACME.seed}) into examples/acme`;

export class UsageError extends Error {}

function int(name: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined) throw new UsageError(`--${name} is required`);
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, not "${value}"`);
  return n;
}

/** Parses the command line into generator options, or `acme` for the bundled sample. */
export function parseCli(
  argv: string[],
): { acme: true; out?: string } | { acme: false; options: GenerateOptions } | { help: true } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      users: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      snapshot: { type: 'string', default: '1' },
      'as-of': { type: 'string', default: ACME.asOf },
      project: { type: 'string' },
      acme: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  if (values.acme) return { acme: true, out: values.out };
  const asOf = values['as-of'];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))
    throw new UsageError(`--as-of must be a date YYYY-MM-DD, not "${asOf}"`);
  if (values.snapshot !== '1' && values.snapshot !== '2')
    throw new UsageError(`--snapshot must be 1 or 2, not "${values.snapshot}"`);
  if (!values.out) throw new UsageError('--out is required');
  return {
    acme: false,
    options: {
      users: int('users', values.users, 1, 5_000_000),
      seed: int('seed', values.seed, 0, Number.MAX_SAFE_INTEGER),
      snapshot: values.snapshot === '2' ? 2 : 1,
      asOf,
      out: values.out,
      project: values.project,
    },
  };
}

const mb = (path: string) => `${(statSync(path).size / 1e6).toFixed(1)} MB`;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  if ('help' in parsed) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  if (parsed.acme) {
    const root = parsed.out ?? ACME_DIR;
    await writeAcme(root);
    console.log(`Wrote the Acme sample into ${root}`);
  } else {
    const result = await generate(parsed.options);
    for (const path of result.written) console.log(`${mb(path).padStart(10)}  ${path}`);
    const { records } = result.manifest;
    console.log(
      `Records: workday ${records.workday}, okta ${records.okta}, servicenow ${records.servicenow}, slack ${records.slack}`,
    );
  }
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
