/**
 * Who person `i` is, as HR knows them: names, email, place in the organization, location, hire date.
 * A pure function of the plan and the index, so any person (a manager, say) can be looked up again
 * without keeping a million objects in memory.
 */
import {
  COUNTRIES,
  COUNTRY_WEIGHTS,
  DEPARTMENTS,
  DOMAIN,
  EXECUTIVE,
  type Country,
  type TimeZone,
} from './company';
import { addDays, daysBetween } from './dates';
import type { WorkerType } from './model';
import { FIRST_NAMES, LAST_NAMES, NICKNAMES } from './names';
import { CEO_DEPT, emailLocalOf, SPAN, type Plan } from './plan';
import { rngFor, type Rng } from './prng';

/** The day the company hired its first employee. */
const FOUNDED = '2010-01-04';

export interface Identity {
  index: number;
  /** 7 digits, or a C-number for contingent workers (the no-id trouble empties it per system later). */
  employeeId: string;
  workerType: WorkerType;
  legalFirstName: string;
  legalLastName: string;
  /** Nickname used as first name, or ''. */
  preferredFirstName: string;
  /** The name people use: preferred first name (or legal) and last name. */
  displayName: string;
  firstName: string;
  emailLocal: string;
  email: string;
  department: string;
  costCenter: string;
  title: string;
  /** -1 for the CEO. */
  managerIndex: number;
  country: Country;
  /** The country as HR writes it. */
  countryLabel: string;
  city: string;
  tz: TimeZone;
  hireDate: string;
}

/** Base name of person `i` (before any of next week's changes): used for managers and org names. */
export function baseName(plan: Plan, i: number): string {
  const legalFirst = FIRST_NAMES[plan.first[i]];
  const nick = preferredFirst(plan, i, legalFirst);
  return `${nick || legalFirst} ${LAST_NAMES[plan.last[i]]}`;
}

function preferredFirst(plan: Plan, i: number, legalFirst: string): string {
  const nick = NICKNAMES[legalFirst];
  return nick !== undefined && rngFor(plan.opts.seed, 'nickname', i).chance(0.4) ? nick : '';
}

/** A manager for someone placed in department `d` outside the tree (a joiner or a mover). */
function internalMember(plan: Plan, d: number, r: Rng): number {
  const members = plan.members[d];
  if (members.length === 0) return 0;
  const managers = Math.max(1, Math.ceil((members.length - 1) / SPAN));
  return members[r.int(managers)];
}

function depth(rank: number): number {
  let n = 0;
  for (let k = rank; k > 0; k = Math.floor((k - 1) / SPAN)) n++;
  return n;
}

/** Person `i` in this snapshot (next week's department and name changes applied in snapshot 2). */
export function identityOf(plan: Plan, i: number): Identity {
  const { seed } = plan.opts;
  const r = rngFor(seed, 'person', i);
  const country = COUNTRIES[r.weighted(COUNTRY_WEIGHTS)];
  const countryLabel = r.weighted(country.labels);
  const [city, tz] = r.pick(country.cities);
  const contingent = isContingent(plan, i);
  const icTitle = r.float();

  const legalFirstName = FIRST_NAMES[plan.first[i]];
  const rename = plan.newName.get(i);
  const lastIndex = rename?.last ?? plan.last[i];
  const emailLocal = emailLocalOf(plan.first[i], lastIndex, rename?.suffix ?? plan.suffix[i]);
  const preferredFirstName = preferredFirst(plan, i, legalFirstName);
  const firstName = preferredFirstName || legalFirstName;
  const legalLastName = LAST_NAMES[lastIndex];

  let d = plan.dept[i];
  let managerIndex: number;
  let title: string;
  const moved = plan.newDept.get(i);
  const pickTitle = (dept: number) =>
    DEPARTMENTS[dept].titles[Math.floor(icTitle * DEPARTMENTS[dept].titles.length)];
  if (d === CEO_DEPT) {
    managerIndex = -1;
    title = EXECUTIVE.title;
  } else if (moved !== undefined) {
    d = moved;
    managerIndex = internalMember(plan, d, rngFor(seed, 'move-manager', i));
    title = pickTitle(d);
  } else if (i >= plan.base) {
    managerIndex = internalMember(plan, d, rngFor(seed, 'joiner-manager', i));
    title = pickTitle(d);
  } else {
    const rank = plan.rank[i];
    managerIndex = rank === 0 ? 0 : plan.members[d][Math.floor((rank - 1) / SPAN)];
    const hasReports = SPAN * rank + 1 < plan.members[d].length;
    const dept = DEPARTMENTS[d];
    const level = depth(rank);
    title =
      !hasReports && rank > 0
        ? pickTitle(d)
        : level === 0
          ? `VP, ${dept.name}`
          : level === 1
            ? `Director, ${dept.name}`
            : dept.managerTitle;
  }
  const department = d === CEO_DEPT ? EXECUTIVE.name : DEPARTMENTS[d].name;
  return {
    index: i,
    employeeId: employeeIdOf(i, contingent),
    workerType: contingent ? 'Contingent Worker' : 'Employee',
    legalFirstName,
    legalLastName,
    preferredFirstName,
    displayName: `${firstName} ${legalLastName}`,
    firstName,
    emailLocal,
    email: `${emailLocal}@${DOMAIN}`,
    department,
    costCenter:
      d === CEO_DEPT
        ? `${EXECUTIVE.costCenter} ${EXECUTIVE.name}`
        : `${DEPARTMENTS[d].costCenter} ${department}`,
    title,
    managerIndex,
    country,
    countryLabel,
    city,
    tz,
    hireDate: hireDateOf(plan, i),
  };
}

/** Employees: 7 digits in hiring order; contingent workers: a C-number. */
export function employeeIdOf(i: number, contingent: boolean): string {
  return `${contingent ? 'C' : ''}${1_000_001 + i}`;
}

/** About one in sixteen workers is a contingent worker (its own stream: managers' ids are looked up often). */
const isContingent = (plan: Plan, i: number) => i > 0 && rngFor(plan.opts.seed, 'contingent', i).chance(0.06);

/** Employee id of person `i` as HR writes it. */
export function employeeIdAt(plan: Plan, i: number): string {
  return employeeIdOf(i, isContingent(plan, i));
}

/** Hiring order follows the index; the company grew, so later years hire more people a day. */
function hireDateOf(plan: Plan, i: number): string {
  if (i >= plan.base) return addDays(plan.opts.asOf, rngFor(plan.opts.seed, 'hire', i).between(1, 7));
  const span = daysBetween(FOUNDED, addDays(plan.opts.asOf, -8));
  return addDays(FOUNDED, Math.floor(span * Math.pow(i / Math.max(1, plan.base), 0.6)));
}
