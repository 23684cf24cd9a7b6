/**
 * The presets in the order they are tried: more specific shapes first, so a tie goes to the preset
 * that needs more to match. Add a preset by writing its module and listing it here.
 */
import { entraUsersCsv } from './entra-users-csv';
import { googleAdminUsersCsv } from './google-admin-users-csv';
import { googleDirectoryUsers } from './google-directory-users';
import { jiraUsers } from './jira-users';
import { msgraphUsers } from './msgraph-users';
import { oktaUsersApi } from './okta-users-api';
import { oktaUsersCsv } from './okta-users-csv';
import { scimUsers } from './scim-users';
import { servicenowSysUser } from './servicenow-sys-user';
import { servicenowSysUserCsv } from './servicenow-sys-user-csv';
import { slackUsersList } from './slack-users-list';
import type { Preset } from './types';
import { workdayWorkerReport } from './workday-worker-report';

export const PRESETS: readonly Preset[] = [
  oktaUsersApi,
  oktaUsersCsv,
  msgraphUsers,
  entraUsersCsv,
  slackUsersList,
  servicenowSysUser,
  servicenowSysUserCsv,
  googleDirectoryUsers,
  googleAdminUsersCsv,
  scimUsers,
  jiraUsers,
  workdayWorkerReport,
];

/** A preset is chosen when its confidence reaches this; below it the source is guessed. */
export const PRESET_THRESHOLD = 0.5;

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
