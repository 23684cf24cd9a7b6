/**
 * proposeProject (issue 7): a runnable project from detected files. One fixture per system (Workday,
 * Okta, ServiceNow, Slack) share four people; the project joins them.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../core/pipeline';
import { detectSource, proposeProject, type DetectedFile } from '../../../../core/presets';
import { fixture, load } from './fixtures';

const SHARED = [
  'amara.okafor@example.com',
  'ben.ortiz@example.com',
  'chen.wei@example.com',
  'dana.kim@example.com',
];

function detected(...names: string[]): DetectedFile[] {
  return names.map((name) => ({
    path: `exports/${fixture(name).file}`,
    detection: detectSource(load(fixture(name)).sample),
  }));
}

describe('proposeProject', () => {
  it('one file per system: HR primary, email key (Slack has no employee id), and the shared people join', async () => {
    const names = [
      'slack-users-list/users.list.json',
      'okta-users-api/users.json',
      'workday-worker-report/workers.csv',
      'servicenow-sys-user/sys_user.json',
    ];
    const proposal = proposeProject(detected(...names), { name: 'Four systems' });
    expect(proposal.project.primary).toBe('workday');
    expect(proposal.project.join?.key).toBe('email');
    expect(proposal.project.sources.map((s) => [s.id, s.system, s.preset])).toEqual([
      ['slack', 'chat', 'slack-users-list'],
      ['okta', 'idam', 'okta-users-api'],
      ['workday', 'hris', 'workday-worker-report'],
      ['servicenow', 'itsm', 'servicenow-sys-user'],
    ]);
    expect(proposal.notes).toEqual(
      expect.arrayContaining([
        'primary: "workday", the first HR source',
        'join key: email ("slack" has no employee id)',
      ]),
    );

    const inputs = proposal.sources.flatMap((s, i) =>
      s.files.map((path) => ({ ...load(fixture(names[i]), s.id).input, name: path })),
    );
    const result = await runPipeline(inputs, proposal.project, { today: '2026-11-02' });
    for (const email of SHARED) {
      const user = result.roster.find((u) => u.attributes.email === email);
      expect(Object.keys(user?.identities ?? {}).sort(), email).toEqual([
        'okta',
        'servicenow',
        'slack',
        'workday',
      ]);
      expect(user?.coverage.sort()).toEqual(['chat', 'hris', 'idam', 'itsm']);
    }
    expect(result.stats.perSource.slack).toMatchObject({ joined: 4, filtered: 4, orphan: 0 });
    expect(result.stats.perSource.okta).toMatchObject({ joined: 4, filtered: 3, orphan: 1 });
    expect(result.stats.perSource.servicenow).toMatchObject({ joined: 4, filtered: 3 });
  });

  it('employee_id is the key when every source maps one', async () => {
    const names = [
      'okta-users-api/users.json',
      'workday-worker-report/workers.csv',
      'scim-list-response/Users.json',
    ];
    const proposal = proposeProject(detected(...names), { name: 'Ids' });
    expect(proposal.project.join?.key).toBe('employee_id');
    const inputs = proposal.sources.map((s, i) => ({
      ...load(fixture(names[i]), s.id).input,
      name: s.files[0],
    }));
    const result = await runPipeline(inputs, proposal.project);
    const ben = result.roster.find((u) => u.key === '1002');
    expect(Object.keys(ben?.identities ?? {}).sort()).toEqual(['okta', 'scim', 'workday']);
  });

  it('without an HR source the first identity provider is primary, else the first source', () => {
    expect(
      proposeProject(
        detected(
          'slack-users-list/users.list.json',
          'jira-users/users.json',
          'google-directory-users/users.json',
        ),
        { name: 'x' },
      ).project.primary,
    ).toBe('google');
    expect(
      proposeProject(detected('slack-users-list/users.list.json', 'jira-users/users.json'), { name: 'x' })
        .project.primary,
    ).toBe('slack');
  });

  it('makes source ids unique, and groups the pages of one export into one source', () => {
    const proposal = proposeProject(
      detected(
        'msgraph-users/users-page-1.json',
        'msgraph-users/users-page-2.json',
        'entra-users-csv/exportUsers_2026-11-2.csv',
        'guess/people-export.csv',
      ),
      { name: 'x' },
    );
    expect(proposal.sources.map((s) => [s.id, s.files])).toEqual([
      ['entra', ['exports/users-page-1.json', 'exports/users-page-2.json']],
      ['entra-2', ['exports/exportUsers_2026-11-2.csv']],
      ['people-export', ['exports/people-export.csv']],
    ]);
    expect(proposal.sources[0].detection.notes.join(' ')).not.toMatch(/one page of a paged export/);
    expect(proposal.project.primary).toBe('people-export');
    expect(proposal.notes.join('\n')).toMatch(/source "people-export" was guessed/);
  });
});
