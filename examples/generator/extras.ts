/**
 * Accounts that belong to no employee: service accounts, meeting rooms, chat bots, Slackbot, and chat
 * guests or contractors HR does not know. Each gets a slot (the person it is written after), so the
 * trouble is spread through the files instead of sitting at the end.
 */
import { BOTS, COUNTRIES, DOMAIN, GUEST_DOMAINS, ROOM_CITIES, SERVICE_ACCOUNTS } from './company';
import { addDays, DAY, dayStart } from './dates';
import {
  emptyRecords,
  type Case,
  type ChatAccount,
  type IdpAccount,
  type ItsmAccount,
  type Records,
} from './model';
import { emailLocal, FIRST_NAMES, LAST_NAMES } from './names';
import { oktaId, slackId, sysId } from './accounts';
import type { Plan } from './plan';
import { rngFor, type Rng } from './prng';

export interface Extra {
  /** Written after person `slot` (-1: before everyone). */
  slot: number;
  records: Records;
  cases: Case[];
}

/** Non-person accounts: `rate` of the users, at least `min`. */
export const EXTRAS = {
  oktaServiceAccounts: { rate: 0.002, min: 2 },
  servicenowServiceAccounts: { rate: 0.002, min: 2 },
  oktaRooms: { rate: 0.002, min: 2 },
  servicenowRooms: { rate: 0.002, min: 2 },
  slackBots: { rate: 0.003, min: 3 },
  slackGuests: { rate: 0.01, min: 3 },
} as const;
type ExtraKind = keyof typeof EXTRAS;

const US_EAST = COUNTRIES[0].cities[0][1];
const numbered = (names: readonly string[], k: number) =>
  names[k % names.length] + (k >= names.length ? `-${Math.floor(k / names.length) + 1}` : '');
const slug = (s: string) => emailLocal(s.replace(/ /g, ''));

/** Every extra of the snapshot, ordered by slot. Extras do not change between snapshots. */
export function buildExtras(plan: Plan): Extra[] {
  const extras: Extra[] = [slackbot(plan)];
  const rooms = new Set<string>();
  const guests = new Set<string>();
  for (const kind of Object.keys(EXTRAS) as ExtraKind[]) {
    const { rate, min } = EXTRAS[kind];
    const n = Math.max(min, Math.round(rate * plan.base));
    for (let k = 0; k < n; k++) {
      const r = rngFor(plan.opts.seed, `extra:${kind}`, k);
      const extra: Extra = { slot: r.int(plan.base), records: emptyRecords(), cases: [] };
      build(plan, kind, k, r, extra, rooms, guests);
      extras.push(extra);
    }
  }
  // Array.prototype.sort is stable, so extras of one slot keep their creation order.
  return extras.sort((a, b) => a.slot - b.slot);
}

function build(
  plan: Plan,
  kind: ExtraKind,
  k: number,
  r: Rng,
  extra: Extra,
  rooms: Set<string>,
  guests: Set<string>,
) {
  const created = dayStart(addDays(plan.opts.asOf, -r.between(60, 4000))) + r.int(DAY);
  const add = (category: Case['category'], entry: Case['entry']) => extra.cases.push({ category, entry });
  switch (kind) {
    case 'oktaServiceAccounts': {
      const name = `svc-${numbered(SERVICE_ACCOUNTS, k)}`;
      const a = idp(r, created, {
        login: `${name}@${DOMAIN}`,
        firstName: 'svc',
        lastName: name.slice(4),
        displayName: name,
        userType: k % 2 ? 'Service' : null,
        department: 'IT',
      });
      // Service accounts log in all the time and never rotate their password.
      a.lastLogin = dayStart(plan.opts.asOf) - r.int(DAY);
      a.passwordChanged = created + DAY;
      extra.records.okta.push(a);
      add('filteredServiceAccount', { source: 'okta', login: a.login, email: a.email, externalId: a.id });
      return;
    }
    case 'servicenowServiceAccounts': {
      const name = `svc-${numbered([...SERVICE_ACCOUNTS].reverse(), k)}`;
      const email = k % 2 === 0 ? `${name}@${DOMAIN}` : '';
      const a = itsm(r, created, {
        userName: name,
        name,
        firstName: '',
        lastName: name,
        email,
        title: 'Service Account',
        department: 'IT',
        location: '',
      });
      extra.records.servicenow.push(a);
      add('filteredServiceAccount', {
        source: 'servicenow',
        userName: name,
        email: email || null,
        externalId: a.sysId,
      });
      return;
    }
    case 'oktaRooms':
    case 'servicenowRooms': {
      const [city, floor, room] = uniqueRoom(r, k, rooms);
      const name = `Conf Room ${city} ${floor}.${room}`;
      const email = `conf-${slug(city)}-${floor}${room}@${DOMAIN}`;
      if (kind === 'oktaRooms') {
        const a = idp(r, created, {
          login: email,
          firstName: 'Conf Room',
          lastName: `${city} ${floor}.${room}`,
          displayName: name,
          userType: 'Room',
          department: 'Facilities',
        });
        a.lastLogin = null;
        extra.records.okta.push(a);
        add('conferenceRoom', { source: 'okta', name, login: email, email, externalId: a.id });
      } else {
        const userName = `conf.${slug(city)}.${floor}${room}`;
        const a = itsm(r, created, {
          userName,
          name,
          firstName: 'Conf Room',
          lastName: `${city} ${floor}.${room}`,
          email,
          title: '',
          department: 'Facilities',
          location: city,
        });
        extra.records.servicenow.push(a);
        add('conferenceRoom', { source: 'servicenow', name, userName, email, externalId: a.sysId });
      }
      return;
    }
    case 'slackBots': {
      const realName = numbered(BOTS, k);
      const a = chat(plan, r, created, {
        name: realName.toLowerCase().replace(/ /g, '_'),
        realName,
        email: null,
        firstName: realName,
        lastName: '',
      });
      a.isBot = true;
      a.botId = 'B0' + r.chars(9, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
      a.appId = 'A0' + r.chars(9, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
      a.tz = null;
      extra.records.slack.push(a);
      add('chatBot', { slackId: a.id, name: a.name, botId: a.botId });
      return;
    }
    case 'slackGuests': {
      const variant = k % 3;
      let first: string;
      let last: string;
      let email: string;
      do {
        first = r.pick(FIRST_NAMES);
        last = r.pick(LAST_NAMES);
        const local = `${emailLocal(first)}.${emailLocal(last)}`;
        email = variant === 2 ? `${local}.ext@${DOMAIN}` : `${local}@${r.pick(GUEST_DOMAINS)}`;
      } while (guests.has(email));
      guests.add(email);
      const a = chat(
        plan,
        r,
        created,
        { name: email.split('@')[0], realName: `${first} ${last}`, email, firstName: first, lastName: last },
        variant === 1 ? 'W' : 'U',
      );
      a.isRestricted = variant === 0;
      a.isUltraRestricted = variant === 1;
      a.title = variant === 2 ? 'Contractor' : 'Consultant';
      extra.records.slack.push(a);
      const guestKind = ['multi-channel-guest', 'single-channel-guest', 'contractor-not-in-hr'][variant];
      add('orphanChatUser', { slackId: a.id, email, kind: guestKind, realName: a.realName });
      return;
    }
  }
}

/** A room not yet taken. Room numbers range wider as rooms are taken, so there is always a free one. */
function uniqueRoom(r: Rng, k: number, taken: Set<string>): [string, number, number] {
  for (;;) {
    const room: [string, number, number] = [
      ROOM_CITIES[k % ROOM_CITIES.length],
      1 + r.int(12),
      10 + r.int(40 + taken.size),
    ];
    const key = room.join(' ');
    if (!taken.has(key)) {
      taken.add(key);
      return room;
    }
  }
}

function idp(
  r: Rng,
  created: number,
  p: Pick<IdpAccount, 'login' | 'firstName' | 'lastName' | 'displayName' | 'userType' | 'department'>,
): IdpAccount {
  const activated = created + 3600;
  return {
    id: oktaId(r),
    status: 'ACTIVE',
    created,
    activated,
    statusChanged: activated,
    lastLogin: null,
    lastUpdated: activated,
    passwordChanged: activated,
    email: p.login,
    employeeNumber: null,
    title: null,
    countryCode: null,
    city: null,
    managerId: null,
    ...p,
  };
}

function itsm(
  r: Rng,
  created: number,
  p: Pick<
    ItsmAccount,
    'userName' | 'name' | 'firstName' | 'lastName' | 'email' | 'title' | 'department' | 'location'
  >,
): ItsmAccount {
  return {
    sysId: sysId(r),
    employeeNumber: '',
    active: true,
    lockedOut: false,
    manager: '',
    created,
    updated: created,
    ...p,
  };
}

function chat(
  plan: Plan,
  r: Rng,
  created: number,
  p: Pick<ChatAccount, 'name' | 'realName' | 'email' | 'firstName' | 'lastName'>,
  prefix = 'U',
): ChatAccount {
  return {
    id: slackId(r, prefix),
    teamId: plan.teamId,
    deleted: false,
    displayName: '',
    title: '',
    tz: US_EAST,
    isBot: false,
    isAppUser: false,
    isAdmin: false,
    isOwner: false,
    isRestricted: false,
    isUltraRestricted: false,
    botId: null,
    appId: null,
    updated: created,
    ...p,
  };
}

/** The built-in Slackbot: not flagged as a bot, and without an email. */
function slackbot(plan: Plan): Extra {
  const records = emptyRecords();
  records.slack.push({
    id: 'USLACKBOT',
    teamId: plan.teamId,
    name: 'slackbot',
    deleted: false,
    realName: 'Slackbot',
    displayName: 'Slackbot',
    firstName: 'slackbot',
    lastName: '',
    email: null,
    title: '',
    tz: { tz: 'America/Los_Angeles', label: 'Pacific Standard Time', offset: -28800 },
    isBot: false,
    isAppUser: false,
    isAdmin: false,
    isOwner: false,
    isRestricted: false,
    isUltraRestricted: false,
    botId: null,
    appId: null,
    updated: 0,
  });
  return {
    slot: -1,
    records,
    cases: [{ category: 'chatBot', entry: { slackId: 'USLACKBOT', name: 'slackbot', botId: null } }],
  };
}
