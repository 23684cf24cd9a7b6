/**
 * The neutral records the population model produces, one type per system kind. Writers turn them into
 * each vendor's export shape (field names, string-typed values, date formats); the model decides only
 * who has which account and with which values. Instants are epoch seconds.
 */
import type { TimeZone } from './company';

export type WorkerStatus = 'Active' | 'Terminated' | 'On Leave';
export type WorkerType = 'Employee' | 'Contingent Worker';

/** One row of the HR worker report. Empty fields are ''. */
export interface HrRecord {
  employeeId: string;
  status: WorkerStatus;
  workerType: WorkerType;
  legalFirstName: string;
  legalLastName: string;
  /** Full preferred name, or ''. */
  preferredName: string;
  /** As HR wrote it (sometimes padded or upper-case). */
  email: string;
  title: string;
  department: string;
  supervisoryOrganization: string;
  managerEmployeeId: string;
  costCenter: string;
  /** The country as HR writes it: a name or an ISO code. */
  country: string;
  city: string;
  hireDate: string;
  terminationDate: string;
}

export const OKTA_STATUSES = [
  'ACTIVE',
  'SUSPENDED',
  'DEPROVISIONED',
  'PROVISIONED',
  'STAGED',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
] as const;
export type OktaStatus = (typeof OKTA_STATUSES)[number];

/** One identity-provider account. */
export interface IdpAccount {
  id: string;
  status: OktaStatus;
  created: number;
  activated: number | null;
  statusChanged: number | null;
  lastLogin: number | null;
  lastUpdated: number;
  passwordChanged: number | null;
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string | null;
  /** Absent (null) for service accounts, rooms, admin accounts and contractors without an id. */
  employeeNumber: string | null;
  department: string | null;
  title: string | null;
  userType: string | null;
  countryCode: string | null;
  city: string | null;
  managerId: string | null;
}

/** One ticketing-system user. */
export interface ItsmAccount {
  sysId: string;
  userName: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  employeeNumber: string;
  active: boolean;
  lockedOut: boolean;
  title: string;
  department: string;
  location: string;
  /** The manager's display name (a reference shown by its display value). */
  manager: string;
  created: number;
  updated: number;
}

/** One chat member (person, guest, bot or the built-in Slackbot). */
export interface ChatAccount {
  id: string;
  teamId: string;
  name: string;
  deleted: boolean;
  realName: string;
  displayName: string;
  firstName: string;
  lastName: string;
  email: string | null;
  title: string;
  tz: TimeZone | null;
  isBot: boolean;
  isAppUser: boolean;
  isAdmin: boolean;
  isOwner: boolean;
  isRestricted: boolean;
  isUltraRestricted: boolean;
  botId: string | null;
  appId: string | null;
  updated: number;
}

/** The records one person (or one non-person extra) contributes to each export, in file order. */
export interface Records {
  workday: HrRecord[];
  okta: IdpAccount[];
  servicenow: ItsmAccount[];
  slack: ChatAccount[];
}

export const SOURCE_IDS = ['workday', 'okta', 'servicenow', 'slack'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export const emptyRecords = (): Records => ({ workday: [], okta: [], servicenow: [], slack: [] });

/** A manifest entry: plain identifiers the end-to-end and explain tests look people up by. */
export type CaseEntry = Record<string, string | number | boolean | null>;

/** The seeded cases, by manifest category. */
export const CASE_CATEGORIES = [
  'terminated',
  'terminatedStillActive',
  'onLeave',
  'idpLockedOut',
  'idpPasswordExpired',
  'contractorNoId',
  'messyEmail',
  'adminDuplicate',
  'noTicketingAccount',
  'noChatAccount',
  'emailMismatch',
  'chatDuplicate',
  'chatPersonalEmail',
  'filteredServiceAccount',
  'conferenceRoom',
  'chatBot',
  'orphanChatUser',
  'notEnabled',
  'preHires',
  'joiners',
  'leavers',
  'departmentChanges',
  'emailChanges',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export interface Case {
  category: CaseCategory;
  entry: CaseEntry;
}
