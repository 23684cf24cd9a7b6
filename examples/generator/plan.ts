/**
 * The population plan: everything about the company that needs a look at everyone before anyone can be
 * written, kept in typed arrays (a few bytes a person) so a million people fit in little memory.
 *
 * Order matters for determinism across snapshots: base people, then the seeded trouble and its alternate
 * emails, then next week's joiners, then next week's email changes. Snapshot 1 and 2 share every step
 * before the week's changes, so the same seed gives the same people in both.
 */
import { DEPARTMENTS, DEPARTMENT_WEIGHTS } from './company';
import { addDays } from './dates';
import { emailLocal as localPart, FIRST_NAMES, LAST_NAMES } from './names';
import { rngFor } from './prng';

export interface GenOptions {
  users: number;
  seed: number;
  /** 1: the first export; 2: the same company seven days later. */
  snapshot: 1 | 2;
  /** The first snapshot's export date (YYYY-MM-DD). */
  asOf: string;
}

/** Seeded trouble given to individual people: `rate` of the users, at least `min`, split over variants. */
export const TROUBLES = [
  { kind: 'terminated', rate: 0.03, min: 3, variants: 1 },
  { kind: 'terminatedStillActive', rate: 0.003, min: 2, variants: 2 },
  { kind: 'onLeave', rate: 0.01, min: 2, variants: 1 },
  { kind: 'idpLockedOut', rate: 0.004, min: 1, variants: 1 },
  { kind: 'idpPasswordExpired', rate: 0.008, min: 1, variants: 1 },
  { kind: 'contractorNoId', rate: 0.001, min: 1, variants: 1 },
  { kind: 'messyEmail', rate: 0.006, min: 3, variants: 3 },
  { kind: 'adminDuplicate', rate: 0.002, min: 2, variants: 2 },
  { kind: 'noTicketingAccount', rate: 0.03, min: 2, variants: 1 },
  { kind: 'noChatAccount', rate: 0.03, min: 2, variants: 1 },
  { kind: 'emailMismatch', rate: 0.006, min: 4, variants: 4 },
  { kind: 'chatDuplicate', rate: 0.002, min: 1, variants: 1 },
  { kind: 'chatPersonalEmail', rate: 0.001, min: 1, variants: 1 },
] as const;
export type TroubleKind = (typeof TROUBLES)[number]['kind'];

/** The week's changes between snapshot 1 and 2. */
export const WEEK = {
  leavers: { rate: 0.006, min: 2 },
  joiners: { rate: 0.0075, min: 3 },
  departmentChanges: { rate: 0.005, min: 2 },
  emailChanges: { rate: 0.0015, min: 1 },
} as const;
export type WeekChange = 'leaver-removed' | 'leaver-terminated' | 'department-change' | 'email-change';
const WEEK_CODES: readonly WeekChange[] = [
  'leaver-removed',
  'leaver-terminated',
  'department-change',
  'email-change',
];

/** The CEO's department code (outside every department tree). */
export const CEO_DEPT = 255;
/** Reports per manager in the department trees. */
export const SPAN = 7;

export interface Plan {
  opts: GenOptions;
  /** This snapshot's export date. */
  asOf: string;
  /** People in the first snapshot (indices 0..base-1); joiners follow. */
  base: number;
  joiners: number;
  first: Uint16Array;
  last: Uint16Array;
  /** Occurrence number of the first.last pair: 1 writes no digits, 2 writes jane.doe2. */
  suffix: Uint16Array;
  dept: Uint8Array;
  /** Position in the department tree (base people only; -1 for the CEO and joiners). */
  rank: Int32Array;
  /** Base people of each department, by rank. */
  members: Int32Array[];
  /** Trouble code per person: (index in TROUBLES + 1) * 4 + variant, 0 for none. */
  trouble: Uint8Array;
  /** Week change per base person: index in WEEK_CODES + 1, 0 for none. */
  week: Uint8Array;
  /** emailMismatch: the other system's address (local part). */
  altEmail: Map<number, string>;
  /** email-change: the new last name and its occurrence number. */
  newName: Map<number, { last: number; suffix: number }>;
  /** department-change: the new department. */
  newDept: Map<number, number>;
  /** Slack team and Okta user-type ids of the organization. */
  teamId: string;
  oktaTypeId: string;
}

const count = (rate: number, min: number, users: number) => Math.max(min, Math.round(rate * users));

/** Builds the plan for one snapshot. Pure: same options, same plan. */
export function buildPlan(opts: GenOptions): Plan {
  const base = opts.users;
  const joiners = count(WEEK.joiners.rate, WEEK.joiners.min, base);
  const total = base + joiners;
  const pairs = new Uint16Array(FIRST_NAMES.length * LAST_NAMES.length);
  const reserve = (f: number, l: number) => ++pairs[f * LAST_NAMES.length + l];

  const first = new Uint16Array(total);
  const last = new Uint16Array(total);
  const suffix = new Uint16Array(total);
  const dept = new Uint8Array(total);
  const rank = new Int32Array(total).fill(-1);
  const sizes = new Array<number>(DEPARTMENTS.length).fill(0);
  const place = (i: number) => {
    const r = rngFor(opts.seed, 'name', i);
    first[i] = r.int(FIRST_NAMES.length);
    last[i] = r.int(LAST_NAMES.length);
    dept[i] = i === 0 ? CEO_DEPT : rngFor(opts.seed, 'dept', i).weighted(DEPARTMENT_WEIGHTS);
  };
  for (let i = 0; i < base; i++) {
    place(i);
    suffix[i] = reserve(first[i], last[i]);
    if (i > 0) rank[i] = sizes[dept[i]]++;
  }
  const members = sizes.map((n) => new Int32Array(n));
  for (let i = 1; i < base; i++) members[dept[i]][rank[i]] = i;

  const trouble = sampleTrouble(opts, rank, base);
  const altEmail = alternateEmails(opts, trouble, first, last, reserve);
  for (let i = base; i < total; i++) {
    place(i);
    suffix[i] = reserve(first[i], last[i]);
  }
  const week = new Uint8Array(base);
  const newName = new Map<number, { last: number; suffix: number }>();
  const newDept = new Map<number, number>();
  if (opts.snapshot === 2) {
    sampleWeek(opts, rank, trouble, week);
    const r = rngFor(opts.seed, 'week-detail');
    for (let i = 0; i < base; i++) {
      if (WEEK_CODES[week[i] - 1] === 'email-change') {
        let l = r.int(LAST_NAMES.length);
        if (l === last[i]) l = (l + 1) % LAST_NAMES.length;
        newName.set(i, { last: l, suffix: reserve(first[i], l) });
      } else if (WEEK_CODES[week[i] - 1] === 'department-change') {
        newDept.set(i, (dept[i] + 1 + r.int(DEPARTMENTS.length - 1)) % DEPARTMENTS.length);
      }
    }
  }
  const org = rngFor(opts.seed, 'org');
  return {
    opts,
    asOf: opts.snapshot === 2 ? addDays(opts.asOf, 7) : opts.asOf,
    base,
    joiners,
    first,
    last,
    suffix,
    dept,
    rank,
    members,
    trouble,
    week,
    altEmail,
    newName,
    newDept,
    teamId: 'T' + org.chars(8, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    oktaTypeId: 'oty' + org.chars(17),
  };
}

/** Picks `n` distinct eligible indices in [1, base) from the named stream; stops early when too few are left. */
function sampleInto(
  n: number,
  base: number,
  eligible: (i: number) => boolean,
  take: (i: number, k: number) => void,
  seed: number,
  stream: string,
) {
  const r = rngFor(seed, stream);
  let attempts = 0;
  for (let k = 0; k < n && attempts < 50 * base + 1000; attempts++) {
    const i = 1 + r.int(Math.max(1, base - 1));
    if (i >= base || !eligible(i)) continue;
    take(i, k);
    k++;
  }
}

function sampleTrouble(opts: GenOptions, rank: Int32Array, base: number): Uint8Array {
  const trouble = new Uint8Array(base);
  TROUBLES.forEach((t, kindIndex) => {
    const n = count(t.rate, t.min, base);
    sampleInto(
      n,
      base,
      (i) => trouble[i] === 0 && rank[i] > 0,
      (i, k) => {
        trouble[i] = (kindIndex + 1) * 4 + (k % t.variants);
      },
      opts.seed,
      `trouble:${t.kind}`,
    );
  });
  return trouble;
}

function sampleWeek(opts: GenOptions, rank: Int32Array, trouble: Uint8Array, week: Uint8Array) {
  const base = week.length;
  const plan: [number, (k: number) => WeekChange][] = [
    [
      count(WEEK.leavers.rate, WEEK.leavers.min, base),
      (k) => (k % 2 === 0 ? 'leaver-removed' : 'leaver-terminated'),
    ],
    [count(WEEK.departmentChanges.rate, WEEK.departmentChanges.min, base), () => 'department-change'],
    [count(WEEK.emailChanges.rate, WEEK.emailChanges.min, base), () => 'email-change'],
  ];
  plan.forEach(([n, change], step) => {
    sampleInto(
      n,
      base,
      (i) => trouble[i] === 0 && week[i] === 0 && rank[i] > 0,
      (i, k) => {
        week[i] = WEEK_CODES.indexOf(change(k)) + 1;
      },
      opts.seed,
      `week:${step}`,
    );
  });
}

/** emailMismatch people get the other system's address: an initial+last alias or a maiden name. */
function alternateEmails(
  opts: GenOptions,
  trouble: Uint8Array,
  first: Uint16Array,
  last: Uint16Array,
  reserve: (f: number, l: number) => number,
) {
  const out = new Map<number, string>();
  const aliases = new Map<string, number>();
  const r = rngFor(opts.seed, 'alt-email');
  for (let i = 0; i < trouble.length; i++) {
    const t = troubleOf({ trouble }, i);
    if (t?.kind !== 'emailMismatch') continue;
    if (emailMismatchKind(t.variant) === 'alias') {
      const alias = localPart(FIRST_NAMES[first[i]]).slice(0, 1) + localPart(LAST_NAMES[last[i]]);
      const n = (aliases.get(alias) ?? 0) + 1;
      aliases.set(alias, n);
      out.set(i, n === 1 ? alias : `${alias}${n}`);
    } else {
      let l = r.int(LAST_NAMES.length);
      if (l === last[i]) l = (l + 1) % LAST_NAMES.length;
      out.set(i, emailLocalOf(first[i], l, reserve(first[i], l)));
    }
  }
  return out;
}

/** `jane.doe` or `jane.doe2`. */
export function emailLocalOf(firstIndex: number, lastIndex: number, occurrence: number): string {
  const base = `${localPart(FIRST_NAMES[firstIndex])}.${localPart(LAST_NAMES[lastIndex])}`;
  return occurrence > 1 ? `${base}${occurrence}` : base;
}

export interface Trouble {
  kind: TroubleKind;
  variant: number;
}

/** The seeded trouble of person `i`, if any. */
export function troubleOf(plan: Pick<Plan, 'trouble'>, i: number): Trouble | null {
  const code = i < plan.trouble.length ? plan.trouble[i] : 0;
  return code === 0 ? null : { kind: TROUBLES[(code >> 2) - 1].kind, variant: code & 3 };
}

/** Next week's change for person `i` (snapshot 2 only), if any. */
export function weekOf(plan: Plan, i: number): WeekChange | null {
  return i < plan.week.length && plan.week[i] > 0 ? WEEK_CODES[plan.week[i] - 1] : null;
}

/** Which system the variant of a two-system trouble touches. */
export const emailMismatchKind = (variant: number) =>
  variant === 0 || variant === 3 ? 'alias' : 'maiden-name';
export const emailMismatchSource = (variant: number) => (variant % 2 === 0 ? 'okta' : 'servicenow');
