/**
 * Every case the manifest lists is really in the exports, in the shape its category promises. The
 * end-to-end and explain tests look people up through the manifest, so this is what they rely on.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, ACME_DIR } from '../../../examples/generator/acme';
import { addDays } from '../../../examples/generator/dates';
import { CASE_CATEGORIES, type CaseCategory, type CaseEntry } from '../../../examples/generator/model';
import { cleanTemps, generateInto, norm, profile, readExports, type Exports, type Json } from './exports';

afterAll(cleanTemps);

const US_LABELS = ['United States of America', 'United States', 'US', 'USA'];

/** The check of one category: throws (through expect) when an entry is not in the files as promised. */
type Check = (e: CaseEntry, x: Index) => void;

interface Index {
  x: Exports;
  hrById: Map<string, Record<string, string>>;
  hrByEmail: Map<string, Record<string, string>>;
  okta: Map<string, Json>;
  oktaByEmail: Map<string, Json[]>;
  snow: Map<string, Record<string, string>>;
  snowByEmail: Map<string, Record<string, string>[]>;
  slack: Map<string, Json>;
  slackByEmail: Map<string, Json[]>;
}

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const item of items) m.set(key(item), [...(m.get(key(item)) ?? []), item]);
  return m;
}

function index(x: Exports): Index {
  return {
    x,
    hrById: new Map(x.hr.filter((r) => r.Employee_ID).map((r) => [r.Employee_ID, r])),
    hrByEmail: new Map(x.hr.map((r) => [norm(r.Work_Email), r])),
    okta: new Map(x.okta.map((u) => [String(u.id), u])),
    oktaByEmail: group(x.okta, (u) => norm(profile(u).email)),
    snow: new Map(x.servicenow.map((u) => [u.sys_id, u])),
    snowByEmail: group(x.servicenow, (u) => norm(u.email)),
    slack: new Map(x.slack.map((m) => [String(m.id), m])),
    slackByEmail: group(x.slack, (m) => norm(profile(m).email)),
  };
}

const s = (v: unknown) => String(v);
const hrOf = (i: Index, e: CaseEntry) => {
  const row = i.hrById.get(s(e.employeeId)) ?? i.hrByEmail.get(s(e.email));
  expect(row, `HR row of ${s(e.employeeId)} ${s(e.email)}`).toBeDefined();
  return row as Record<string, string>;
};
const oktaOf = (i: Index, id: unknown) => {
  const u = i.okta.get(s(id));
  expect(u, `Okta user ${s(id)}`).toBeDefined();
  return u as Json;
};
const slackOf = (i: Index, id: unknown) => {
  const m = i.slack.get(s(id));
  expect(m, `Slack member ${s(id)}`).toBeDefined();
  return m as Json;
};

const CHECKS: Record<CaseCategory, Check> = {
  terminated: (e, i) => {
    const row = hrOf(i, e);
    expect([row.Worker_Status, row.Termination_Date]).toEqual(['Terminated', e.terminationDate]);
    expect(oktaOf(i, e.oktaId).status).toBe('DEPROVISIONED');
    if (e.slackId !== null) expect(slackOf(i, e.slackId).deleted).toBe(true);
  },
  terminatedStillActive: (e, i) => {
    expect(hrOf(i, e).Worker_Status).toBe('Terminated');
    if (e.source === 'okta') expect(oktaOf(i, e.externalId).status).toBe('ACTIVE');
    else expect(slackOf(i, e.externalId).deleted).toBe(false);
  },
  onLeave: (e, i) => {
    expect(hrOf(i, e).Worker_Status).toBe('On Leave');
    expect(oktaOf(i, e.oktaId).status).toBe('SUSPENDED');
  },
  idpLockedOut: (e, i) => expect(oktaOf(i, e.oktaId).status).toBe('LOCKED_OUT'),
  idpPasswordExpired: (e, i) => expect(oktaOf(i, e.oktaId).status).toBe('PASSWORD_EXPIRED'),
  contractorNoId: (e, i) => {
    const row = i.hrByEmail.get(s(e.email));
    expect([row?.Employee_ID, row?.Worker_Type]).toEqual(['', 'Contingent Worker']);
    const u = oktaOf(i, e.oktaId);
    expect(profile(u).employeeNumber).toBeUndefined();
    expect(norm(profile(u).email)).toBe(e.email);
  },
  messyEmail: (e, i) => {
    const raw = s(e.raw);
    expect(raw).not.toBe(e.email);
    expect(norm(raw)).toBe(e.email);
    const found =
      e.source === 'workday'
        ? i.x.hr.some((r) => r.Work_Email === raw)
        : e.source === 'okta'
          ? i.x.okta.some((u) => profile(u).email === raw)
          : i.x.servicenow.some((u) => u.email === raw);
    expect(found, `${s(e.source)} has ${raw}`).toBe(true);
  },
  adminDuplicate: (e, i) => {
    if (e.source === 'okta') {
      const both = i.oktaByEmail.get(s(e.email)) ?? [];
      expect(both.map((u) => u.id).sort()).toEqual([e.externalId, e.personExternalId].sort());
      const admin = oktaOf(i, e.externalId);
      expect(profile(admin).login).toBe(e.login);
      expect(profile(admin).employeeNumber).toBeUndefined();
    } else {
      const both = i.snowByEmail.get(s(e.email)) ?? [];
      expect(both.map((u) => u.sys_id).sort()).toEqual([e.externalId, e.personExternalId].sort());
      expect(i.snow.get(s(e.externalId))?.user_name).toBe(e.userName);
      expect(s(e.userName).endsWith('-adm')).toBe(true);
    }
  },
  noTicketingAccount: (e, i) => {
    hrOf(i, e);
    expect(i.snowByEmail.has(s(e.email))).toBe(false);
    expect(i.x.servicenow.some((u) => u.employee_number === e.employeeId)).toBe(false);
  },
  noChatAccount: (e, i) => {
    hrOf(i, e);
    expect(i.slackByEmail.has(s(e.email))).toBe(false);
  },
  emailMismatch: (e, i) => {
    expect(norm(hrOf(i, e).Work_Email)).toBe(e.hrEmail);
    expect(i.hrByEmail.has(s(e.sourceEmail))).toBe(false);
    if (e.source === 'okta') {
      const u = oktaOf(i, e.externalId);
      expect([profile(u).email, profile(u).employeeNumber]).toEqual([e.sourceEmail, e.employeeId]);
    } else {
      const u = i.snow.get(s(e.externalId));
      expect([u?.email, u?.employee_number]).toEqual([e.sourceEmail, e.employeeId]);
    }
  },
  chatDuplicate: (e, i) => {
    const both = i.slackByEmail.get(s(e.email)) ?? [];
    expect(both.map((m) => [m.id, m.deleted])).toEqual([
      [e.deletedSlackId, true],
      [e.activeSlackId, false],
    ]);
  },
  chatPersonalEmail: (e, i) => {
    const personal = slackOf(i, e.slackId);
    expect([profile(personal).email, personal.real_name, personal.deleted]).toEqual([
      e.personalEmail,
      e.realName,
      false,
    ]);
    expect(profile(slackOf(i, e.workSlackId)).email).toBe(e.email);
    expect(i.hrByEmail.has(s(e.personalEmail))).toBe(false);
  },
  filteredServiceAccount: (e, i) => {
    if (e.source === 'okta') {
      const u = oktaOf(i, e.externalId);
      expect(s(profile(u).login)).toMatch(/^svc-/);
      expect(profile(u).employeeNumber).toBeUndefined();
    } else {
      const u = i.snow.get(s(e.externalId));
      expect([u?.user_name, u?.employee_number]).toEqual([e.userName, '']);
      expect(s(e.userName)).toMatch(/^svc-/);
    }
  },
  conferenceRoom: (e, i) => {
    if (e.source === 'okta') expect(profile(oktaOf(i, e.externalId)).userType).toBe('Room');
    else expect(i.snow.get(s(e.externalId))?.name).toBe(e.name);
    expect(s(e.name)).toMatch(/^Conf Room /);
    expect(i.hrByEmail.has(s(e.email))).toBe(false);
  },
  chatBot: (e, i) => {
    const m = slackOf(i, e.slackId);
    expect(m.is_bot === true || m.id === 'USLACKBOT').toBe(true);
    expect(profile(m).email).toBeUndefined();
  },
  orphanChatUser: (e, i) => {
    expect(profile(slackOf(i, e.slackId)).email).toBe(e.email);
    expect(i.hrByEmail.has(s(e.email))).toBe(false);
  },
  notEnabled: (e, i) => {
    const row = hrOf(i, e);
    expect(row.Department).toBe('Sales');
    expect(row.Worker_Status).not.toBe('Terminated');
    expect(US_LABELS).not.toContain(row.Location_Country);
  },
  preHires: (e, i) => {
    expect(oktaOf(i, e.oktaId).status).toBe('STAGED');
    expect(i.hrByEmail.has(s(e.email))).toBe(false);
  },
  joiners: (e, i) => {
    const row = hrOf(i, e);
    expect([row.Work_Email, row.Hire_Date, row.Worker_Status]).toEqual([e.email, e.hireDate, 'Active']);
    expect(oktaOf(i, e.oktaId).status).toBe(e.oktaStatus);
  },
  leavers: (e, i) => {
    const row = i.hrById.get(s(e.employeeId));
    if (e.change === 'removed-from-hr') expect(row).toBeUndefined();
    else expect([row?.Worker_Status, row?.Termination_Date]).toEqual(['Terminated', e.terminationDate]);
    expect(oktaOf(i, e.oktaId).status).toBe('DEPROVISIONED');
  },
  departmentChanges: (e, i) => {
    const row = hrOf(i, e);
    expect([row.Department, row.Manager_Employee_ID]).toEqual([e.to, e.managerId]);
    expect(e.to).not.toBe(e.from);
  },
  emailChanges: (e, i) => {
    expect(hrOf(i, e).Work_Email).toBe(e.newEmail);
    expect(profile(slackOf(i, e.slackId)).email).toBe(e.oldEmail);
  },
};

const SNAPSHOTS: [string, () => Promise<string>][] = [
  ['300 users, snapshot 1', () => generateInto({ users: 300, seed: 5, snapshot: 1, asOf: '2026-11-02' })],
  ['300 users, snapshot 2', () => generateInto({ users: 300, seed: 5, snapshot: 2, asOf: '2026-11-02' })],
  ['acme week 1', async () => join(ACME_DIR, ACME.asOf)],
  ['acme week 2', async () => join(ACME_DIR, addDays(ACME.asOf, 7))],
];

describe.each(SNAPSHOTS)('manifest of %s', (_name, make) => {
  let i: Index;
  beforeAll(async () => {
    i = index(await readExports(await make()));
  });

  it('counts the records of each file and seeds every category it lists', () => {
    const { manifest } = i.x;
    expect(manifest.records).toEqual({
      workday: i.x.hr.length,
      okta: i.x.okta.length,
      servicenow: i.x.servicenow.length,
      slack: i.x.slack.length,
    });
    const only2 = ['joiners', 'leavers', 'departmentChanges', 'emailChanges'];
    const expected = CASE_CATEGORIES.filter((c) =>
      manifest.generator.snapshot === 1 ? !only2.includes(c) : c !== 'preHires',
    );
    expect(Object.keys(manifest.cases)).toEqual(expected);
    for (const c of expected) {
      expect(manifest.counts[c], c).toBeGreaterThan(0);
      expect(manifest.cases[c]?.length, c).toBe(Math.min(manifest.counts[c] ?? 0, 1000));
    }
  });

  it('lists every active Sales worker outside the US as not enabled', () => {
    const expected = i.x.hr.filter(
      (r) =>
        r.Department === 'Sales' &&
        r.Worker_Status !== 'Terminated' &&
        !US_LABELS.includes(r.Location_Country),
    );
    expect(i.x.manifest.cases.notEnabled?.map((e) => e.email)).toEqual(
      expected.map((r) => norm(r.Work_Email)),
    );
  });

  it.each(CASE_CATEGORIES)('finds every %s case in the exports', (category) => {
    for (const entry of i.x.manifest.cases[category] ?? []) CHECKS[category](entry, i);
  });
});
