/**
 * The benchmark's baseline (issue 6): DuckDB doing the plain job on the same four exports, in its own
 * process. `tsx bench/duckdb-baseline.ts <data dir> <out.csv>`: read the HR CSV and the three JSON exports,
 * normalize the key (trim + lower-case email), left-join the secondaries to the primary (one record per
 * key of each, as a join key must be), SHA-256 of the key as the user id, write the merged CSV.
 * `--read <file>` only reads one export (the per-source table). DuckDB's JSON reader is built into the
 * npm package; extension downloads are switched off, so nothing leaves the machine.
 *
 * The envelopes (`{"result": [...]}`, `{"members": [...]}`) are one JSON object each: DuckDB reads them as
 * one value (maximum_object_size raised) and unnests the array; a top-level array (Okta) streams.
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadDuckDb } from './duckdb-dep';

const MAX_OBJECT = 2_000_000_000;

/** A SQL string literal. */
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

function sources(dir: string) {
  const f = (name: string) => lit(join(dir, name));
  return {
    workday: `SELECT *, lower(trim(Work_Email)) AS k FROM read_csv(${f('workday-workers.csv')}, header = true, all_varchar = true)`,
    okta: `SELECT lower(trim(profile.email)) AS k, id AS okta_id FROM read_json(${f('okta-users.json')}, format = 'array', maximum_object_size = ${MAX_OBJECT})`,
    servicenow: `SELECT lower(trim(r.email)) AS k, r.sys_id AS servicenow_id FROM (SELECT unnest(result) AS r FROM read_json(${f('servicenow-sys_user.json')}, maximum_object_size = ${MAX_OBJECT}))`,
    slack: `SELECT lower(trim(m.profile.email)) AS k, m.id AS slack_id FROM (SELECT unnest(members) AS m FROM read_json(${f('slack-users.json')}, maximum_object_size = ${MAX_OBJECT}))`,
  };
}

async function main(): Promise<void> {
  const [dir, second, third] = process.argv.slice(2);
  const { DuckDBInstance } = await loadDuckDb();
  const db = await DuckDBInstance.create(':memory:', {
    threads: String(cpus().length),
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await db.connect();
  const q = sources(dir);
  const started = performance.now();
  if (second === '--read') {
    const source = third as keyof typeof q;
    const rows = await connection.runAndReadAll(`SELECT count(*) FROM (${q[source]})`);
    process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, records: Number(rows.getRows()[0][0]) })}\n`);
    return;
  }
  const one = (name: 'okta' | 'servicenow' | 'slack') => `SELECT DISTINCT ON (k) * FROM (${q[name]}) WHERE k IS NOT NULL AND k <> ''`;
  await connection.run(`
    COPY (
      WITH w AS (${q.workday}), o AS (${one('okta')}), s AS (${one('servicenow')}), m AS (${one('slack')})
      SELECT sha256(w.k) AS user_id, w.*, o.okta_id, s.servicenow_id, m.slack_id
      FROM w LEFT JOIN o USING (k) LEFT JOIN s USING (k) LEFT JOIN m USING (k)
      WHERE w.k IS NOT NULL AND w.k <> ''
    ) TO ${lit(second)} (HEADER, DELIMITER ',')`);
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - started })}\n`);
}

await main();
