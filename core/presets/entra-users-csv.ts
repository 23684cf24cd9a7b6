/**
 * The Microsoft Entra admin center "Download users" CSV (Users > All users > Download users): one row
 * per user with userPrincipalName, displayName, surname, mail, givenName, objectId, userType, jobTitle,
 * department, accountEnabled, usageLocation, streetAddress, state, country, physicalDeliveryOfficeName,
 * city, postalCode, telephoneNumber, mobile, ... Columns are matched by name (their order and spelling
 * have changed across portal versions), never by position.
 */
import { ProposalBuilder, ref } from './builder';
import { definePreset } from './define';
import { countColumns, findColumn, shareOf } from './sample';

const DOWNLOAD_COLUMNS = [
  'userPrincipalName',
  'displayName',
  'surname',
  'mail',
  'givenName',
  'objectId',
  'userType',
  'jobTitle',
  'department',
  'accountEnabled',
  'usageLocation',
  'streetAddress',
  'state',
  'country',
  'physicalDeliveryOfficeName',
  'city',
  'postalCode',
  'telephoneNumber',
  'mobile',
  'authenticationAlternativePhoneNumber',
  'authenticationEmail',
  'alternateEmailAddress',
  'ageGroup',
  'consentProvidedForMinor',
  'legalAgeGroupClassification',
];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const entraUsersCsv = definePreset({
  id: 'entra-users-csv',
  label: 'Microsoft Entra ID users (admin center "Download users" CSV)',
  system: 'idam',
  sourceId: 'entra',
  formats: ['csv'],
  docs: 'https://learn.microsoft.com/en-us/entra/identity/users/users-bulk-download',
  nextPage: null,
  detect(sample, e) {
    const known = countColumns(sample, DOWNLOAD_COLUMNS);
    e.add(
      Math.min(0.4, 0.05 * known),
      known >= 4,
      `${known} of the ${DOWNLOAD_COLUMNS.length} "Download users" columns`,
    );
    e.add(
      0.3,
      findColumn(sample, ['userPrincipalName', 'User principal name']) !== null,
      'a userPrincipalName column',
    );
    const objectId = findColumn(sample, ['objectId', 'Object Id']);
    e.add(0.15, objectId !== null, 'an objectId column');
    e.add(
      0.1,
      objectId !== null && shareOf(sample, objectId, (v) => typeof v === 'string' && GUID.test(v)) >= 0.8,
      'objectId holds GUIDs',
    );
  },
  source(sample) {
    const b = new ProposalBuilder(sample, entraUsersCsv);
    const objectId = findColumn(sample, ['objectId', 'Object Id']);
    if (objectId) b.externalId(objectId, [objectId], `column "${objectId}": the directory object id`);
    const upn = b.column('user_name', ['userPrincipalName', 'User principal name'], 1);
    const mail = findColumn(sample, ['mail', 'Email']);
    if (mail && upn)
      b.expression(
        'email',
        `coalesce(${ref(mail)}, ${ref(upn)})`,
        [mail, upn],
        `"${mail}", else the user principal name`,
      );
    else b.column('email', ['mail', 'userPrincipalName'], 0.8);
    b.column('employee_id', ['employeeId', 'Employee ID']);
    b.column('first_name', ['givenName', 'First name'], 1);
    b.column('last_name', ['surname', 'Last name'], 1);
    b.column('display_name', ['displayName', 'Display name'], 1);
    b.column('department', ['department'], 1);
    b.column('title', ['jobTitle', 'Job title'], 1);
    b.column('country', ['usageLocation', 'country', 'Usage location'], 1);
    b.column('city', ['city'], 1);
    b.column('active', ['accountEnabled', 'Account enabled'], 1);
    b.column('user_type', ['userType', 'User type'], 1);
    b.column('office', ['physicalDeliveryOfficeName', 'Office location']);
    if (!b.mapped('active')) b.note('No accountEnabled column: disabled accounts cannot be filtered.');
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
