/**
 * What Acme looks like: departments with their titles and cost centers, office locations with the
 * country labels HR writes (mostly English names, some ISO codes) and the time zones chat reports.
 */

export interface Department {
  name: string;
  /** Share of the workforce, relative to the other departments. */
  weight: number;
  costCenter: string;
  /** Individual-contributor titles. */
  titles: readonly string[];
  /** Title of a manager below director level. */
  managerTitle: string;
}

export const DEPARTMENTS: readonly Department[] = [
  {
    name: 'Engineering',
    weight: 26,
    costCenter: 'CC1100',
    managerTitle: 'Engineering Manager',
    titles: [
      'Software Engineer',
      'Senior Software Engineer',
      'Staff Software Engineer',
      'Site Reliability Engineer',
      'QA Engineer',
      'Data Engineer',
    ],
  },
  {
    name: 'Sales',
    weight: 15,
    costCenter: 'CC2100',
    managerTitle: 'Sales Manager',
    titles: [
      'Account Executive',
      'Senior Account Executive',
      'Sales Development Representative',
      'Solutions Engineer',
      'Sales Operations Analyst',
    ],
  },
  {
    name: 'Customer Support',
    weight: 11,
    costCenter: 'CC2300',
    managerTitle: 'Support Manager',
    titles: [
      'Support Specialist',
      'Senior Support Engineer',
      'Customer Success Manager',
      'Technical Account Manager',
    ],
  },
  {
    name: 'Marketing',
    weight: 7,
    costCenter: 'CC2200',
    managerTitle: 'Marketing Manager',
    titles: [
      'Marketing Specialist',
      'Product Marketing Manager',
      'Content Strategist',
      'Demand Generation Manager',
    ],
  },
  {
    name: 'Product',
    weight: 6,
    costCenter: 'CC1200',
    managerTitle: 'Group Product Manager',
    titles: ['Product Manager', 'Senior Product Manager', 'Product Designer', 'UX Researcher'],
  },
  {
    name: 'Operations',
    weight: 7,
    costCenter: 'CC3100',
    managerTitle: 'Operations Manager',
    titles: ['Operations Analyst', 'Program Manager', 'Business Analyst'],
  },
  {
    name: 'Finance',
    weight: 5,
    costCenter: 'CC4100',
    managerTitle: 'Finance Manager',
    titles: ['Financial Analyst', 'Accountant', 'Senior Accountant', 'Payroll Specialist'],
  },
  {
    name: 'IT',
    weight: 5,
    costCenter: 'CC4200',
    managerTitle: 'IT Manager',
    titles: ['IT Support Technician', 'Systems Administrator', 'Identity Engineer', 'Network Engineer'],
  },
  {
    name: 'Human Resources',
    weight: 4,
    costCenter: 'CC4300',
    managerTitle: 'HR Manager',
    titles: [
      'HR Business Partner',
      'Recruiter',
      'People Operations Specialist',
      'Talent Acquisition Partner',
    ],
  },
  {
    name: 'Legal',
    weight: 2,
    costCenter: 'CC4400',
    managerTitle: 'Associate General Counsel',
    titles: ['Counsel', 'Paralegal', 'Contracts Manager'],
  },
  {
    name: 'Facilities',
    weight: 2,
    costCenter: 'CC3200',
    managerTitle: 'Facilities Manager',
    titles: ['Facilities Coordinator', 'Workplace Specialist'],
  },
];

/** The CEO's department: not part of any department tree. */
export const EXECUTIVE = {
  name: 'Executive',
  costCenter: 'CC0001',
  title: 'Chief Executive Officer',
} as const;

export const DEPARTMENT_WEIGHTS: readonly (readonly [number, number])[] = DEPARTMENTS.map((d, i) => [
  i,
  d.weight,
]);

/** A time zone as Slack reports it (November offsets: standard time north, summer time south). */
export interface TimeZone {
  tz: string;
  label: string;
  offset: number;
}

const tz = (name: string, label: string, offsetHours: number): TimeZone => ({
  tz: name,
  label,
  offset: offsetHours * 3600,
});
const EASTERN = tz('America/New_York', 'Eastern Standard Time', -5);
const CENTRAL = tz('America/Chicago', 'Central Standard Time', -6);
const MOUNTAIN = tz('America/Denver', 'Mountain Standard Time', -7);
const PACIFIC = tz('America/Los_Angeles', 'Pacific Standard Time', -8);
const CET = (city: string) => tz(`Europe/${city}`, 'Central European Time', 1);

export interface Country {
  /** ISO 3166-1 alpha-2: what the IdP stores and what geocoding should produce. */
  iso2: string;
  weight: number;
  /** How HR writes the country, with weights. */
  labels: readonly (readonly [string, number])[];
  cities: readonly (readonly [string, TimeZone])[];
}

export const COUNTRIES: readonly Country[] = [
  {
    iso2: 'US',
    weight: 44,
    labels: [
      ['United States of America', 60],
      ['United States', 20],
      ['US', 15],
      ['USA', 5],
    ],
    cities: [
      ['New York', EASTERN],
      ['San Francisco', PACIFIC],
      ['Austin', CENTRAL],
      ['Chicago', CENTRAL],
      ['Seattle', PACIFIC],
      ['Boston', EASTERN],
      ['Denver', MOUNTAIN],
      ['Atlanta', EASTERN],
    ],
  },
  {
    iso2: 'IN',
    weight: 12,
    labels: [
      ['India', 90],
      ['IN', 10],
    ],
    cities: [
      ['Bengaluru', tz('Asia/Kolkata', 'India Standard Time', 5.5)],
      ['Hyderabad', tz('Asia/Kolkata', 'India Standard Time', 5.5)],
      ['Pune', tz('Asia/Kolkata', 'India Standard Time', 5.5)],
    ],
  },
  {
    iso2: 'GB',
    weight: 9,
    labels: [
      ['United Kingdom', 80],
      ['GB', 10],
      ['UK', 10],
    ],
    cities: [
      ['London', tz('Europe/London', 'Greenwich Mean Time', 0)],
      ['Manchester', tz('Europe/London', 'Greenwich Mean Time', 0)],
      ['Edinburgh', tz('Europe/London', 'Greenwich Mean Time', 0)],
    ],
  },
  {
    iso2: 'DE',
    weight: 8,
    labels: [
      ['Germany', 85],
      ['DE', 15],
    ],
    cities: [
      ['Berlin', CET('Berlin')],
      ['Munich', CET('Berlin')],
      ['Hamburg', CET('Berlin')],
    ],
  },
  {
    iso2: 'CA',
    weight: 6,
    labels: [
      ['Canada', 90],
      ['CA', 10],
    ],
    cities: [
      ['Toronto', tz('America/Toronto', 'Eastern Standard Time', -5)],
      ['Vancouver', tz('America/Vancouver', 'Pacific Standard Time', -8)],
      ['Montreal', tz('America/Toronto', 'Eastern Standard Time', -5)],
    ],
  },
  {
    iso2: 'FR',
    weight: 4,
    labels: [['France', 100]],
    cities: [
      ['Paris', CET('Paris')],
      ['Lyon', CET('Paris')],
    ],
  },
  {
    iso2: 'IE',
    weight: 4,
    labels: [['Ireland', 100]],
    cities: [
      ['Dublin', tz('Europe/Dublin', 'Greenwich Mean Time', 0)],
      ['Cork', tz('Europe/Dublin', 'Greenwich Mean Time', 0)],
    ],
  },
  {
    iso2: 'NL',
    weight: 3,
    labels: [
      ['Netherlands', 80],
      ['NL', 20],
    ],
    cities: [['Amsterdam', CET('Amsterdam')]],
  },
  {
    iso2: 'PL',
    weight: 3,
    labels: [['Poland', 100]],
    cities: [
      ['Warsaw', CET('Warsaw')],
      ['Kraków', CET('Warsaw')],
    ],
  },
  {
    iso2: 'JP',
    weight: 2,
    labels: [['Japan', 100]],
    cities: [['Tokyo', tz('Asia/Tokyo', 'Japan Standard Time', 9)]],
  },
  {
    iso2: 'SG',
    weight: 2,
    labels: [['Singapore', 100]],
    cities: [['Singapore', tz('Asia/Singapore', 'Singapore Standard Time', 8)]],
  },
  {
    iso2: 'AU',
    weight: 2,
    labels: [['Australia', 100]],
    cities: [
      ['Sydney', tz('Australia/Sydney', 'Australian Eastern Daylight Time', 11)],
      ['Melbourne', tz('Australia/Melbourne', 'Australian Eastern Daylight Time', 11)],
    ],
  },
  {
    iso2: 'BR',
    weight: 1,
    labels: [['Brazil', 100]],
    cities: [['São Paulo', tz('America/Sao_Paulo', 'Brasilia Standard Time', -3)]],
  },
];

export const COUNTRY_WEIGHTS: readonly (readonly [number, number])[] = COUNTRIES.map((c, i) => [i, c.weight]);

/** The company's mail domain. */
export const DOMAIN = 'acme.com';

/** Domains of external guests in chat (partners, agencies). */
export const GUEST_DOMAINS = [
  'northwind-consulting.com',
  'contoso-partners.com',
  'globex.io',
  'initech.net',
  'umbrella-agency.co.uk',
];

/** Names of service accounts (`svc-<name>`); repeated with a number when more are needed. */
export const SERVICE_ACCOUNTS = [
  'backup',
  'jenkins',
  'terraform',
  'datadog',
  'splunk',
  'github-actions',
  'sftp-payroll',
  'ldap-sync',
  'scim-provisioning',
  'monitoring',
  'build',
  'reporting',
  'etl',
  'mail-relay',
  'discovery',
  'mid-server',
  'integration',
  'orchestration',
];

/** Chat bots and apps. */
export const BOTS = [
  'Jira',
  'GitHub',
  'PagerDuty',
  'Google Drive',
  'Zoom',
  'Polly',
  'Donut',
  'Workday',
  'ServiceNow',
  'Okta Verify',
  'Loom',
  'Figma',
];

/** Cities with meeting rooms in the directory. */
export const ROOM_CITIES = [
  'New York',
  'San Francisco',
  'London',
  'Berlin',
  'Bengaluru',
  'Toronto',
  'Dublin',
];
