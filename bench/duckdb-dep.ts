/**
 * DuckDB for the benchmark's baseline, installed on first use into `bench/.deps` (git-ignored).
 *
 * Why not a devDependency: `@duckdb/node-api` pulls one optional binding package per platform, and this
 * registry mirror lacks the other platforms' entries, so a lock file that lists them makes `npm ci` fail
 * on a fresh machine (commit ae42552). The benchmark is never part of `npm test`, so it installs the one
 * binding this machine needs, pinned, when `npm run bench` first runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The version measured in bench/results.md; bump both together. */
export const DUCKDB_VERSION = '1.5.6-r.1';
const DEPS = resolve(import.meta.dirname, '.deps');
const PACKAGE = join(DEPS, 'node_modules/@duckdb/node-api/package.json');

/** The slice of @duckdb/node-api the baseline uses (its own types are not installed for `npm run typecheck`). */
export interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>;
}
export interface DuckModule {
  DuckDBInstance: { create(path: string, options: Record<string, string>): Promise<{ connect(): Promise<DuckConnection> }> };
}

/** Installs DuckDB into bench/.deps unless the pinned version is already there; returns its version. */
export function ensureDuckDb(): string {
  const installed = existsSync(PACKAGE) ? (JSON.parse(readFileSync(PACKAGE, 'utf8')) as { version: string }).version : null;
  if (installed === DUCKDB_VERSION) return installed;
  process.stderr.write(`installing @duckdb/node-api@${DUCKDB_VERSION} into ${DEPS} (benchmark baseline only)...\n`);
  mkdirSync(DEPS, { recursive: true });
  writeFileSync(join(DEPS, 'package.json'), `${JSON.stringify({ name: 'roster-audit-bench-deps', private: true }, null, 2)}\n`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', DEPS, `@duckdb/node-api@${DUCKDB_VERSION}`], { stdio: 'inherit' });
  return DUCKDB_VERSION;
}

/** Loads the installed DuckDB module (call ensureDuckDb first, in the parent process). */
export async function loadDuckDb(): Promise<DuckModule> {
  const entry = createRequire(join(DEPS, 'package.json')).resolve('@duckdb/node-api');
  return (await import(pathToFileURL(entry).href)) as DuckModule;
}
