/**
 * The project file beside the exports: four sources (Workday primary), email as joining key (the
 * reference product's default; the advice screen shows that employee_id would link more), filters for
 * the usual noise, title taken from the IdP first, and an enablement rule that leaves Sales outside the
 * US not enabled.
 */
import { writeFile } from 'node:fs/promises';
import type { ProjectInput } from '../../core/project/schema';
import type { SourceId } from './model';

export const PROJECT_NAME = 'Acme Corp';

/** The project for one snapshot; `files` are relative to the project file. */
export function buildProject(asOf: string, files: Record<SourceId, string>): ProjectInput {
  return {
    version: 1,
    name: PROJECT_NAME,
    asOf,
    primary: 'workday',
    sources: [
      {
        id: 'workday',
        label: 'Workday workers',
        system: 'hris',
        files: [files.workday],
        format: 'csv',
        preset: 'workday-worker-report',
        externalId: 'Employee_ID',
        mapping: {
          employee_id: 'Employee_ID',
          email: 'Work_Email',
          first_name: 'Legal_First_Name',
          last_name: 'Legal_Last_Name',
          display_name: 'coalesce(Preferred_Name, concat(Legal_First_Name, " ", Legal_Last_Name))',
          department: 'Department',
          title: 'Business_Title',
          manager_id: 'Manager_Employee_ID',
          country: 'Location_Country',
          city: 'Location_City',
          active: 'Worker_Status != "Terminated"',
          start_date: 'Hire_Date',
          termination_date: 'Termination_Date',
          worker_type: 'Worker_Type',
          cost_center: 'Cost_Center',
        },
        processors: [
          { type: 'normalize-email' },
          { type: 'geocode', from: 'country' },
          { type: 'compose-name' },
        ],
        filters: [{ name: 'terminated', when: 'active == false' }],
      },
      {
        id: 'okta',
        label: 'Okta users',
        system: 'idam',
        files: [files.okta],
        format: 'json',
        preset: 'okta-users-api',
        externalId: 'id',
        mapping: {
          employee_id: 'profile.employeeNumber',
          email: 'profile.email',
          user_name: 'profile.login',
          first_name: 'profile.firstName',
          last_name: 'profile.lastName',
          display_name: 'profile.displayName',
          department: 'profile.department',
          title: 'profile.title',
          manager_id: 'profile.managerId',
          country: 'profile.countryCode',
          city: 'profile.city',
          active: 'status == "ACTIVE"',
          last_login: 'lastLogin',
          password_last_set: 'passwordChanged',
          user_type: 'profile.userType',
        },
        processors: [
          { type: 'normalize-email' },
          { type: 'compose-name' },
          { type: 'password-expiry', maxAgeDays: 90 },
        ],
        filters: [
          { name: 'deprovisioned', when: 'raw.status == "DEPROVISIONED"' },
          { name: 'service accounts', when: 'matches(user_name, "^svc-")' },
          { name: 'conference rooms', when: 'raw.profile.userType == "Room"' },
        ],
      },
      {
        id: 'servicenow',
        label: 'ServiceNow users',
        system: 'itsm',
        files: [files.servicenow],
        format: 'json',
        preset: 'servicenow-sys-user',
        externalId: 'sys_id',
        mapping: {
          employee_id: 'employee_number',
          email: 'email',
          user_name: 'user_name',
          first_name: 'first_name',
          last_name: 'last_name',
          display_name: 'name',
          department: 'department',
          title: 'title',
          city: 'location',
          active: 'to_bool(active)',
        },
        processors: [{ type: 'normalize-email' }],
        filters: [
          { name: 'inactive', when: 'active == false' },
          { name: 'service accounts', when: 'matches(user_name, "^svc-")' },
        ],
      },
      {
        id: 'slack',
        label: 'Slack members',
        system: 'chat',
        files: [files.slack],
        format: 'json',
        preset: 'slack-users-list',
        externalId: 'id',
        mapping: {
          email: 'profile.email',
          user_name: 'name',
          display_name: 'real_name',
          first_name: 'profile.first_name',
          last_name: 'profile.last_name',
          title: 'profile.title',
          is_bot: 'is_bot',
          active: '!deleted',
          is_guest: 'is_restricted || is_ultra_restricted',
          time_zone: 'tz',
        },
        processors: [{ type: 'normalize-email' }],
        filters: [
          { name: 'bots', when: 'is_bot == true || raw.id == "USLACKBOT"' },
          { name: 'deleted', when: 'active == false' },
        ],
      },
    ],
    join: { key: 'email', fallbackKeys: [], normalize: ['trim', 'lower'], duplicatePolicy: 'prefer-active' },
    attributes: {
      title: ['okta', 'workday'],
      last_login: ['okta'],
      password_last_set: ['okta'],
      time_zone: ['slack'],
    },
    enablement: { mode: 'rule', rule: 'department != "Sales" || country_code == "US"' },
    deletion: { windowDays: 7, safeguardCount: 500, safeguardShare: 0.2 },
  };
}

export async function writeProject(path: string, project: ProjectInput): Promise<void> {
  await writeFile(path, JSON.stringify(project, null, 2) + '\n');
}
