/**
 * `run --history` and `diff` end to end on the Acme sample's two weekly snapshots (issue 5): the week-2
 * leavers of the manifest pending deletion with the right days left, the window's boundary, the seeded
 * joiners, leavers and department changes in the diff, and a truncated export tripping the safeguard.
 * Expected people come from examples/acme/2026-11-09/manifest.json, never from this file.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../core/history/dates';
import { tempDir } from '../../support/temp-dir';

const root = resolve(__dirname, '../../..');
const bin = join(root, 'electron/cli/bin.mjs');
const acme = join(root, 'examples/acme');

interface Manifest {
  generator: { asOf: string; firstSnapshotAsOf: string };
  cases: {
    joiners: { email: string }[];
    leavers: { email: string; employeeId: string }[];
    departmentChanges: { email: string; from: string; to: string }[];
  };
}

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function csv(path: string): Promise<Record<string, string>[]> {
  return Papa.parse<Record<string, string>>(await readFile(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

const json = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

describe('roster-audit run --history and diff on the Acme sample', () => {
  let tmp: string;
  let manifest: Manifest;
  let windowDays: number;
  const week = (n: 1 | 2) => join(acme, n === 1 ? 'project.json' : 'project-week2.json');

  beforeAll(async () => {
    tmp = tempDir('ra-history-');
    manifest = await json<Manifest>(join(acme, '2026-11-09/manifest.json'));
    windowDays = (await json<{ deletion: { windowDays: number } }>(week(2))).deletion.windowDays;
    const first = await cli('run', week(1), '--out', join(tmp, 'w1'), '--history', join(tmp, 'h'), '--quiet');
    expect(first.code, first.stderr).toBe(0);
    // A CLI process of its own: as long as the tests' own timeout on a busy 2-core machine.
  }, 60_000);

  it('shows the week-2 leavers pending deletion with the whole window left', async () => {
    const { code, stdout, stderr } = await cli('run', week(2), '--out', join(tmp, 'w2'), '--history', join(tmp, 'h'));
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^Acme Corp as of/);
    expect(stdout).toMatch(/deletions \(window 7 days, previous run 2026-11-02 with [\d,]+ users\): \d+ pending/);
    const asOf = manifest.generator.asOf;
    const roster = await csv(join(tmp, 'w2/roster.csv'));
    const byEmail = new Map(roster.map((r) => [r.email, r]));
    expect(manifest.cases.leavers.length).toBeGreaterThan(0);
    for (const leaver of manifest.cases.leavers) {
      expect(byEmail.get(leaver.email), leaver.email).toMatchObject({
        state: 'pending-deletion',
        missing_since: asOf,
        delete_after: addDays(asOf, windowDays),
        days_left: String(windowDays),
        employee_id: leaver.employeeId,
      });
    }
    const report = await json<{ stats: { users: number }; deletion: { counts: { pending: number; newCandidates: number }; safeguard: { tripped: boolean } } }>(join(tmp, 'w2/report.json'));
    expect(report.deletion.safeguard.tripped).toBe(false);
    expect(report.deletion.counts.newCandidates).toBeGreaterThanOrEqual(manifest.cases.leavers.length);
    expect(roster.filter((r) => r.state === 'pending-deletion')).toHaveLength(report.deletion.counts.pending);
    expect(roster.filter((r) => r.state === 'active')).toHaveLength(report.stats.users);
    const index = await json<{ runs: { asOf: string; file: string }[] }>(join(tmp, 'h/index.json'));
    expect(index.runs.map((r) => r.asOf)).toEqual([manifest.generator.firstSnapshotAsOf, asOf]);
    expect(index.runs.every((r) => existsSync(join(tmp, 'h', r.file)))).toBe(true);
  });

  it('follows the window at its boundary: 1 day left at day 6, deleted at day 7', async () => {
    const asOf = manifest.generator.asOf;
    const leaver = manifest.cases.leavers[0].email;
    const day6 = await cli('run', week(2), '--out', join(tmp, 'd6'), '--history', join(tmp, 'h'), '--as-of', addDays(asOf, windowDays - 1), '--quiet');
    expect(day6.code, day6.stderr).toBe(0);
    expect((await csv(join(tmp, 'd6/roster.csv'))).find((r) => r.email === leaver)).toMatchObject({ state: 'pending-deletion', days_left: '1' });
    const day7 = await cli('run', week(2), '--out', join(tmp, 'd7'), '--history', join(tmp, 'h'), '--as-of', addDays(asOf, windowDays), '--quiet');
    expect(day7.code, day7.stderr).toBe(0);
    const row = (await csv(join(tmp, 'd7/roster.csv'))).find((r) => r.email === leaver);
    expect(row).toMatchObject({ state: 'deleted', enabled: 'false', delete_after: addDays(asOf, windowDays), days_left: '' });
  });

  it('diff shows the seeded joiners, leavers and department changes', async () => {
    const { code, stdout, stderr } = await cli('diff', join(tmp, 'w1'), join(tmp, 'w2'), '--out', join(tmp, 'diff'));
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/matching: user-id\+primary-id: by user id [\d,]+, by the external id of "workday" \d+/);
    const rows = await csv(join(tmp, 'diff/diff.csv'));
    const added = new Set(rows.filter((r) => r.change === 'added').map((r) => r.email));
    const removed = new Set(rows.filter((r) => r.change === 'removed').map((r) => r.email));
    for (const j of manifest.cases.joiners) expect(added.has(j.email), j.email).toBe(true);
    for (const l of manifest.cases.leavers) expect(removed.has(l.email), l.email).toBe(true);
    for (const move of manifest.cases.departmentChanges) {
      expect(rows.find((r) => r.email === move.email && r.field === 'department'), move.email).toMatchObject({ change: 'changed', old: move.from, new: move.to });
    }
    const overview = await json<{ counts: { added: number; removed: number; matched: number; a: number; b: number } }>(join(tmp, 'diff/diff.json'));
    expect(overview.counts.added).toBe(added.size);
    expect(overview.counts.matched + overview.counts.added).toBe(overview.counts.b);
  });

  it('diff reads history entries too, and a run of itself is empty', async () => {
    const index = await json<{ runs: { file: string }[] }>(join(tmp, 'h/index.json'));
    const entry = join(tmp, 'h', index.runs[0].file);
    const { code, stdout } = await cli('diff', entry, join(tmp, 'w1'), '--out', join(tmp, 'same'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).counts).toMatchObject({ added: 0, removed: 0, changed: 0 });
  });

  it('diff of a configuration change (email key to employee id, email as fallback) pairs users by the primary external id', async () => {
    // The main use of compare: the same export under another joining key. The project is copied beside
    // its files so their paths stay relative to it.
    const dir = join(tmp, 'keychange');
    await cp(join(acme, '2026-11-02'), join(dir, '2026-11-02'), { recursive: true });
    const project = await json<{ join: Record<string, unknown> }>(week(1));
    await writeFile(join(dir, 'project.json'), JSON.stringify({ ...project, join: { ...project.join, key: 'employee_id', fallbackKeys: ['email'] } }));
    const run = await cli('run', join(dir, 'project.json'), '--out', join(dir, 'out'), '--quiet');
    expect(run.code, run.stderr).toBe(0);
    const { code, stdout, stderr } = await cli('diff', join(tmp, 'w1'), join(dir, 'out'), '--out', join(dir, 'diff'), '--json');
    expect(code, stderr).toBe(0);
    const first = await json<{ cases: { contractorNoId: { email: string }[]; emailMismatch: { source: string; hrEmail: string }[] } }>(join(acme, '2026-11-02/manifest.json'));
    const diff = JSON.parse(stdout) as {
      matching: { method: string; keyChanged: boolean; joinKey: { a: string; b: string } };
      counts: { added: number; removed: number; matched: number; matchedByUserId: number; matchedByPrimaryId: number; linksGained: Record<string, number> };
      configChanges: string[];
    };
    expect(diff.matching).toMatchObject({ method: 'user-id+primary-id', keyChanged: true, joinKey: { a: 'email', b: 'employee_id' } });
    expect(diff.configChanges).toContain('join');
    // Every user id changed (SHA-256 of another key): every pair is made by the HR external id.
    expect(diff.counts.matchedByUserId).toBe(0);
    expect(diff.counts.matchedByPrimaryId).toBe(diff.counts.matched);
    // The contractors without an employee id have no key any more: removed from the roster.
    const rows = await csv(join(dir, 'diff/diff.csv'));
    const removed = new Set(rows.filter((r) => r.change === 'removed').map((r) => r.email));
    for (const c of first.cases.contractorNoId) expect(removed.has(c.email), c.email).toBe(true);
    expect(diff.counts.removed).toBe(first.cases.contractorNoId.length);
    // The alias and maiden-name emails link under the employee id: links gained per source.
    for (const source of ['okta', 'servicenow']) {
      const mismatched = first.cases.emailMismatch.filter((c) => c.source === source).length;
      expect(diff.counts.linksGained[source], source).toBeGreaterThanOrEqual(mismatched);
    }
  });

  it('a truncated primary export trips the safeguard, printed before anything else', async () => {
    const copy = join(tmp, 'truncated');
    await cp(acme, copy, { recursive: true });
    const file = join(copy, '2026-11-09/workday-workers.csv');
    const [header, ...rows] = (await readFile(file, 'utf8')).split(/\r?\n/).filter(Boolean);
    await writeFile(file, `${[header, ...rows.slice(0, Math.floor(rows.length / 2))].join('\n')}\n`);
    const history = join(copy, 'h');
    expect((await cli('run', join(copy, 'project.json'), '--out', join(copy, 'o1'), '--history', history, '--quiet')).code).toBe(0);
    const { code, stdout } = await cli('run', join(copy, 'project-week2.json'), '--out', join(copy, 'o2'), '--history', history);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^!{78}\nMASS DELETION: [\d,]+ users of the previous run/);
    expect(stdout).toContain('the primary source "workday" has');
    const report = await json<{ deletion: { safeguard: { tripped: boolean; exceeded: string[]; causes: { kind: string }[] } } }>(join(copy, 'o2/report.json'));
    expect(report.deletion.safeguard).toMatchObject({ tripped: true, exceeded: expect.arrayContaining(['share']) });
    expect(report.deletion.safeguard.causes.map((c) => c.kind)).toContain('smaller-export');
    const index = await json<{ runs: { safeguardTripped: boolean }[] }>(join(history, 'index.json'));
    expect(index.runs.map((r) => r.safeguardTripped)).toEqual([false, true]);
  });

  it('refuses a history of another project and a diff of something that is not a run', async () => {
    const dir = tempDir('ra-history-');
    await cp(join(root, 'test/fixtures/projects/tiny'), dir, { recursive: true });
    const other = await cli('run', join(dir, 'project.json'), '--out', join(dir, 'out'), '--history', join(tmp, 'h'), '--quiet');
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('belongs to project "Acme Corp", not "Tiny"');
    // Nothing of the refused run is left in its output folder: no run.ndjson, no part of one.
    expect(await readdir(join(dir, 'out')).catch(() => [])).toEqual([]);
    const bad = await cli('diff', join(dir, 'project.json'), join(tmp, 'w1'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/is not a Roster Audit run snapshot/);
    expect((await cli('diff', join(tmp, 'w1'))).code).toBe(2);
  });
});
