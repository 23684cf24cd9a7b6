/**
 * The Google Admin console user list download (Directory > Users > Download users), the same layout as
 * the bulk-update template: bracketed column names such as "First Name [Required]", "Last Name
 * [Required]", "Email Address [Required]", "Org Unit Path [Required]", "Status [READ ONLY]" (Active,
 * Suspended, Archived), "Last Sign In [READ ONLY]" ("Never logged in" for a user who never signed in),
 * "Employee ID", "Employee Type", "Employee Title", "Manager Email", "Department", "Cost Center".
 * Columns are matched by their name without the bracketed suffix, never by position.
 */
import { ProposalBuilder, ref } from './builder';
import { definePreset } from './define';
import { countColumns, findColumn } from './sample';

export const googleAdminUsersCsv = definePreset({
  id: 'google-admin-users-csv',
  label: 'Google Workspace users (Admin console CSV)',
  system: 'idam',
  sourceId: 'google',
  formats: ['csv'],
  docs: 'https://support.google.com/a/answer/7348070',
  nextPage: null,
  detect(sample, e) {
    const bracketed = sample.columns.filter((c) => /\[(Required|READ ONLY|UPLOAD ONLY)\]/i.test(c)).length;
    e.add(0.4, bracketed >= 2, `${bracketed} bracketed column names ([Required], [READ ONLY])`);
    const email = sample.columns.some((c) => /^Email Address \[Required\]$/i.test(c.trim()));
    e.add(0.3, email, 'an "Email Address [Required]" column');
    const known = countColumns(sample, [
      'Org Unit Path',
      'Last Sign In',
      '2sv Enrolled',
      'Email Usage',
      'Recovery Email',
      'Manager Email',
      'Employee Title',
    ]);
    e.add(
      Math.min(0.3, 0.1 * known),
      known >= 2,
      `${known} Google admin columns (Org Unit Path, Last Sign In, 2sv Enrolled...)`,
    );
  },
  source(sample) {
    const b = new ProposalBuilder(sample, googleAdminUsersCsv);
    const email = b.column('email', ['Email Address'], 1);
    if (email) b.externalId(email, [email], `column "${email}": the primary email, unique per account`, 0.9);
    if (email) b.column('user_name', ['Email Address'], 1);
    b.column('first_name', ['First Name'], 1);
    b.column('last_name', ['Last Name'], 1);
    b.column('employee_id', ['Employee ID'], 1);
    b.column('title', ['Employee Title'], 1);
    b.column('department', ['Department'], 1);
    b.column('manager_email', ['Manager Email'], 1);
    b.column('employee_type', ['Employee Type'], 1);
    b.column('cost_center', ['Cost Center'], 1);
    b.column('org_unit', ['Org Unit Path'], 1);
    const status = b.column('status', ['Status'], 1);
    if (status)
      b.expression('active', `lower(trim(${ref(status)})) == "active"`, [status], `"${status}" is Active`);
    const signIn = findColumn(sample, ['Last Sign In']);
    if (signIn) {
      const v = ref(signIn);
      b.expression(
        'last_login',
        `matches(${v}, "(?i)^never") ? null : ${v}`,
        [signIn],
        `"${signIn}"; "Never logged in" means never signed in`,
      );
    }
    b.filter('suspended', 'lower(status) == "suspended"', ['status']);
    b.filter('archived', 'lower(status) == "archived"', ['status']);
    b.filter('never signed in', 'last_login == null', ['last_login'], false);
    b.filter('service accounts', 'matches(user_name, "(?i)^(svc|service)[-_.]")', ['user_name']);
    return b.build();
  },
});
