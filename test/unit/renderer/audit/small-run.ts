/**
 * A small project run through the real pipeline (raw records kept, as the app's workers run it), with one
 * case of everything the audit screens show: a filtered service account, an admin account sharing its
 * person's email, a missing key, an ambiguous link, an orphan chat user whose name matches a roster user,
 * a bot, a terminated worker, a user the rule does not enable and a rule that is off in the project.
 */
import { runPipeline } from '../../../../core/pipeline';
import type { ProjectInput } from '../../../../core/project/schema';
import type { InputFile, RunResult } from '../../../../core/types';

export const SMALL_PROJECT: ProjectInput = {
  name: 'Small audit project',
  asOf: '2025-03-01',
  primary: 'hr',
  sources: [
    {
      id: 'hr',
      system: 'hris',
      files: ['hr.csv'],
      externalId: 'Id',
      mapping: { employee_id: 'Id', email: 'Email', first_name: 'First', last_name: 'Last', department: 'Dept', active: 'Status != "Terminated"' },
      processors: [{ type: 'compose-name' }],
      filters: [{ name: 'terminated', when: 'active == false' }],
    },
    {
      id: 'okta',
      system: 'idam',
      files: ['okta.json'],
      externalId: 'id',
      mapping: { employee_id: 'profile.employeeNumber', email: 'profile.email', user_name: 'profile.login', first_name: 'profile.firstName', last_name: 'profile.lastName', active: 'status == "ACTIVE"' },
      filters: [
        { name: 'service accounts', when: 'matches(user_name, "^svc-")' },
        { name: 'deprovisioned', when: 'raw.status == "DEPROVISIONED"', enabled: false },
      ],
    },
    {
      id: 'chat',
      system: 'chat',
      files: ['chat.json'],
      externalId: 'id',
      mapping: { email: 'profile.email', first_name: 'profile.first_name', last_name: 'profile.last_name', display_name: 'real_name', is_bot: 'is_bot' },
      filters: [{ name: 'bots', when: 'is_bot == true' }],
    },
  ],
  join: { key: 'email', fallbackKeys: ['employee_id'], duplicatePolicy: 'prefer-active' },
  enablement: { mode: 'rule', rule: 'department != "Sales"' },
};

const HR = `Id,Email,First,Last,Dept,Status
E1,ann.lee@example.com,Ann,Lee,Engineering,Active
E2,bob.roy@example.com,Bob,Roy,Sales,Active
E3,cy.fox@example.com,Cy,Fox,Engineering,Active
E5,dee.wu@example.com,Dee,Wu,Support,Active
E6,eve.ng@example.com,Eve,Ng,Support,Terminated
`;

const okta = (id: string, status: string, profile: Record<string, string | null>) => ({ id, status, profile });
const OKTA = [
  okta('o1', 'ACTIVE', { login: 'ann.lee@example.com', email: 'Ann.Lee@Example.com', employeeNumber: 'E1', firstName: 'Ann', lastName: 'Lee' }),
  okta('o2', 'ACTIVE', { login: 'bob.roy@example.com', email: 'bob.roy@example.com', employeeNumber: 'E2', firstName: 'Bob', lastName: 'Roy' }),
  okta('o3', 'SUSPENDED', { login: 'admin.bob.roy@example.com', email: 'bob.roy@example.com', employeeNumber: null, firstName: 'Bob', lastName: 'Roy' }),
  okta('o4', 'ACTIVE', { login: 'svc-backup@example.com', email: 'svc-backup@example.com', employeeNumber: null, firstName: null, lastName: null }),
  okta('o5', 'ACTIVE', { login: 'cfox', email: null, employeeNumber: 'E3', firstName: 'Cy', lastName: 'Fox' }),
  okta('o7', 'ACTIVE', { login: 'cyrus', email: 'cyrus.fox@example.com', employeeNumber: 'E3', firstName: 'Cyrus', lastName: 'Fox' }),
  okta('o8', 'ACTIVE', { login: 'nobody', email: null, employeeNumber: null, firstName: null, lastName: null }),
  okta('o9', 'DEPROVISIONED', { login: 'old.timer@example.com', email: 'old.timer@example.com', employeeNumber: 'E0', firstName: 'Old', lastName: 'Timer' }),
];

const chat = (id: string, email: string | null, first: string | null, last: string | null, isBot = false) => ({
  id,
  is_bot: isBot,
  real_name: first && last ? `${first} ${last}` : null,
  profile: { email, first_name: first, last_name: last },
});
const CHAT = [
  chat('U1', 'ann.lee@example.com', 'Ann', 'Lee'),
  chat('U2', 'bob.roy@example.com', 'Bob', 'Roy'),
  chat('U3', 'cy.fox@example.com', 'Cy', 'Fox'),
  chat('U4', 'annie.lee@gmail.com', 'Ann', 'Lee'),
  chat('B1', null, null, null, true),
];

const bytes = (text: string) => new TextEncoder().encode(text);

/** The small project's input files; `leavers` (employee ids) are left out of the HR export. */
export function smallInputs(leavers: string[] = []): InputFile[] {
  const hr = HR.split('\n').filter((line) => !leavers.some((id) => line.startsWith(`${id},`)));
  return [
    { source: 'hr', name: 'hr.csv', bytes: bytes(hr.join('\n')) },
    { source: 'okta', name: 'okta.json', bytes: bytes(JSON.stringify(OKTA)) },
    { source: 'chat', name: 'chat.json', bytes: bytes(JSON.stringify(CHAT)) },
  ];
}

/** The small project run as the app runs it (raw records kept), as of `asOf`, without `leavers`. */
export function smallRun(asOf = '2025-03-01', leavers: string[] = []): Promise<RunResult> {
  return runPipeline(smallInputs(leavers), { ...SMALL_PROJECT, asOf }, { keepRaw: true, today: asOf });
}
