/**
 * Proposals (issue 7): each fixture's proposed source compiles with core/expr and runs through the
 * pipeline as a one-source project, with the records each preset's usual filters should drop.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../../core/expr';
import { compileFilters } from '../../../../core/filter';
import { compileMapping } from '../../../../core/map';
import { isSimplePath } from '../../../../core/map/paths';
import { runPipeline } from '../../../../core/pipeline';
import { detectSource } from '../../../../core/presets';
import type { RunResult } from '../../../../core/types';
import { fixture, fixtures, load } from './fixtures';

interface Case {
  description: string;
  input: string;
  expected: { primary: number; filtered: Record<string, number>; missingKey?: number };
  notes: string;
}

const CASES: Case[] = [
  {
    description: 'Okta: deprovisioned, suspended and svc- accounts out; STAGED kept (rule off)',
    input: 'okta-users-api/users.json',
    expected: { primary: 5, filtered: { deprovisioned: 1, suspended: 1, 'service accounts': 1 } },
    notes: 'issue 7',
  },
  {
    description: 'Okta Password Health CSV: same people, matched by column name',
    input: 'okta-users-csv/okta-password-health.csv',
    expected: { primary: 4, filtered: { deprovisioned: 1, suspended: 1, 'service accounts': 1 } },
    notes: 'issue 7',
  },
  {
    description: 'Graph page 2: disabled, #EXT# guest, service account',
    input: 'msgraph-users/users-page-2.json',
    expected: { primary: 0, filtered: { 'disabled accounts': 1, guests: 1, 'service accounts': 1 } },
    notes: 'issue 7',
  },
  {
    description: 'Graph default $select: no accountEnabled, so no disabled filter',
    input: 'msgraph-users/users-default-select.json',
    expected: { primary: 4, filtered: {} },
    notes: 'issue 7',
  },
  {
    description: 'Entra download CSV',
    input: 'entra-users-csv/exportUsers_2026-11-2.csv',
    expected: { primary: 4, filtered: { 'disabled accounts': 1, guests: 1, 'service accounts': 1 } },
    notes: 'issue 7',
  },
  {
    description: 'Slack: Slackbot and a bot, a deactivated member, a guest',
    input: 'slack-users-list/users.list.json',
    expected: { primary: 4, filtered: { bots: 2, deactivated: 1, guests: 1 } },
    notes: 'issue 7',
  },
  {
    description: 'ServiceNow Table API: inactive, web-service-only and integration users',
    input: 'servicenow-sys-user/sys_user.json',
    expected: { primary: 4, filtered: { inactive: 1, 'service accounts': 2 } },
    notes: 'issue 7',
  },
  {
    description: 'ServiceNow CSV export: the integration user has no email and no flag column',
    input: 'servicenow-sys-user-csv/sys_user.csv',
    expected: { primary: 4, filtered: { inactive: 1, 'service accounts': 1 }, missingKey: 1 },
    notes: 'issue 7',
  },
  {
    description: 'Google Directory: suspended and archived; never-signed-in kept (rule off)',
    input: 'google-directory-users/users.json',
    expected: { primary: 5, filtered: { suspended: 1, archived: 1 } },
    notes: 'issue 7',
  },
  {
    description: 'Google admin CSV',
    input: 'google-admin-users-csv/User_Download_02112026_080000.csv',
    expected: { primary: 5, filtered: { suspended: 1 } },
    notes: 'issue 7',
  },
  {
    description: 'SCIM ListResponse with the enterprise extension',
    input: 'scim-list-response/Users.json',
    expected: { primary: 4, filtered: { inactive: 1 } },
    notes: 'issue 7',
  },
  {
    description: 'Workday CSV with tenant labels',
    input: 'workday-worker-report/workers.csv',
    expected: { primary: 5, filtered: { terminated: 1 } },
    notes: 'issue 7',
  },
  {
    description: 'Workday RaaS JSON',
    input: 'workday-worker-report/workers-raas.json',
    expected: { primary: 1, filtered: { terminated: 1 } },
    notes: 'issue 7',
  },
  {
    description: 'Jira: an app, a portal customer, an inactive user; a hidden email has no key',
    input: 'jira-users/users.json',
    expected: {
      primary: 3,
      filtered: { 'apps and bots': 1, 'portal customers': 1, inactive: 1 },
      missingKey: 1,
    },
    notes: 'issue 7',
  },
];

async function runAlone(
  name: string,
): Promise<{ result: RunResult; detection: ReturnType<typeof detectSource> }> {
  const f = fixture(name);
  const { sample, input } = load(f);
  const detection = detectSource(sample);
  const project = {
    name: 't',
    asOf: '2026-11-02',
    primary: 's',
    sources: [{ id: 's', files: [f.file], ...detection.source }],
  };
  return { result: await runPipeline([input], project), detection };
}

describe('every proposal compiles with core/expr', () => {
  it.each(fixtures())('$name', (f) => {
    const { loaded, sample } = load(f);
    const { source } = detectSource(sample);
    for (const [attribute, entry] of [...Object.entries(source.mapping), ['externalId', source.externalId]]) {
      if (isSimplePath(entry) || loaded.columns.includes(entry)) continue;
      const compiled = compileExpression(entry, { key: attribute, kind: 'mapping' });
      expect(compiled.ok, `${attribute}: ${entry}`).toBe(true);
    }
    const config = { id: 's', files: [f.file], ...source };
    const mapping = compileMapping(config, 0, loaded.columns, loaded.format === 'csv');
    expect(mapping.issues.filter((i) => loaded.records.length > 0 || i.severity === 'error')).toEqual([]);
    const filters = compileFilters(source.filters, 'filters', {
      attributes: [...Object.keys(source.mapping)],
    });
    expect(filters.issues).toEqual([]);
    for (const rule of source.filters)
      expect(compileExpression(rule.when, { key: rule.name, kind: 'filter' }).ok).toBe(true);
  });
});

describe('proposals run through the pipeline', () => {
  it.each(CASES)('$description', async ({ input, expected }) => {
    const { result } = await runAlone(input);
    const stats = result.stats.perSource.s;
    expect(stats.primary).toBe(expected.primary);
    expect(stats['missing-key']).toBe(expected.missingKey ?? 0);
    const hits = Object.fromEntries(
      result.stats.filterHits.filter((h) => h.hits > 0).map((h) => [h.rule, h.hits]),
    );
    expect(hits).toEqual(expected.filtered);
    // No mapping warnings: a proposal only names fields the export has.
    expect(
      result.warnings.filter(
        (w) => w.code.startsWith('map.') || w.code.startsWith('expr.') || w.code.startsWith('filter.'),
      ),
    ).toEqual([]);
  });
});

describe('what the presets read', () => {
  it('Okta: status drives active; profile fields map; the employee number is the employee id', async () => {
    const { result } = await runAlone('okta-users-api/users.json');
    const amara = result.records.find((r) => r.externalId === '00u1a2b3c4d5e6f7g8h9');
    expect(amara?.attributes).toMatchObject({
      email: 'amara.okafor@example.com',
      employee_id: '1001',
      active: true,
      status: 'ACTIVE',
      last_login: '2026-10-30',
      country: 'US',
    });
    const chen = result.records.find((r) => r.attributes.email === 'chen.wei@example.com');
    expect(chen?.attributes.active).toBe(true); // PASSWORD_EXPIRED is still an account in use
  });

  it('Graph: accountEnabled is mapped only when the export selected it, and the proposal says so', () => {
    const selected = detectSource(load(fixture('msgraph-users/users-page-1.json')).sample);
    expect(selected.source.mapping.active).toBe('accountEnabled');
    const plain = detectSource(load(fixture('msgraph-users/users-default-select.json')).sample);
    expect(plain.source.mapping.active).toBeUndefined();
    expect(plain.notes.join(' ')).toMatch(/accountEnabled is not in this export/);
    expect(plain.source.filters.map((f) => f.name)).not.toContain('disabled accounts');
  });

  it('Entra CSV: columns are matched by name, whatever their order', () => {
    const f = fixture('entra-users-csv/exportUsers_2026-11-2.csv');
    const text = new TextDecoder().decode(f.bytes).replace(/^\uFEFF/, '');
    const rows = text
      .trim()
      .split(/\r\n/)
      .map((line) => line.split(','));
    const order = rows[0].map((_, i) => i).reverse();
    const shuffled = rows.map((r) => order.map((i) => r[i]).join(',')).join('\n');
    const a = detectSource(load(f).sample);
    const b = detectSource(load({ file: 'users.csv', bytes: new TextEncoder().encode(shuffled) }).sample);
    expect(b.preset).toBe('entra-users-csv');
    expect(b.source.mapping).toEqual(a.source.mapping);
    expect(b.source.externalId).toBe('objectId');
  });

  it('ServiceNow: "true"/"false" text becomes booleans; reference fields read their display value when there is one', async () => {
    const { result, detection } = await runAlone('servicenow-sys-user/sys_user-display-values.json');
    expect(detection.source.mapping.department).toBe('department.display_value');
    const elif = result.records.find((r) => r.attributes.user_name === 'elif.demir');
    expect(elif?.attributes).toMatchObject({
      active: false,
      department: 'Engineering',
      city: 'Berlin',
      employee_id: '1005',
    });
    expect(result.records.find((r) => r.attributes.user_name === 'amara.okafor')?.attributes.active).toBe(
      true,
    );
  });

  it('Google Directory: the epoch lastLoginTime means never signed in; ids come from externalIds', async () => {
    const { result } = await runAlone('google-directory-users/users.json');
    const hana = result.records.find((r) => r.attributes.email === 'hana.sato@example.com');
    expect(hana?.attributes).toMatchObject({ last_login: null, employee_id: '1008', active: true });
    const amara = result.records.find((r) => r.attributes.email === 'amara.okafor@example.com');
    expect(amara?.attributes).toMatchObject({
      last_login: '2026-10-30',
      title: 'Staff Engineer',
      department: 'Engineering',
      manager_email: 'dana.kim@example.com',
    });
  });

  it('Google admin CSV: bracketed names; "Never logged in" is no date', async () => {
    const { result } = await runAlone('google-admin-users-csv/User_Download_02112026_080000.csv');
    const hana = result.records.find((r) => r.attributes.email === 'hana.sato@example.com');
    expect(hana?.attributes).toMatchObject({
      last_login: null,
      employee_id: '1008',
      active: true,
      org_unit: '/Engineering',
    });
  });

  it('SCIM: emails[primary], the enterprise employeeNumber, department and manager.value', async () => {
    const { result } = await runAlone('scim-list-response/Users.json');
    const ben = result.records.find((r) => r.attributes.user_name === 'ben.ortiz@example.com');
    expect(ben?.attributes).toMatchObject({
      email: 'ben.ortiz@example.com',
      employee_id: '1002',
      department: 'Sales',
      manager_id: '2819c223-7f76-453a-919d-413861904604',
    });
    const dana = result.records.find((r) => r.attributes.user_name === 'dana.kim@example.com');
    expect(dana?.attributes.manager_id).toBeNull();
  });

  it('Slack: Slackbot counts as a bot; email is read from the profile', async () => {
    const { result } = await runAlone('slack-users-list/users.list.json');
    expect(result.records.find((r) => r.externalId === 'USLACKBOT')?.filterRules).toEqual(['bots']);
    expect(result.records.find((r) => r.externalId === 'U04BENORT2')?.attributes.email).toBe(
      'ben.ortiz@example.com',
    );
  });

  it('Jira: the proposal warns that hidden emails cannot join', () => {
    const d = detectSource(load(fixture('jira-users/users.json')).sample);
    expect(d.notes.join(' ')).toMatch(/2 of 7 sampled users have no emailAddress/);
    expect(d.source.mapping.is_bot).toBe('accountType == "app"');
  });

  it('Workday: tenant-specific names are matched with a confidence below 1 and the reason', () => {
    const d = detectSource(load(fixture('workday-worker-report/workers.csv')).sample);
    expect(d.attributes.find((a) => a.attribute === 'email')).toMatchObject({
      entry: 'Work Email',
      confidence: 0.85,
      reason: 'column "Work Email" matches by name',
    });
    expect(d.source.filters.find((f) => f.name === 'contingent workers')?.enabled).toBe(false);
  });

  it('every rule can be switched off: a disabled rule filters nothing', async () => {
    const f = fixture('okta-users-api/users.json');
    const { sample, input } = load(f);
    const { source } = detectSource(sample);
    const filters = source.filters.map((r) => ({ ...r, enabled: false }));
    const result = await runPipeline([input], {
      name: 't',
      primary: 's',
      sources: [{ id: 's', files: [f.file], ...source, filters }],
    });
    expect(result.stats.perSource.s.filtered).toBe(0);
  });
});
