/**
 * What the ServiceNow sys_user JSON and CSV presets share: the sys_user field names and how a reference
 * field (department, location, manager) reads. The Table API gives a reference as `{ link, value }`
 * (value = the referenced sys_id), as `{ display_value, link }` with sysparm_display_value=true, and as
 * an empty string when unset; a CSV export gives its display value.
 */
import { ref, type ProposalBuilder } from './builder';
import { findColumn, shareOf, valuesAt } from './sample';
import type { PresetSample } from './types';

export const SYS_ID = /^[0-9a-f]{32}$/;

/** sys_user columns as the Table API and list exports name them. */
export const SYS_USER_FIELDS = [
  'sys_id',
  'user_name',
  'first_name',
  'last_name',
  'name',
  'email',
  'employee_number',
  'title',
  'department',
  'location',
  'manager',
  'active',
  'locked_out',
  'last_login_time',
  'web_service_access_only',
  'internal_integration_user',
  'vip',
  'sys_created_on',
  'sys_updated_on',
  'sys_class_name',
  'sys_domain',
  'company',
  'cost_center',
  'country',
  'city',
];

/** The path to read a reference field's readable value from, or null when the export has only sys_ids. */
export function referenceText(sample: PresetSample, field: string): string | null {
  if (sample.columns.includes(`${field}.display_value`)) return `${field}.display_value`;
  const values = valuesAt(sample, field);
  if (values.length > 0 && values.every((v) => typeof v === 'string' && !SYS_ID.test(v))) return field;
  return null;
}

/** The mapping and filters both sys_user presets propose. */
export function mapSysUser(b: ProposalBuilder): void {
  const sample = b.sample;
  const csv = sample.format === 'csv';
  // A CSV's headers may differ in case or spacing; the Table API's field names are exact.
  const col = (name: string): string | null => (csv ? findColumn(sample, [name]) : b.has(name) ? name : null);
  const map = (attribute: string, name: string): string | null =>
    csv ? b.column(attribute, [name], 1) : b.field(attribute, name);
  const sysId = col('sys_id');
  if (sysId) b.externalId(sysId, [sysId], 'the sys_user record id (sys_id)');
  const userName = map('user_name', 'user_name');
  if (userName) b.externalId(userName, [userName], 'user_name (User ID), unique in sys_user', 0.8);
  map('employee_id', 'employee_number');
  map('email', 'email');
  map('first_name', 'first_name');
  map('last_name', 'last_name');
  map('display_name', 'name');
  map('title', 'title');
  for (const [attribute, field] of [
    ['department', 'department'],
    ['city', 'location'],
  ] as const) {
    const path = csv ? col(field) : referenceText(sample, field);
    if (path) b.field(attribute, path, 1, `reference field "${field}" (its display value)`);
    else if (sample.columns.some((c) => c === field || c.startsWith(`${field}.`)))
      b.note(
        `"${field}" holds only sys_ids in this export; export with sysparm_display_value=all to map ${attribute}.`,
      );
  }
  map('country', 'country');
  if (!csv && sample.columns.includes('manager.value'))
    b.field('manager_sys_id', 'manager.value', 1, "the manager's sys_id (reference field manager)");
  map('active', 'active');
  map('last_login', 'last_login_time');
  const locked = col('locked_out');
  if (locked) b.expression('locked_out', `to_bool(${ref(locked)})`, [locked], '"true"/"false" text');
  const wsOnly = col('web_service_access_only');
  const integration = col('internal_integration_user');
  const flags = [wsOnly, integration].filter((c): c is string => c !== null);
  if (flags.length > 0) {
    b.expression(
      'service_account',
      flags.map((c) => `to_bool(${ref(c)}) == true`).join(' || '),
      flags,
      'web_service_access_only or internal_integration_user',
    );
  }
  b.filter('inactive', 'active == false', ['active']);
  if (b.mapped('service_account'))
    b.filter('service accounts', 'service_account == true', ['service_account']);
  else
    b.filter('service accounts', 'matches(user_name, "(?i)^(svc|service|integration)[-_.]")', ['user_name']);
  b.filter('locked out', 'locked_out == true', ['locked_out'], false);
}

/** Share of records whose every top-level scalar value is text (the Table API writes all values as strings). */
export function allTextShare(sample: PresetSample): number {
  if (sample.records.length === 0) return 0;
  const textual = sample.records.filter((r) =>
    Object.values(r).every((v) => typeof v === 'string' || (typeof v === 'object' && v !== null)),
  );
  return textual.length / sample.records.length;
}

export const sysIdShare = (sample: PresetSample, column: string): number =>
  shareOf(sample, column, (v) => typeof v === 'string' && SYS_ID.test(v));
