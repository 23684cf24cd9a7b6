/**
 * The population model: which accounts person `i` has in each system this snapshot, with which values,
 * and which seeded cases they stand for. Pure: (plan, index) -> records and manifest cases. The writers
 * only serialize what this returns.
 */
import {
  adminIdpAccount,
  adminItsmAccount,
  chatAccount,
  hrRecord,
  idpAccount,
  itsmAccount,
  slackId,
} from './accounts';
import { DOMAIN } from './company';
import { DAY, dayStart } from './dates';
import { employeeIdAt, identityOf } from './identity';
import {
  emptyRecords,
  type Case,
  type CaseEntry,
  type ChatAccount,
  type IdpAccount,
  type Records,
} from './model';
import { emailLocalOf, emailMismatchKind, emailMismatchSource, type Plan } from './plan';
import { rngFor } from './prng';
import { situationOf, type Situation } from './situation';

export interface PersonOutput {
  records: Records;
  cases: Case[];
}

/** Everything person `i` contributes to the exports of this snapshot. */
export function personRecords(plan: Plan, i: number): PersonOutput {
  const s = situationOf(plan, i);
  const { who, trouble } = s;
  const out: PersonOutput = { records: emptyRecords(), cases: [] };
  const add = (category: Case['category'], entry: CaseEntry) => out.cases.push({ category, entry });
  const variant = trouble?.variant ?? 0;
  const seed = plan.opts.seed;

  const okta = idpAccount(plan, s);
  if (s.preHire) {
    out.records.okta.push(okta);
    add('preHires', {
      email: who.email,
      oktaId: okta.id,
      hireDate: who.hireDate,
      department: who.department,
    });
    return out;
  }
  const hr = s.inHr ? hrRecord(plan, s) : null;
  if (hr) out.records.workday.push(hr);
  out.records.okta.push(okta);

  const snowPresent = trouble?.kind !== 'noTicketingAccount';
  const snow = snowPresent ? itsmAccount(plan, s) : null;
  if (snow) out.records.servicenow.push(snow);

  const slackPresent =
    trouble?.kind !== 'noChatAccount' && !(s.joiner && !rngFor(seed, 'joiner-chat', i).chance(0.8));
  const slack = slackPresent ? chatAccount(plan, s) : null;

  const kind = trouble?.kind;
  switch (kind) {
    case undefined:
      break;
    case 'terminated':
      add('terminated', {
        employeeId: who.employeeId,
        email: who.email,
        terminationDate: s.terminationDate,
        oktaId: okta.id,
        slackId: slack?.id ?? null,
      });
      break;
    case 'terminatedStillActive': {
      const source = variant === 0 ? 'okta' : 'slack';
      add('terminatedStillActive', {
        source,
        employeeId: who.employeeId,
        email: who.email,
        terminationDate: s.terminationDate,
        externalId: source === 'okta' ? okta.id : (slack?.id ?? null),
      });
      break;
    }
    case 'onLeave':
      add('onLeave', {
        employeeId: who.employeeId,
        email: who.email,
        oktaId: okta.id,
        oktaStatus: okta.status,
      });
      break;
    case 'idpLockedOut':
    case 'idpPasswordExpired':
      add(kind, { employeeId: who.employeeId, email: who.email, oktaId: okta.id, oktaStatus: okta.status });
      break;
    case 'contractorNoId':
      add('contractorNoId', { email: who.email, oktaId: okta.id, sysId: snow?.sysId ?? null });
      break;
    case 'messyEmail': {
      const source = (['workday', 'servicenow', 'okta'] as const)[variant];
      const raw = source === 'workday' ? hr?.email : source === 'servicenow' ? snow?.email : okta.email;
      add('messyEmail', { source, raw: raw ?? null, email: who.email, employeeId: who.employeeId });
      break;
    }
    case 'adminDuplicate': {
      if (variant === 0) {
        const admin = adminIdpAccount(plan, s, okta);
        out.records.okta.push(admin);
        add('adminDuplicate', {
          source: 'okta',
          email: who.email,
          login: admin.login,
          externalId: admin.id,
          personExternalId: okta.id,
          employeeId: who.employeeId,
        });
      } else if (snow) {
        const admin = adminItsmAccount(plan, s, snow);
        out.records.servicenow.push(admin);
        add('adminDuplicate', {
          source: 'servicenow',
          email: who.email,
          userName: admin.userName,
          externalId: admin.sysId,
          personExternalId: snow.sysId,
          employeeId: who.employeeId,
        });
      }
      break;
    }
    case 'noTicketingAccount':
      add('noTicketingAccount', { email: who.email, employeeId: who.employeeId });
      break;
    case 'noChatAccount':
      add('noChatAccount', { email: who.email, employeeId: who.employeeId });
      break;
    case 'emailMismatch': {
      const source = emailMismatchSource(variant);
      add('emailMismatch', {
        source,
        kind: emailMismatchKind(variant),
        employeeId: who.employeeId,
        hrEmail: who.email,
        sourceEmail: `${plan.altEmail.get(i)}@${DOMAIN}`,
        externalId: source === 'okta' ? okta.id : (snow?.sysId ?? null),
      });
      break;
    }
    case 'chatDuplicate':
      if (slack) {
        const old: ChatAccount = {
          ...slack,
          id: slackId(rngFor(seed, 'slack-old-id', i)),
          deleted: true,
          updated: dayStart(who.hireDate) + DAY * 30,
        };
        out.records.slack.push(old);
        add('chatDuplicate', { email: who.email, deletedSlackId: old.id, activeSlackId: slack.id });
      }
      break;
    case 'chatPersonalEmail':
      break;
    default:
      return assertNever(kind);
  }
  if (slack) out.records.slack.push(slack);
  if (trouble?.kind === 'chatPersonalEmail' && slack) {
    const r = rngFor(seed, 'slack-personal', i);
    const personal = `${who.emailLocal.replace('.', '')}${r.between(70, 99)}@gmail.com`;
    const second: ChatAccount = {
      ...slack,
      id: slackId(r),
      name: personal.split('@')[0],
      email: personal,
      title: '',
      displayName: who.firstName,
      isAdmin: false,
    };
    out.records.slack.push(second);
    add('chatPersonalEmail', {
      email: who.email,
      personalEmail: personal,
      slackId: second.id,
      workSlackId: slack.id,
      realName: who.displayName,
    });
  }
  weekCases(plan, s, okta, slack, add);
  if (hr && !s.left && who.department === 'Sales' && who.country.iso2 !== 'US') {
    add('notEnabled', {
      email: who.email,
      employeeId: who.employeeId,
      department: who.department,
      country: who.countryLabel,
      countryCode: who.country.iso2,
    });
  }
  return out;
}

function weekCases(
  plan: Plan,
  s: Situation,
  okta: IdpAccount,
  slack: ChatAccount | null,
  add: (c: Case['category'], e: CaseEntry) => void,
) {
  const { who } = s;
  const i = who.index;
  if (plan.opts.snapshot !== 2) return;
  if (s.joiner) {
    add('joiners', {
      employeeId: who.employeeId,
      email: who.email,
      department: who.department,
      hireDate: who.hireDate,
      oktaId: okta.id,
      oktaStatus: okta.status,
      slackId: slack?.id ?? null,
    });
    return;
  }
  switch (s.week) {
    case null:
      return;
    case 'leaver-removed':
    case 'leaver-terminated':
      add('leavers', {
        change: s.week === 'leaver-removed' ? 'removed-from-hr' : 'terminated',
        employeeId: who.employeeId,
        email: who.email,
        terminationDate: s.terminationDate,
        oktaId: okta.id,
      });
      return;
    case 'department-change': {
      const before = identityOf({ ...plan, newDept: new Map() }, i);
      add('departmentChanges', {
        employeeId: who.employeeId,
        email: who.email,
        from: before.department,
        to: who.department,
        managerId: employeeIdAt(plan, who.managerIndex),
      });
      return;
    }
    case 'email-change': {
      const oldEmail = `${emailLocalOf(plan.first[i], plan.last[i], plan.suffix[i])}@${DOMAIN}`;
      add('emailChanges', {
        employeeId: who.employeeId,
        oldEmail,
        newEmail: who.email,
        slackId: slack?.id ?? null,
        slackEmail: slack?.email ?? null,
      });
      return;
    }
    default:
      return assertNever(s.week);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${String(value)}`);
}
