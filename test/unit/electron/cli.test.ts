/** The CLI as a user runs it: a real process, real files, exit codes and messages. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile, cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { fingerprint } from '../../../core/load';
import { tempDir } from '../../support/temp-dir';

const root = resolve(__dirname, '../../..');
const bin = join(root, 'electron/cli/bin.mjs');
const tiny = join(root, 'test/fixtures/projects/tiny/project.json');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('roster-audit CLI', () => {
  it('run writes the four files and the numbers reconcile', async () => {
    const out = tempDir('ra-cli-');
    const { code, stdout } = await cli('run', tiny, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/roster users 3, enabled 2/);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    const roster = Papa.parse<Record<string, string>>(await readFile(join(out, 'roster.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const records = Papa.parse<Record<string, string>>(await readFile(join(out, 'records.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(roster).toHaveLength(report.stats.users);
    expect(records).toHaveLength(7);
    expect(report.stats.perSource.hr).toMatchObject({ loaded: 4, primary: 3, filtered: 1 });
    expect(report.stats.perSource.slack).toMatchObject({ loaded: 3, joined: 1, orphan: 1, filtered: 1 });
    const ann = roster.find((r) => r.email === 'ann.lee@acme.com');
    expect(ann).toMatchObject({ ext_hr: '1001', ext_slack: 'U1', enabled: 'false', coverage: 'chat;hris' });
    expect(roster.find((r) => r.employee_id === '1004')?.first_name).toBe(`'=HYPERLINK("http://x")`);
    const hrBytes = await readFile(join(root, 'test/fixtures/projects/tiny/hr.csv'));
    expect(report.inputs[0]).toMatchObject({ source: 'hr', file: 'hr.csv', size: hrBytes.length, sha256: fingerprint(new Uint8Array(hrBytes)) });
  });

  it('explain says why a chat user joins no one', async () => {
    const { code, stdout } = await cli('explain', tiny, 'guest@partner.com');
    expect(code).toBe(0);
    expect(stdout).toContain('not in the roster: not present in the primary source "hr" (found only in slack)');
    expect(stdout).toMatch(/the slack record "U2" \(chat\.json row 2\) joins no one: no user of the primary source "hr" has email "guest@partner.com"/);
  });

  it('explain --json gives the trace for a filtered primary record', async () => {
    const { code, stdout } = await cli('explain', tiny, 'Cy Fox', '--json');
    expect(code).toBe(0);
    const trace = JSON.parse(stdout);
    expect(trace.diagnosis[0]).toBe('not in the roster: the hr record "1003" (hr.csv row 3) is filtered out by rule "terminated"');
    expect(trace.records[0].raw).toMatchObject({ Employee_ID: '1003' });
  });

  it('exits 1 and names the key path when the project is wrong', async () => {
    const dir = tempDir('ra-cli-');
    await cp(join(root, 'test/fixtures/projects/tiny'), dir, { recursive: true });
    const project = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'));
    project.sources[0].mapping.email = 'Work Email';
    await writeFile(join(dir, 'project.json'), JSON.stringify(project));
    const { code, stderr } = await cli('run', join(dir, 'project.json'), '--out', join(dir, 'out'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/sources\[0\]\.mapping\.email: unknown column "Work Email" in hr\.csv/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('exits 1 naming the file when an export is missing', async () => {
    const dir = tempDir('ra-cli-');
    await cp(join(root, 'test/fixtures/projects/tiny/project.json'), join(dir, 'project.json'));
    const { code, stderr } = await cli('run', join(dir, 'project.json'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/sources\[0\]\.files\[0\]: cannot read "hr\.csv" of source "hr" \(no such file/);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('run')).code).toBe(2);
    const bad = await cli('run', tiny, '--as-of', 'yesterday');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of takes a date written YYYY-MM-DD');
  });

  it('schema prints a JSON Schema of the project file', async () => {
    const { code, stdout } = await cli('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.properties.sources.type).toBe('array');
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'sources', 'primary']));
  });
});
