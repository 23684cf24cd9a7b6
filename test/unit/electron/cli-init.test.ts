/**
 * `roster-audit init` (issue 7) as a user runs it: a real process on copies of the preset fixtures, the
 * project file it writes, and `roster-audit run` on that file.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { validateProject } from '../../../core/project/validate';
import { tempDir } from '../../support/temp-dir';

const root = resolve(__dirname, '../../..');
const bin = join(root, 'electron/cli/bin.mjs');
const fixtures = join(root, 'test/fixtures/presets');

function cli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** A folder with `exports/` holding copies of the given fixtures. */
async function workspace(...names: string[]): Promise<string> {
  const dir = tempDir('ra-init-');
  await mkdir(join(dir, 'exports'));
  for (const name of names)
    await cp(join(fixtures, name), join(dir, 'exports', name.split('/').pop() ?? name));
  return dir;
}

const FOUR = [
  'workday-worker-report/workers.csv',
  'okta-users-api/users.json',
  'servicenow-sys-user/sys_user.json',
  'slack-users-list/users.list.json',
];

describe('roster-audit init', () => {
  it('writes a runnable project from one export per system, and run joins the people they share', async () => {
    const dir = await workspace(...FOUR);
    const files = FOUR.map((n) => `exports/${n.split('/').pop()}`);
    const init = await cli(dir, 'init', ...files, '--out', 'audit/project.json', '--name', 'Acme trial');
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(
      /workday \(hris\) <- \.\.\/exports\/workers\.csv\n {2}preset workday-worker-report/,
    );
    expect(init.stdout).toContain('project: primary: "workday", the first HR source');
    expect(init.stdout).toContain('project: join key: email ("slack" has no employee id)');
    expect(init.stdout).toMatch(/roster users 5/);

    const project = JSON.parse(await readFile(join(dir, 'audit/project.json'), 'utf8'));
    expect(validateProject(project).project).toBeTruthy();
    expect(project).toMatchObject({ name: 'Acme trial', primary: 'workday', join: { key: 'email' } });
    expect(
      project.sources.map((s: { id: string; preset: string; files: string[] }) => [s.id, s.preset, s.files]),
    ).toEqual([
      ['workday', 'workday-worker-report', ['../exports/workers.csv']],
      ['okta', 'okta-users-api', ['../exports/users.json']],
      ['servicenow', 'servicenow-sys-user', ['../exports/sys_user.json']],
      ['slack', 'slack-users-list', ['../exports/users.list.json']],
    ]);

    const run = await cli(dir, 'run', 'audit/project.json', '--out', 'out', '--quiet');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const roster = Papa.parse<Record<string, string>>(await readFile(join(dir, 'out/roster.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    for (const email of [
      'amara.okafor@example.com',
      'ben.ortiz@example.com',
      'chen.wei@example.com',
      'dana.kim@example.com',
    ]) {
      const row = roster.find((r) => r.email === email);
      expect(row?.coverage, email).toBe('chat;hris;idam;itsm');
      expect(row?.ext_okta).toMatch(/^00u/);
      expect(row?.ext_slack).toMatch(/^U04/);
      expect(row?.ext_servicenow).toMatch(/^[0-9a-f]{32}$/);
    }
    // Farid is only in HR: a roster user with no other identity.
    expect(roster.find((r) => r.email === 'farid.haddad@example.com')?.coverage).toBe('hris');
  });

  it('prints the guessed mapping with a confidence per attribute', async () => {
    const dir = await workspace('guess/people-export.csv', 'slack-users-list/users.list.json');
    const init = await cli(dir, 'init', 'exports/people-export.csv', 'exports/users.list.json');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/people-export \(hris\) <- exports\/people-export\.csv\n {2}guessed: /);
    expect(init.stdout).toMatch(
      / {4}email = E-mail {2}\(0\.90, name "E-mail" and values look like email addresses\)/,
    );
    expect(init.stdout).toContain('project: source "people-export" was guessed');
    expect(existsSync(join(dir, 'project.json'))).toBe(true);
    expect((await cli(dir, 'run', 'project.json', '--out', 'out', '--quiet')).code).toBe(0);
  });

  it('puts the pages of one export into one source', async () => {
    const dir = await workspace('msgraph-users/users-page-1.json', 'msgraph-users/users-page-2.json');
    const init = await cli(dir, 'init', 'exports/users-page-1.json', 'exports/users-page-2.json');
    expect(init.code).toBe(0);
    const project = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'));
    expect(project.sources).toHaveLength(1);
    expect(project.sources[0]).toMatchObject({
      id: 'entra',
      files: ['exports/users-page-1.json', 'exports/users-page-2.json'],
    });
    // Page 2 has no next marker: the pages are complete, so no truncation warning.
    expect(init.stdout).not.toContain('next-page marker');
    expect(init.stdout).not.toContain('one page of a paged export');
  });

  it('refuses to replace a project file unless --force', async () => {
    const dir = await workspace('okta-users-api/users.json');
    await writeFile(join(dir, 'project.json'), '{}');
    const refused = await cli(dir, 'init', 'exports/users.json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/project\.json already exists; choose another --out or add --force/);
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe('{}');
    expect((await cli(dir, 'init', 'exports/users.json', '--force')).code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8')).primary).toBe('okta');
  });

  it('exits 1 naming a file it cannot read or parse, and writes nothing', async () => {
    const dir = await workspace('okta-users-api/users.json');
    const missing = await cli(dir, 'init', 'exports/users.json', 'exports/nope.csv');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read "exports\/nope\.csv" \(no such file/);
    await writeFile(join(dir, 'exports/broken.json'), '{"value": [ {"id": 1,, } ]}');
    const broken = await cli(dir, 'init', 'exports/broken.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.json');
    expect(existsSync(join(dir, 'project.json'))).toBe(false);
  });

  it('exits 2 without files', async () => {
    const dir = await workspace();
    const usage = await cli(dir, 'init');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('init needs export files');
  });
});
