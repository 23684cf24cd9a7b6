/**
 * Microsoft Graph `GET /users` (Microsoft Entra ID): `{ "@odata.context": ".../$metadata#users...",
 * "value": [users], "@odata.nextLink": "..." }`. By default Graph returns only businessPhones,
 * displayName, givenName, id, jobTitle, mail, mobilePhone, officeLocation, preferredLanguage, surname and
 * userPrincipalName; accountEnabled, employeeId, department, userType, onPremisesImmutableId,
 * signInActivity ... appear only when `$select`ed, so each is mapped only when the export has it.
 */
import { ProposalBuilder } from './builder';
import { definePreset, share } from './define';
import { hasField, shareOf } from './sample';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const msgraphUsers = definePreset({
  id: 'msgraph-users',
  label: 'Microsoft Entra ID users (Graph /users JSON)',
  system: 'idam',
  sourceId: 'entra',
  formats: ['json', 'ndjson'],
  docs: 'https://learn.microsoft.com/en-us/graph/api/user-list',
  nextPage: '@odata.nextLink',
  detect(sample, e) {
    const context = sample.envelope?.values['@odata.context'];
    e.add(
      0.5,
      typeof context === 'string' && /#users\b/.test(context),
      '@odata.context names the users collection',
    );
    e.add(0.1, sample.envelope?.recordsKey === 'value', 'records are in "value" (OData)');
    e.add(0.35, hasField(sample, 'userPrincipalName'), 'records have userPrincipalName');
    const ids = shareOf(sample, 'id', (v) => typeof v === 'string' && GUID.test(v));
    e.add(0.15, ids >= 0.8, `${share(ids)} of the ids are GUIDs (directory object ids)`);
    e.add(
      0.1,
      ['givenName', 'surname', 'jobTitle', 'accountEnabled'].filter((p) => hasField(sample, p)).length >= 2,
      'records have Graph user properties (givenName, surname, jobTitle, accountEnabled)',
    );
  },
  source(sample) {
    const b = new ProposalBuilder(sample, msgraphUsers);
    b.externalId('id', ['id'], 'the directory object id');
    b.field('employee_id', 'employeeId');
    if (
      !b.expression(
        'email',
        'coalesce(mail, userPrincipalName)',
        ['mail', 'userPrincipalName'],
        'mail, else the user principal name',
      )
    ) {
      b.field('email', ['mail', 'userPrincipalName'], 0.8);
    }
    b.field('user_name', 'userPrincipalName');
    b.field('first_name', 'givenName');
    b.field('last_name', 'surname');
    b.field('display_name', 'displayName');
    b.field('department', 'department');
    b.field('title', 'jobTitle');
    b.field('country', ['usageLocation', 'country']);
    b.field('city', 'city');
    b.field('active', 'accountEnabled');
    b.field('start_date', 'employeeHireDate');
    b.field('termination_date', 'employeeLeaveDateTime');
    b.field('last_login', 'signInActivity.lastSignInDateTime');
    b.field('password_last_set', 'lastPasswordChangeDateTime');
    b.field('user_type', 'userType');
    b.field('employee_type', 'employeeType');
    b.field('on_premises_immutable_id', 'onPremisesImmutableId');
    if (!b.mapped('active')) {
      b.note(
        'accountEnabled is not in this export (Graph returns it only when selected): disabled accounts cannot be filtered. Export with $select=...,accountEnabled.',
      );
    }
    b.filter('disabled accounts', 'active == false', ['active']);
    if (b.mapped('user_type'))
      b.filter('guests', 'user_type == "Guest" || matches(user_name, "#EXT#")', ['user_type', 'user_name']);
    else b.filter('guests', 'matches(user_name, "#EXT#")', ['user_name']);
    b.filter('service accounts', 'matches(user_name, "(?i)^(svc|service)[-_.]")', ['user_name']);
    b.filter(
      'rooms and shared mailboxes',
      'matches(user_name, "(?i)^(room|rm|conf|shared)[-_.]")',
      ['user_name'],
      false,
    );
    return b.build();
  },
});
