import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectSchema } from '../../../core/project/schema';
import { parseCli } from '../../../examples/generator/cli';
import { WORKDAY_COLUMNS } from '../../../examples/generator/hris-workday';
import { OKTA_STATUSES } from '../../../examples/generator/model';
import { cleanTemps, generateInto, profile, readExports, type Exports } from './exports';

const OPTS = { users: 300, seed: 11, snapshot: 1, asOf: '2026-11-02' } as const;

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) out.set(name, await readFile(join(dir, name)));
  return out;
}

afterAll(cleanTemps);

describe('generator determinism', () => {
  it('writes byte-identical files for the same arguments, different ones for another seed', async () => {
    const a = await filesOf(await generateInto(OPTS));
    const b = await filesOf(await generateInto(OPTS));
    const c = await filesOf(await generateInto({ ...OPTS, seed: 12 }));
    expect([...a.keys()]).toEqual([
      'manifest.json',
      'okta-users.json',
      'project.json',
      'servicenow-sys_user.json',
      'slack-users.json',
      'workday-workers.csv',
    ]);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name) as Buffer), name).toBe(true);
    for (const name of [
      'okta-users.json',
      'servicenow-sys_user.json',
      'slack-users.json',
      'workday-workers.csv',
    ]) {
      expect((c.get(name) as Buffer).equals(a.get(name) as Buffer), name).toBe(false);
    }
  });
});

describe('export shapes', () => {
  let x: Exports;
  beforeAll(async () => {
    x = await readExports(await generateInto(OPTS));
  });

  it('HR: a Workday-style CSV with BOM, CRLF and every column', () => {
    expect(x.hrText.startsWith('\uFEFF')).toBe(true);
    expect(x.hrText).toContain('\r\n');
    expect(x.hrHeader).toEqual(WORKDAY_COLUMNS.map(([c]) => c));
    expect(x.hr).toHaveLength(x.manifest.records.workday);
    for (const row of x.hr) {
      expect(['Active', 'Terminated', 'On Leave']).toContain(row.Worker_Status);
      expect(['Employee', 'Contingent Worker']).toContain(row.Worker_Type);
      expect(row.Hire_Date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.Termination_Date === '').toBe(row.Worker_Status !== 'Terminated');
    }
    const ids = x.hr.map((r) => r.Employee_ID).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('Okta: a bare array of users with status, instants and profile.login', () => {
    expect(Array.isArray(x.oktaTop)).toBe(true);
    expect(x.okta).toHaveLength(x.manifest.records.okta);
    for (const u of x.okta) {
      expect(u.id).toMatch(/^00u[0-9A-Za-z]{17}$/);
      expect(OKTA_STATUSES).toContain(u.status);
      expect(u.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      expect(typeof profile(u).login).toBe('string');
      expect(typeof profile(u).email).toBe('string');
    }
    expect(new Set(x.okta.map((u) => u.id)).size).toBe(x.okta.length);
  });

  it('ServiceNow: a result envelope where every value is a string', () => {
    expect(Object.keys(x.servicenowTop)).toEqual(['result']);
    for (const u of x.servicenow) {
      for (const value of Object.values(u)) expect(typeof value).toBe('string');
      expect(u.sys_id).toMatch(/^[0-9a-f]{32}$/);
      expect(['true', 'false']).toContain(u.active);
      expect(u.sys_created_on).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
  });

  it('Slack: users.list with members, Slackbot, bots without email and an empty next_cursor', () => {
    expect(x.slackTop.ok).toBe(true);
    expect(x.slackTop.response_metadata).toEqual({ next_cursor: '' });
    expect(typeof x.slackTop.cache_ts).toBe('number');
    const slackbot = x.slack.find((m) => m.id === 'USLACKBOT');
    expect(slackbot?.is_bot).toBe(false);
    expect(profile(slackbot ?? {}).email).toBeUndefined();
    const bots = x.slack.filter((m) => m.is_bot === true);
    expect(bots.length).toBeGreaterThan(0);
    for (const b of bots) {
      expect(profile(b).bot_id).toMatch(/^B/);
      expect(profile(b).email).toBeUndefined();
    }
    for (const m of x.slack) expect(m.id).toMatch(/^(USLACKBOT|[UW][0-9A-Z]{10})$/);
    expect(x.slack.some((m) => String(m.id).startsWith('W'))).toBe(true);
  });

  it('writes a project.json that projectSchema accepts, with files next to it', async () => {
    const path = join(x.dir, 'project.json');
    const project = projectSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    expect(project.asOf).toBe('2026-11-02');
    expect(project.primary).toBe('workday');
    expect(project.join.key).toBe('email');
    for (const source of project.sources)
      for (const file of source.files) expect(existsSync(resolve(dirname(path), file)), file).toBe(true);
  });
});

describe('snapshot 2', () => {
  let week1: Exports;
  let week2: Exports;
  beforeAll(async () => {
    week1 = await readExports(await generateInto(OPTS));
    week2 = await readExports(await generateInto({ ...OPTS, snapshot: 2 }));
  });

  it('is dated seven days later', () => {
    expect(week2.manifest.generator.asOf).toBe('2026-11-09');
    expect(week2.manifest.generator.firstSnapshotAsOf).toBe('2026-11-02');
  });

  it('keeps everyone the week did not touch byte for byte', () => {
    const touched = new Set<string>();
    for (const c of ['leavers', 'departmentChanges', 'emailChanges'] as const)
      for (const e of week2.manifest.cases[c] ?? []) touched.add(String(e.employeeId));
    const after = new Map(week2.hr.map((r) => [r.Employee_ID || r.Work_Email, r]));
    let unchanged = 0;
    for (const row of week1.hr) {
      if (touched.has(row.Employee_ID)) continue;
      const later = after.get(row.Employee_ID || row.Work_Email);
      // A manager's change never reaches a report's row: org names keep the manager's name of snapshot 1.
      expect(later, row.Employee_ID).toEqual(row);
      unchanged++;
    }
    expect(unchanged).toBeGreaterThan(280);
  });

  it('adds the joiners that snapshot 1 had staged in Okta', () => {
    const before = new Set(week1.hr.map((r) => r.Employee_ID));
    const joiners = week2.manifest.cases.joiners ?? [];
    expect(joiners.length).toBe(week2.manifest.counts.joiners);
    expect(joiners.map((j) => j.email)).toEqual((week1.manifest.cases.preHires ?? []).map((p) => p.email));
    for (const j of joiners) {
      expect(before.has(String(j.employeeId))).toBe(false);
      expect(String(j.hireDate) > '2026-11-02' && String(j.hireDate) <= '2026-11-09').toBe(true);
    }
  });

  it('records leavers, moves and email changes against snapshot 1', () => {
    const before = new Map(week1.hr.map((r) => [r.Employee_ID, r]));
    for (const l of week2.manifest.cases.leavers ?? [])
      expect(before.get(String(l.employeeId))?.Worker_Status).toBe('Active');
    for (const d of week2.manifest.cases.departmentChanges ?? [])
      expect(before.get(String(d.employeeId))?.Department).toBe(d.from);
    for (const e of week2.manifest.cases.emailChanges ?? [])
      expect(before.get(String(e.employeeId))?.Work_Email).toBe(e.oldEmail);
  });
});

describe('command line', () => {
  it('parses the documented options', () => {
    expect(parseCli(['--users', '10', '--seed', '3', '--out', '/tmp/x', '--snapshot', '2'])).toEqual({
      acme: false,
      options: { users: 10, seed: 3, snapshot: 2, asOf: '2026-11-02', out: '/tmp/x', project: undefined },
    });
    expect(parseCli(['--acme'])).toEqual({ acme: true, out: undefined });
  });

  it.each([
    [['--seed', '1', '--out', 'x'], '--users is required'],
    [['--users', '0', '--seed', '1', '--out', 'x'], '--users must be an integer'],
    [['--users', '5', '--seed', '1', '--out', 'x', '--snapshot', '3'], '--snapshot must be 1 or 2'],
    [['--users', '5', '--seed', '1'], '--out is required'],
    [['--users', '5', '--seed', '1', '--out', 'x', '--as-of', '2026-13-45'], '--as-of must be a date'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });
});
