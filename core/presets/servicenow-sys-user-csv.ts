/**
 * A ServiceNow sys_user list exported as CSV (list context menu > Export > CSV, or `sys_user.do?CSV`):
 * one row per user, columns named by field (`user_name`, `email`, `active`, `sys_id` when the list shows
 * it), reference fields as display values, `active` as "true"/"false". Columns are matched by name.
 */
import { ProposalBuilder } from './builder';
import { definePreset } from './define';
import { SYS_USER_FIELDS, mapSysUser, sysIdShare } from './servicenow-common';
import { countColumns, findColumn } from './sample';

export const servicenowSysUserCsv = definePreset({
  id: 'servicenow-sys-user-csv',
  label: 'ServiceNow users (sys_user CSV export)',
  system: 'itsm',
  sourceId: 'servicenow',
  formats: ['csv'],
  docs: 'https://www.servicenow.com/docs/ (Export a list to CSV; sys_user field names)',
  nextPage: null,
  detect(sample, e) {
    const userName = findColumn(sample, ['user_name']);
    e.add(
      0.25,
      userName !== null && sample.columns.includes('user_name'),
      'a user_name column (the sys_user field name)',
    );
    const known = sample.columns.filter((c) => SYS_USER_FIELDS.includes(c)).length;
    e.add(
      Math.min(0.3, 0.05 * known),
      known >= 4,
      `${known} columns spelt as sys_user fields (employee_number, first_name, active...)`,
    );
    const sysId = findColumn(sample, ['sys_id']);
    e.add(0.3, sysId !== null && sysIdShare(sample, sysId) >= 0.8, 'a sys_id column of 32-hex-digit ids');
    e.add(
      0.15,
      countColumns(sample, [
        'sys_created_on',
        'sys_updated_on',
        'sys_class_name',
        'web_service_access_only',
        'locked_out',
      ]) > 0,
      'ServiceNow system columns (sys_created_on, locked_out...)',
    );
  },
  source(sample) {
    const b = new ProposalBuilder(sample, servicenowSysUserCsv);
    mapSysUser(b);
    return b.build();
  },
});
