/**
 * Okta admin console user CSVs. Two shapes:
 * - the "Okta Password Health" report (Reports > Reports): User, Login, Status, Activation date,
 *   Authentication Source, Last Login, Last Password Change;
 * - a user list with Okta profile attribute names as headers (login, email, firstName, lastName,
 *   employeeNumber, ..., often with id and status), as the Import Users From CSV template and
 *   admin-console user exports write it.
 * Columns are matched by name, never by position.
 */
import { ProposalBuilder, ref } from './builder';
import { definePreset } from './define';
import { countColumns, findColumn, shareOf } from './sample';

const HEALTH = [
  'User',
  'Login',
  'Status',
  'Activation date',
  'Authentication Source',
  'Last Login',
  'Last Password Change',
];
const PROFILE = ['login', 'email', 'firstName', 'lastName'];

export const oktaUsersCsv = definePreset({
  id: 'okta-users-csv',
  label: 'Okta users (admin console CSV)',
  system: 'idam',
  sourceId: 'okta',
  formats: ['csv'],
  docs: 'https://help.okta.com/en-us/content/topics/reports/okta-password-health-report.htm',
  nextPage: null,
  detect(sample, e) {
    const health = countColumns(sample, HEALTH);
    e.add(
      0.35 + 0.1 * (health - 4),
      health >= 5,
      `${health} of the 7 Okta Password Health report columns (Login, Authentication Source, Last Password Change...)`,
    );
    // Okta's profile attribute names, spelt exactly (camelCase), as the Import Users From CSV template has them.
    const exact = PROFILE.filter((name) => sample.columns.includes(name)).length;
    e.add(
      0.45,
      exact === PROFILE.length,
      'Okta profile attribute headers (login, email, firstName, lastName)',
    );
    const id = findColumn(sample, ['id', 'Okta ID', 'User Id']);
    const oktaIds = id
      ? shareOf(sample, id, (v) => typeof v === 'string' && /^00u[A-Za-z0-9]{17}$/.test(v))
      : 0;
    e.add(0.3, oktaIds >= 0.8, 'the id column holds Okta user ids (00u...)');
    const status = findColumn(sample, ['Status']);
    const statuses = status
      ? shareOf(
          sample,
          status,
          (v) =>
            typeof v === 'string' &&
            /^(STAGED|PROVISIONED|ACTIVE|RECOVERY|LOCKED_OUT|PASSWORD_EXPIRED|SUSPENDED|DEPROVISIONED)$/i.test(
              v.trim(),
            ),
        )
      : 0;
    e.add(0.1, statuses >= 0.9, 'Status holds Okta lifecycle states');
  },
  source(sample) {
    const b = new ProposalBuilder(sample, oktaUsersCsv);
    const id = findColumn(sample, ['id', 'Okta ID', 'User Id']);
    if (id) b.externalId(id, [id], `column "${id}": the Okta user id`);
    const login = b.column('user_name', ['login', 'Login', 'Username'], 1);
    if (login) b.externalId(login, [login], `column "${login}": the Okta login, unique per org`, 0.9);
    if (!b.column('email', ['email', 'Primary email', 'Email'], 1) && login) {
      b.expression(
        'email',
        ref(login),
        [login],
        'the Password Health report has no email column; the login is usually the email',
        0.7,
      );
    }
    b.column('employee_id', ['employeeNumber', 'Employee Number'], 1);
    b.column('first_name', ['firstName', 'First name'], 1);
    b.column('last_name', ['lastName', 'Last name'], 1);
    b.column('display_name', ['displayName', 'User', 'Display name'], 1);
    b.column('department', ['department']);
    b.column('title', ['title']);
    b.column('manager_id', ['managerId']);
    b.column('country', ['countryCode', 'country']);
    b.column('city', ['city']);
    const status = b.column('status', ['status', 'Status'], 1);
    if (status) {
      b.expression(
        'active',
        `!(upper(trim(${ref(status)})) in ["SUSPENDED", "DEPROVISIONED", "DEACTIVATED"])`,
        [status],
        `"${status}" other than suspended or deactivated`,
      );
    }
    b.column('last_login', ['lastLogin', 'Last Login'], 1);
    b.column('password_last_set', ['passwordChanged', 'Last Password Change'], 1);
    b.column('user_type', ['userType']);
    b.filter('deprovisioned', 'upper(status) in ["DEPROVISIONED", "DEACTIVATED"]', ['status']);
    b.filter('suspended', 'upper(status) == "SUSPENDED"', ['status']);
    b.filter('service accounts', 'matches(user_name, "(?i)^(svc|service)[-_.]")', ['user_name']);
    if (b.mapped('user_type'))
      b.filter('rooms and resources', 'user_type in ["Room", "Resource"]', ['user_type']);
    return b.build();
  },
});
