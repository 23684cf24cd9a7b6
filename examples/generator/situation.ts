/**
 * Where a person stands in one snapshot (status, termination, next week's change) and when things
 * happened to their accounts. Times are drawn from the person's own streams and anchored to the first
 * snapshot's date, so an unchanged person looks the same in both snapshots.
 */
import { addDays, DAY, dayStart } from './dates';
import { identityOf, type Identity } from './identity';
import type { OktaStatus, WorkerStatus } from './model';
import { troubleOf, weekOf, type Plan, type Trouble, type WeekChange } from './plan';
import { rngFor, type Rng } from './prng';

export interface Situation {
  who: Identity;
  trouble: Trouble | null;
  week: WeekChange | null;
  /** A joiner of next week, seen in snapshot 1: only a staged IdP account exists. */
  preHire: boolean;
  joiner: boolean;
  status: WorkerStatus;
  terminationDate: string;
  /** Terminated or removed from HR: accounts are deprovisioned. */
  left: boolean;
  inHr: boolean;
}

/** Status, termination and next week's change of person `i` in this snapshot. */
export function situationOf(plan: Plan, i: number): Situation {
  const who = identityOf(plan, i);
  const trouble = troubleOf(plan, i);
  const week = plan.opts.snapshot === 2 ? weekOf(plan, i) : null;
  const joiner = i >= plan.base;
  const r = rngFor(plan.opts.seed, 'leave', i);
  const daysAgo = r.between(1, 540);
  const weekDay = r.between(1, 6);
  let status: WorkerStatus = 'Active';
  let terminationDate = '';
  if (trouble?.kind === 'terminated' || trouble?.kind === 'terminatedStillActive') {
    status = 'Terminated';
    const latest = addDays(plan.opts.asOf, -1);
    const earliest = addDays(who.hireDate, 14);
    const day = addDays(plan.opts.asOf, -daysAgo);
    terminationDate = day >= earliest ? day : earliest < latest ? earliest : latest;
  } else if (trouble?.kind === 'onLeave') {
    status = 'On Leave';
  } else if (week === 'leaver-removed' || week === 'leaver-terminated') {
    status = 'Terminated';
    terminationDate = addDays(plan.opts.asOf, weekDay);
  }
  return {
    who,
    trouble,
    week,
    preHire: joiner && plan.opts.snapshot === 1,
    joiner,
    status,
    terminationDate,
    left: status === 'Terminated',
    inHr: week !== 'leaver-removed',
  };
}

/** The IdP account's instants (Okta's field names). */
export interface IdpTimeline {
  created: number;
  activated: number | null;
  statusChanged: number | null;
  lastLogin: number | null;
  lastUpdated: number;
  passwordChanged: number | null;
}

const HOUR = 3600;

/** Okta's lifecycle instants for an account in `status`. */
export function idpTimeline(plan: Plan, s: Situation, status: OktaStatus, r: Rng): IdpTimeline {
  const now = dayStart(plan.opts.asOf);
  const hire = dayStart(s.who.hireDate);
  const created = hire - DAY * r.between(3, 14) + r.int(DAY);
  const activated = hire + 8 * HOUR + r.int(2 * HOUR);
  const login = now - DAY * r.between(1, 20) + r.int(DAY);
  const password =
    now - DAY * (status === 'PASSWORD_EXPIRED' ? r.between(91, 200) : r.between(1, 100)) + r.int(DAY);
  const changed = now - DAY * r.between(1, 30) + r.int(DAY);
  const t = accountTimeline(plan, s, r);
  if (status === 'STAGED') {
    return {
      created,
      activated: null,
      statusChanged: null,
      lastLogin: null,
      lastUpdated: created,
      passwordChanged: null,
    };
  }
  if (status === 'PROVISIONED') {
    return {
      created,
      activated: null,
      statusChanged: created,
      lastLogin: null,
      lastUpdated: created,
      passwordChanged: null,
    };
  }
  // Deprovisioning ends the account's activity at the moment the person left.
  const end = status === 'DEPROVISIONED' && t.left !== null ? t.left : null;
  const lastLogin = s.joiner
    ? activated + 2 * HOUR
    : Math.max(activated + HOUR, end === null ? login : Math.min(login, end - 6 * HOUR));
  const passwordChanged = Math.max(activated, end === null ? password : Math.min(password, end - DAY));
  const statusChanged = end ?? (status === 'ACTIVE' ? activated : Math.max(activated, changed));
  return {
    created,
    activated,
    statusChanged,
    lastLogin,
    lastUpdated: Math.max(statusChanged, passwordChanged, t.changed ?? 0),
    passwordChanged,
  };
}

/** When an account was last touched, when its owner left, and when next week's change reached it. */
export interface AccountTimeline {
  touched: number;
  left: number | null;
  changed: number | null;
}

/** Last touch, departure and change instants of a ticketing or chat account. */
export function accountTimeline(
  plan: Plan,
  s: Situation,
  r: Rng,
  created = dayStart(s.who.hireDate),
): AccountTimeline {
  const now = dayStart(plan.opts.asOf);
  const jitter = r.int(DAY);
  const touched = Math.max(created + DAY, now - DAY * r.between(1, 200)) + jitter;
  const leftAt = dayStart(s.terminationDate || plan.opts.asOf) + 17 * HOUR + r.int(2 * HOUR);
  const changedAt = now + DAY * r.between(1, 6) + r.int(DAY);
  return {
    touched,
    left: s.left ? leftAt : null,
    changed: s.week === 'department-change' || s.week === 'email-change' ? changedAt : null,
  };
}
