/**
 * Google Workspace Admin SDK Directory API `users.list`: `{ "kind": "admin#directory#users", "users":
 * [users], "nextPageToken": "..." }`; each user has kind "admin#directory#user", id, primaryEmail,
 * name { givenName, familyName, fullName }, suspended, archived, isAdmin, orgUnitPath, lastLoginTime
 * (the epoch "1970-01-01T00:00:00.000Z" for a user who never signed in), creationTime, and optional
 * lists organizations [{ title, department, primary }], externalIds [{ type: "organization", value }],
 * relations [{ type: "manager", value }], emails, isGuestUser.
 */
import { ProposalBuilder } from './builder';
import { definePreset } from './define';
import { hasField, shareOf } from './sample';

const NEVER = '"^1970-01-01"';

export const googleDirectoryUsers = definePreset({
  id: 'google-directory-users',
  label: 'Google Workspace users (Directory API users.list JSON)',
  system: 'idam',
  sourceId: 'google',
  formats: ['json', 'ndjson'],
  docs: 'https://developers.google.com/admin-sdk/directory/reference/rest/v1/users/list',
  nextPage: 'nextPageToken',
  detect(sample, e) {
    e.add(
      0.4,
      sample.envelope?.values.kind === 'admin#directory#users',
      'envelope kind "admin#directory#users"',
    );
    e.add(
      0.3,
      shareOf(sample, 'kind', (v) => v === 'admin#directory#user') >= 0.8,
      'records of kind "admin#directory#user"',
    );
    e.add(0.3, hasField(sample, 'primaryEmail'), 'records have primaryEmail');
    e.add(0.1, sample.envelope?.recordsKey === 'users', 'records are in "users"');
    e.add(
      0.1,
      ['orgUnitPath', 'suspended', 'name.familyName'].every((p) => hasField(sample, p)),
      'records have orgUnitPath, suspended and name.familyName',
    );
  },
  source(sample) {
    const b = new ProposalBuilder(sample, googleDirectoryUsers);
    b.externalId('id', ['id'], 'the Google user id');
    b.field('email', 'primaryEmail');
    b.field('user_name', 'primaryEmail');
    b.field('first_name', 'name.givenName');
    b.field('last_name', 'name.familyName');
    b.field('display_name', 'name.fullName');
    const pick = (list: string, where: string, field: string): string =>
      `has(raw.${list}) && raw.${list}.exists(x, ${where}) ? raw.${list}.filter(x, ${where})[0].${field} : null`;
    const isOrg = 'has(x.type) && x.type == "organization"';
    b.expression(
      'employee_id',
      pick('externalIds', isOrg, 'value'),
      ['externalIds'],
      'externalIds of type "organization" (the Employee ID field)',
    );
    const primaryOrg = 'has(x.primary) && x.primary == true && has(x.title)';
    b.expression(
      'title',
      pick('organizations', primaryOrg, 'title'),
      ['organizations'],
      "the primary organization's title",
    );
    const primaryDept = 'has(x.primary) && x.primary == true && has(x.department)';
    b.expression(
      'department',
      pick('organizations', primaryDept, 'department'),
      ['organizations'],
      "the primary organization's department",
    );
    const isManager = 'has(x.type) && x.type == "manager"';
    b.expression(
      'manager_email',
      pick('relations', isManager, 'value'),
      ['relations'],
      'relations of type "manager"',
    );
    if (
      !b.expression(
        'active',
        'suspended != true && archived != true',
        ['suspended', 'archived'],
        'neither suspended nor archived',
      )
    ) {
      b.expression('active', 'suspended != true', ['suspended'], 'not suspended');
    }
    b.expression(
      'last_login',
      `matches(lastLoginTime, ${NEVER}) ? null : lastLoginTime`,
      ['lastLoginTime'],
      'lastLoginTime; the epoch (1970-01-01) means never signed in',
    );
    b.field('org_unit', 'orgUnitPath');
    b.field('suspended', 'suspended');
    b.field('archived', 'archived');
    b.field('is_guest', 'isGuestUser');
    b.filter('suspended', 'suspended == true', ['suspended']);
    b.filter('archived', 'archived == true', ['archived']);
    b.filter('guests', 'is_guest == true', ['is_guest']);
    b.filter('never signed in', 'last_login == null', ['last_login'], false);
    b.filter('service accounts', 'matches(user_name, "(?i)^(svc|service)[-_.]")', ['user_name']);
    return b.build();
  },
});
