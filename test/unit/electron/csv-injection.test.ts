/**
 * CSV formula injection (issue 8): the CLI runs a small project whose names, ids, departments, emails and
 * rule names are crafted spreadsheet formulas, twice (a week apart, with --history), then diffs the runs.
 * No cell of roster.csv, records.csv, conflicts.csv or diff.csv may start the way a spreadsheet runs a
 * formula (=, +, -, @, tab, carriage return); each crafted value is there, escaped with a leading '.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir';

const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'electron/cli/bin.mjs');

/** What a spreadsheet runs: a cell starting with one of these. */
const FORMULA = /^[=+\-@\t\r]/;

const CRAFTED = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0", '-', '+41 22 555 01 01'];

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: root }, (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

/** The HR export: one employee per crafted value, in the name, department and id columns. */
function hrCsv(week: number): string {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const rows = CRAFTED.map((value, i) =>
    [String(1000 + i), `user${i}@acme.com`, quote(week === 1 ? value : `${value} v2`), quote(value), quote(value), 'Active'].join(','),
  );
  // A leaver, filtered out by a rule with a crafted name (records.csv lists the rule).
  rows.push(['1999', 'leaver@acme.com', quote('+leaver'), quote('=leaver'), 'IT', 'Terminated'].join(','));
  // A crafted email too (a primary record without a usable key is a conflict row).
  rows.push(['2000', quote('=1+1@acme.com'), quote('@me'), quote('-x'), quote('+y'), 'Active'].join(','));
  return `Employee_ID,Work_Email,First,Last,Department,Status\r\n${rows.join('\r\n')}\r\n`;
}

/** The chat export: crafted ids, one orphan with a crafted email (a conflict row), one duplicate. */
function chatJson(): string {
  const members = CRAFTED.map((value, i) => ({ id: value, profile: { email: `user${i}@acme.com`, real_name: value } }));
  members.push({ id: '=orphan', profile: { email: '+orphan@elsewhere.com', real_name: '@orphan' } });
  members.push({ id: '@dup', profile: { email: 'user0@acme.com', real_name: '-dup' } });
  return JSON.stringify({ ok: true, members });
}

function project(week: number) {
  return {
    name: 'Injection',
    asOf: week === 1 ? '2026-11-02' : '2026-11-09',
    primary: 'hr',
    sources: [
      {
        id: 'hr',
        system: 'hris',
        files: [`hr-week${week}.csv`],
        externalId: 'Employee_ID',
        mapping: { employee_id: 'Employee_ID', email: 'Work_Email', first_name: 'First', last_name: 'Last', department: 'Department', active: 'Status == "Active"' },
        filters: [{ name: '=HYPERLINK("http://rule")', when: 'active == false' }],
      },
      { id: 'chat', system: 'chat', files: ['chat.json'], externalId: 'id', mapping: { email: 'profile.email', display_name: 'profile.real_name' } },
    ],
    attributes: { display_name: ['chat', 'hr'] },
  };
}

const outputs: Record<string, string> = {};

beforeAll(async () => {
  const dir = tempDir('ra-injection-');
  await writeFile(join(dir, 'chat.json'), chatJson());
  for (const week of [1, 2]) {
    await writeFile(join(dir, `hr-week${week}.csv`), hrCsv(week));
    await writeFile(join(dir, `project-week${week}.json`), JSON.stringify(project(week), null, 2));
    const run = await cli(['run', join(dir, `project-week${week}.json`), '--out', join(dir, `out${week}`), '--history', join(dir, 'history'), '--quiet']);
    expect(run.code, run.stderr).toBe(0);
  }
  const diff = await cli(['diff', join(dir, 'out1'), join(dir, 'out2'), '--out', join(dir, 'diff')]);
  expect(diff.code, diff.stderr).toBe(0);
  for (const file of ['out1/roster.csv', 'out1/records.csv', 'out1/conflicts.csv', 'out2/roster.csv', 'diff/diff.csv']) outputs[file] = await readFile(join(dir, file), 'utf8');
}, 120_000);

const cells = (csv: string): string[] => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.flat();

describe('every CSV the CLI writes is safe to open in a spreadsheet', () => {
  it.each(['out1/roster.csv', 'out1/records.csv', 'out1/conflicts.csv', 'out2/roster.csv', 'diff/diff.csv'])('%s: 0 cells a spreadsheet would run', (file) => {
    const all = cells(outputs[file]);
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((cell) => FORMULA.test(cell))).toEqual([]);
  });

  it.each([
    { file: 'out1/roster.csv', values: ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0", '+41 22 555 01 01'] },
    { file: 'out1/records.csv', values: ['=HYPERLINK("http://rule")', '=cmd|\' /C calc\'!A0', '@SUM(A1)', '=orphan', '@dup'] },
    { file: 'out1/conflicts.csv', values: ['=orphan', '@dup'] },
    { file: 'diff/diff.csv', values: ['=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y") v2', '-2+3 v2'] },
  ])('$file keeps the crafted values as text, escaped with a leading quote', ({ file, values }) => {
    const all = new Set(cells(outputs[file]));
    // Mapped values are trimmed (a tab or CR in front goes), then escaped like any other.
    const missing = values.filter((v) => !all.has(`'${v}`) && !all.has(`'${v.trim()}`));
    expect(missing).toEqual([]);
  });
});
