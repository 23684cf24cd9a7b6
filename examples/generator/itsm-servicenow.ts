/**
 * ServiceNow Table API (`GET /api/now/table/sys_user?sysparm_display_value=true`): a `result` envelope,
 * every value a string, references (department, location, manager) shown by their display value,
 * booleans as "true"/"false", instants as `YYYY-MM-DD HH:mm:ss`.
 */
import { snowInstant } from './dates';
import type { ItsmAccount } from './model';
import { jsonLines } from './sink';

export const servicenowFormat = jsonLines<ItsmAccount>(
  'servicenow-sys_user.json',
  () => '{"result":[\n',
  (u) => ({
    sys_id: u.sysId,
    user_name: u.userName,
    name: u.name,
    first_name: u.firstName,
    last_name: u.lastName,
    email: u.email,
    employee_number: u.employeeNumber,
    active: String(u.active),
    locked_out: String(u.lockedOut),
    title: u.title,
    department: u.department,
    location: u.location,
    manager: u.manager,
    sys_class_name: 'sys_user',
    sys_created_on: snowInstant(u.created),
    sys_updated_on: snowInstant(u.updated),
  }),
  () => '\n]}\n',
);
