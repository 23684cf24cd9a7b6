/**
 * A Workday-style worker report: a custom report run as a web service (RaaS, `?format=json` gives
 * `{ "Report_Entry": [rows] }` keyed by each column's XML alias, `Employee_ID`) or exported as CSV/Excel
 * (columns named by their labels, `Employee ID`). Column names vary by tenant, so everything here is
 * matched by likely names, and each match is reported with its confidence.
 */
import { ProposalBuilder, ref, text } from './builder';
import { definePreset } from './define';
import { countColumns, findColumn, looksBoolean, shareOf, valuesAt } from './sample';
import type { PresetSample } from './types';

/** Likely names per attribute, best first (compared without case, spaces and `_`). */
export const WORKER_COLUMNS = {
  employee_id: [
    'Employee_ID',
    'Employee ID',
    'Worker_ID',
    'Worker ID',
    'Employee Number',
    'EmployeeID',
    'Emp ID',
  ],
  email: [
    'Work_Email',
    'Email_Work',
    'Primary_Work_Email',
    'Work Email Address',
    'Email_Address',
    'Email - Primary Work',
    'Email',
  ],
  first_name: [
    'Preferred_First_Name',
    'Legal_First_Name',
    'First_Name',
    'Preferred Name - First Name',
    'Given Name',
  ],
  last_name: [
    'Preferred_Last_Name',
    'Legal_Last_Name',
    'Last_Name',
    'Preferred Name - Last Name',
    'Family Name',
  ],
  display_name: ['Preferred_Name', 'Worker', 'Full_Name', 'Legal_Name', 'Name'],
  department: ['Department', 'Supervisory_Organization', 'Supervisory Organization', 'Organization', 'Team'],
  title: ['Business_Title', 'Job_Title', 'Job_Profile', 'Position', 'Title'],
  manager_id: [
    'Manager_Employee_ID',
    'Manager_ID',
    'Manager Employee ID',
    'Supervisor_ID',
    'Manager_Worker_ID',
  ],
  country: ['Location_Country', 'Work_Country', 'Country', 'Location - Country'],
  city: ['Location_City', 'Work_City', 'City', 'Location'],
  start_date: ['Hire_Date', 'Original_Hire_Date', 'Start_Date', 'Continuous_Service_Date'],
  termination_date: ['Termination_Date', 'End_Date', 'Last_Day_of_Work'],
  worker_type: ['Worker_Type', 'Employee_Type', 'Worker Category'],
  cost_center: ['Cost_Center', 'Cost Center - Name'],
} as const;
const STATUS = ['Worker_Status', 'Employment_Status', 'Status', 'Active_Status', 'Active'];
/** Names only an HR worker report has (an IdP or chat export has none of them). */
const HR_ONLY = [
  'Hire_Date',
  'Original_Hire_Date',
  'Termination_Date',
  'Worker_Status',
  'Worker_Type',
  'Supervisory_Organization',
  'Legal_First_Name',
  'Legal_Last_Name',
  'Legal_Name',
  'Business_Title',
  'Job_Profile',
  'Manager_Employee_ID',
  'Worker',
  'Continuous_Service_Date',
  'Employment_Status',
  'Position',
];

/** How `active` reads from a status column: a boolean as it is, else a word test. */
function activeExpression(sample: PresetSample, column: string): { expr: string; reason: string } {
  const v = ref(column);
  if (shareOf(sample, column, looksBoolean) >= 0.9)
    return { expr: `to_bool(${v})`, reason: `"${column}" holds yes/no values` };
  const words = valuesAt(sample, column).map((x) => String(x).trim().toLowerCase());
  if (words.includes('active'))
    return { expr: `lower(trim(${v})) == "active"`, reason: `"${column}" is Active` };
  return {
    expr: `!(lower(trim(${v})) in ["terminated", "inactive", "withdrawn"])`,
    reason: `"${column}" is not Terminated`,
  };
}

export const workdayWorkerReport = definePreset({
  id: 'workday-worker-report',
  label: 'Workday worker report (RaaS JSON or CSV)',
  system: 'hris',
  sourceId: 'workday',
  formats: ['json', 'ndjson', 'csv'],
  docs: 'https://doc.workday.com/ (Reports as a Service: a custom report exposed as a web service)',
  nextPage: null,
  detect(sample, e) {
    e.add(
      0.45,
      sample.envelope?.recordsKey === 'Report_Entry',
      'records are in "Report_Entry" (Workday RaaS)',
    );
    const id = findColumn(sample, WORKER_COLUMNS.employee_id);
    e.add(0.25, id !== null, `an employee id column ("${id}")`);
    const hr = countColumns(sample, HR_ONLY);
    e.add(
      Math.min(0.45, 0.15 * hr),
      hr > 0,
      `${hr} HR worker columns (hire date, worker status/type, supervisory organization, legal name...)`,
    );
    e.add(
      -0.3,
      sample.columns.some((c) => /\[(Required|READ ONLY)\]/i.test(c)),
      'but bracketed column names point to a Google admin export',
    );
  },
  source(sample) {
    const b = new ProposalBuilder(sample, workdayWorkerReport);
    for (const [attribute, names] of Object.entries(WORKER_COLUMNS)) b.column(attribute, names, 0.85);
    const id = b.entry('employee_id');
    if (id) b.externalId(id, [id], `column "${id}": the employee id`, 0.9);
    else b.note('No employee id column found: map employee_id by hand (Employee_ID, Worker_ID...).');
    if (!b.mapped('display_name') && b.mapped('first_name') && b.mapped('last_name')) {
      const [first, last] = [b.entry('first_name') ?? '', b.entry('last_name') ?? ''];
      b.expression(
        'display_name',
        `concat(${ref(first)}, " ", ${ref(last)})`,
        [first, last],
        'first and last name',
        0.8,
      );
    }
    const status = findColumn(sample, STATUS);
    if (status) {
      const { expr, reason } = activeExpression(sample, status);
      b.expression('active', expr, [status], reason, 0.85);
    } else if (b.mapped('termination_date')) {
      const end = b.entry('termination_date') ?? '';
      b.expression('active', `is_empty(${ref(end)})`, [end], 'no termination date', 0.7);
    }
    b.filter('terminated', 'active == false', ['active']);
    b.filter(
      'contingent workers',
      `matches(worker_type, ${text('(?i)contingent|contractor')})`,
      ['worker_type'],
      false,
    );
    return b.build();
  },
});
