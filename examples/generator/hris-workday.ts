/**
 * Workday-style worker report (a custom report exported as CSV): UTF-8 with a byte-order mark, CRLF line
 * ends, RFC 4180 quoting. Column names are the report's field aliases; "Cost Center" keeps the space a
 * report label often has, so mappings must reach it through its alias `Cost_Center`.
 */
import type { HrRecord } from './model';
import type { ExportFormat } from './sink';

export const WORKDAY_COLUMNS: readonly (readonly [string, keyof HrRecord])[] = [
  ['Employee_ID', 'employeeId'],
  ['Worker_Status', 'status'],
  ['Worker_Type', 'workerType'],
  ['Legal_First_Name', 'legalFirstName'],
  ['Legal_Last_Name', 'legalLastName'],
  ['Preferred_Name', 'preferredName'],
  ['Work_Email', 'email'],
  ['Business_Title', 'title'],
  ['Department', 'department'],
  ['Supervisory_Organization', 'supervisoryOrganization'],
  ['Manager_Employee_ID', 'managerEmployeeId'],
  ['Cost Center', 'costCenter'],
  ['Location_Country', 'country'],
  ['Location_City', 'city'],
  ['Hire_Date', 'hireDate'],
  ['Termination_Date', 'terminationDate'],
];

/** Quotes a field when it holds a quote, a comma, a line break or edge whitespace. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const workdayFormat: ExportFormat<HrRecord> = {
  file: 'workday-workers.csv',
  begin: () => '\uFEFF' + WORKDAY_COLUMNS.map(([column]) => csvField(column)).join(',') + '\r\n',
  item: (record) => WORKDAY_COLUMNS.map(([, key]) => csvField(record[key])).join(',') + '\r\n',
  separator: '',
  end: () => '',
};
