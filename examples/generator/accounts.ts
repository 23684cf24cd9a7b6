/**
 * One person's account in each system, built from their situation: the values each system holds
 * (which email, which status, which ids), not yet in any vendor's shape.
 */
import { DOMAIN } from './company';
import { addDays, DAY, dayStart } from './dates';
import { baseName, employeeIdAt, type Identity } from './identity';
import type { ChatAccount, HrRecord, IdpAccount, ItsmAccount, OktaStatus } from './model';
import { emailLocalOf, emailMismatchSource, type Plan } from './plan';
import { rngFor, type Rng } from './prng';
import { accountTimeline, idpTimeline, type Situation } from './situation';

const HEX = '0123456789abcdef';
const UPPER36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Okta user ids: `00u` and 17 base62 characters. */
export const oktaId = (r: Rng) => '00u' + r.chars(17);
/** ServiceNow sys_id: 32 lower-case hex digits. */
export const sysId = (r: Rng) => r.chars(32, HEX);
/** Slack member ids: `U` (or `W` for org-level users) and 10 characters. */
export const slackId = (r: Rng, prefix = 'U') => prefix + '0' + r.chars(9, UPPER36);

/** "jane.doe" -> "Jane.Doe": how people type their own address. */
const capitalized = (local: string) =>
  local
    .split('.')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('.');

function managerFields(plan: Plan, who: Identity) {
  if (who.managerIndex < 0) return { managerId: '', managerName: '', org: 'Acme Corp' };
  const managerName = baseName(plan, who.managerIndex);
  return {
    managerId: employeeIdAt(plan, who.managerIndex),
    managerName,
    org: `${who.department} (${managerName})`,
  };
}

/** The person's row in the HR worker report. */
export function hrRecord(plan: Plan, s: Situation): HrRecord {
  const { who, trouble } = s;
  const messy = trouble?.kind === 'messyEmail' && trouble.variant === 0;
  const noId = trouble?.kind === 'contractorNoId';
  const m = managerFields(plan, who);
  return {
    employeeId: noId ? '' : who.employeeId,
    status: s.status,
    workerType: noId ? 'Contingent Worker' : who.workerType,
    legalFirstName: who.legalFirstName,
    legalLastName: who.legalLastName,
    preferredName: who.preferredFirstName ? who.displayName : '',
    email: messy ? `  ${capitalized(who.emailLocal)}@Acme.com ` : who.email,
    title: who.title,
    department: who.department,
    supervisoryOrganization: m.org,
    managerEmployeeId: m.managerId,
    costCenter: who.costCenter,
    country: who.countryLabel,
    city: who.city,
    hireDate: who.hireDate,
    terminationDate: s.terminationDate,
  };
}

function oktaStatusOf(plan: Plan, s: Situation): OktaStatus {
  if (s.preHire) return 'STAGED';
  if (s.joiner) return s.who.hireDate >= addDays(plan.asOf, -1) ? 'PROVISIONED' : 'ACTIVE';
  switch (s.trouble?.kind) {
    case 'terminatedStillActive':
      return s.trouble.variant === 0 ? 'ACTIVE' : 'DEPROVISIONED';
    case 'onLeave':
      return 'SUSPENDED';
    case 'idpLockedOut':
      return 'LOCKED_OUT';
    case 'idpPasswordExpired':
      return 'PASSWORD_EXPIRED';
    default:
      return s.left ? 'DEPROVISIONED' : 'ACTIVE';
  }
}

/** The person's IdP account; email and login follow the seeded trouble. */
export function idpAccount(plan: Plan, s: Situation): IdpAccount {
  const { who, trouble } = s;
  const i = who.index;
  const r = rngFor(plan.opts.seed, 'okta', i);
  const status = oktaStatusOf(plan, s);
  const time = idpTimeline(plan, s, status, r);
  const alt =
    trouble?.kind === 'emailMismatch' && emailMismatchSource(trouble.variant) === 'okta'
      ? `${plan.altEmail.get(i)}@${DOMAIN}`
      : null;
  const messy = trouble?.kind === 'messyEmail' && trouble.variant === 2;
  const staleTitle = r.chance(0.03);
  const showDisplayName = r.chance(0.5);
  const m = managerFields(plan, who);
  return {
    id: oktaId(rngFor(plan.opts.seed, 'okta-id', i)),
    status,
    ...time,
    login: alt ?? who.email,
    email: alt ?? (messy ? `${capitalized(who.emailLocal)}@Acme.com` : who.email),
    firstName: who.firstName,
    lastName: who.legalLastName,
    displayName: showDisplayName ? who.displayName : null,
    employeeNumber: trouble?.kind === 'contractorNoId' ? null : who.employeeId,
    department: who.department,
    title: staleTitle ? `Senior ${who.title}`.replace('Senior Senior', 'Principal') : who.title,
    userType: who.workerType === 'Employee' && trouble?.kind !== 'contractorNoId' ? 'Employee' : 'Contractor',
    countryCode: who.country.iso2,
    city: who.city,
    managerId: m.managerId || null,
  };
}

/** A second IdP account for administration (`admin.<name>`) with the person's email and no employee number. */
export function adminIdpAccount(plan: Plan, s: Situation, person: IdpAccount): IdpAccount {
  const r = rngFor(plan.opts.seed, 'okta-admin-id', s.who.index);
  return {
    ...person,
    id: oktaId(r),
    login: `admin.${s.who.emailLocal}@${DOMAIN}`,
    lastName: `${person.lastName} (Admin)`,
    displayName: null,
    employeeNumber: null,
    userType: null,
    managerId: null,
    created: person.created + DAY * r.between(30, 300),
  };
}

/** The person's ticketing account; user_name keeps the first address's local part. */
export function itsmAccount(plan: Plan, s: Situation): ItsmAccount {
  const { who, trouble } = s;
  const i = who.index;
  const r = rngFor(plan.opts.seed, 'snow', i);
  const alt =
    trouble?.kind === 'emailMismatch' && emailMismatchSource(trouble.variant) === 'servicenow'
      ? `${plan.altEmail.get(i)}@${DOMAIN}`
      : null;
  const messy = trouble?.kind === 'messyEmail' && trouble.variant === 1;
  const created = dayStart(who.hireDate) - DAY + r.int(DAY);
  const t = accountTimeline(plan, s, r, created);
  return {
    sysId: sysId(rngFor(plan.opts.seed, 'snow-id', i)),
    userName: emailLocalOf(plan.first[i], plan.last[i], plan.suffix[i]),
    name: `${who.firstName} ${who.legalLastName}`,
    firstName: who.firstName,
    lastName: who.legalLastName,
    email: alt ?? (messy ? who.email.toUpperCase() : who.email),
    employeeNumber: trouble?.kind === 'contractorNoId' ? '' : who.employeeId,
    active: !s.left,
    lockedOut: false,
    title: who.title,
    department: who.department,
    location: who.city,
    manager: managerFields(plan, who).managerName,
    created,
    updated: t.left ?? t.changed ?? t.touched,
  };
}

/** A second ticketing account for administration (`<name>-adm`) with the person's email. */
export function adminItsmAccount(plan: Plan, s: Situation, person: ItsmAccount): ItsmAccount {
  const r = rngFor(plan.opts.seed, 'snow-admin-id', s.who.index);
  return {
    ...person,
    sysId: sysId(r),
    userName: `${person.userName}-adm`,
    name: `${person.name} (Admin)`,
    lastName: `${person.lastName} (Admin)`,
    employeeNumber: '',
    manager: '',
    created: person.created + DAY * r.between(30, 300),
  };
}

/** The person's chat member. */
export function chatAccount(plan: Plan, s: Situation): ChatAccount {
  const { who, trouble } = s;
  const i = who.index;
  const r = rngFor(plan.opts.seed, 'slack', i);
  const showDisplay = r.chance(0.6);
  const deleted = s.left && !(trouble?.kind === 'terminatedStillActive' && trouble.variant === 1);
  const t = accountTimeline(plan, s, r);
  const oldLocal = emailLocalOf(plan.first[i], plan.last[i], plan.suffix[i]);
  const it = who.department === 'IT' && /Manager|Director|VP/.test(who.title);
  return {
    id: slackId(rngFor(plan.opts.seed, 'slack-id', i)),
    teamId: plan.teamId,
    name: oldLocal,
    deleted,
    realName: who.displayName,
    displayName: showDisplay ? who.firstName : '',
    firstName: who.firstName,
    lastName: who.legalLastName,
    // Chat keeps the address it was created with: an HR email change does not reach it.
    email: `${oldLocal}@${DOMAIN}`,
    title: who.title,
    tz: who.tz,
    isBot: false,
    isAppUser: false,
    isAdmin: it || who.index === 0,
    isOwner: who.index === 0,
    isRestricted: false,
    isUltraRestricted: false,
    botId: null,
    appId: null,
    updated: (deleted ? t.left : null) ?? t.changed ?? t.touched,
  };
}
