/**
 * Okta Users API (`GET /api/v1/users`): a bare JSON array (pages linked by the HTTP `Link: rel="next"`
 * header), each user `{ id, status, created, activated, statusChanged, lastLogin, lastUpdated,
 * passwordChanged, type, profile: { login, email, firstName, lastName, ... }, credentials, _links }`;
 * `status` is STAGED, PROVISIONED, ACTIVE, RECOVERY, LOCKED_OUT, PASSWORD_EXPIRED, SUSPENDED or
 * DEPROVISIONED (deactivated). Also read as NDJSON (one user per line, as `okta-cli`-style dumps write).
 */
import { ProposalBuilder } from './builder';
import { definePreset, share } from './define';
import { hasField, shareOf } from './sample';

export const OKTA_STATUSES = [
  'STAGED',
  'PROVISIONED',
  'ACTIVE',
  'RECOVERY',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'SUSPENDED',
  'DEPROVISIONED',
];
const OKTA_ID = /^00u[A-Za-z0-9]{17}$/;

export const oktaUsersApi = definePreset({
  id: 'okta-users-api',
  label: 'Okta users (Users API JSON)',
  system: 'idam',
  sourceId: 'okta',
  formats: ['json', 'ndjson'],
  docs: 'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/',
  nextPage: 'HTTP Link header rel="next"',
  detect(sample, e) {
    const ids = shareOf(sample, 'id', (v) => typeof v === 'string' && OKTA_ID.test(v));
    e.add(0.3, ids >= 0.8, `${share(ids)} of the ids look like Okta user ids (00u + 17 characters)`);
    e.add(0.3, hasField(sample, 'profile.login'), 'records have profile.login');
    const statuses = shareOf(sample, 'status', (v) => typeof v === 'string' && OKTA_STATUSES.includes(v));
    e.add(0.2, statuses >= 0.9, 'status holds Okta lifecycle states (ACTIVE, SUSPENDED, DEPROVISIONED...)');
    e.add(
      0.15,
      ['_links', 'credentials.provider', 'passwordChanged', 'statusChanged'].some((p) => hasField(sample, p)),
      'records have Okta system fields (_links, credentials, statusChanged)',
    );
    e.add(0.05, sample.envelope?.recordsKey === null, 'the file is a bare array, as the Users API returns');
  },
  source(sample) {
    const b = new ProposalBuilder(sample, oktaUsersApi);
    b.externalId('id', ['id'], 'the Okta user id');
    b.field('employee_id', 'profile.employeeNumber');
    b.field('email', 'profile.email');
    b.field('user_name', 'profile.login');
    b.field('first_name', 'profile.firstName');
    b.field('last_name', 'profile.lastName');
    b.field('display_name', 'profile.displayName');
    b.field('department', 'profile.department');
    b.field('title', 'profile.title');
    b.field('manager_id', 'profile.managerId');
    b.field('country', 'profile.countryCode');
    b.field('city', 'profile.city');
    b.expression(
      'active',
      '!(status in ["SUSPENDED", "DEPROVISIONED"])',
      ['status'],
      'status other than SUSPENDED or DEPROVISIONED',
    );
    b.field('last_login', 'lastLogin');
    b.field('password_last_set', 'passwordChanged');
    b.field('status', 'status');
    b.field('user_type', 'profile.userType');
    b.filter('deprovisioned', 'status == "DEPROVISIONED"', ['status']);
    b.filter('suspended', 'status == "SUSPENDED"', ['status']);
    b.filter('not activated', 'status in ["STAGED", "PROVISIONED"]', ['status'], false);
    b.filter('service accounts', 'matches(user_name, "(?i)^(svc|service)[-_.]")', ['user_name']);
    if (b.mapped('user_type'))
      b.filter('rooms and resources', 'user_type in ["Room", "Resource"]', ['user_type']);
    return b.build();
  },
});
