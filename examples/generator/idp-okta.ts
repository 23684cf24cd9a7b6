/**
 * Okta Users API (`GET /api/v1/users`) saved as one bare JSON array of user objects: status, lifecycle
 * instants as ISO strings, the profile with its base attributes (login, email, employeeNumber, userType,
 * countryCode, managerId ...). Unset optional profile attributes are left out, as the API does.
 */
import { isoInstant } from './dates';
import type { IdpAccount } from './model';
import { jsonLines } from './sink';

const instant = (t: number | null) => (t === null ? null : isoInstant(t));

/** Adds only the attributes that are set. */
function defined(entries: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries)) if (v !== null) out[k] = v;
  return out;
}

export const oktaFormat = jsonLines<IdpAccount>(
  'okta-users.json',
  () => '[\n',
  (u, ctx) => ({
    id: u.id,
    status: u.status,
    created: isoInstant(u.created),
    activated: instant(u.activated),
    statusChanged: instant(u.statusChanged),
    lastLogin: instant(u.lastLogin),
    lastUpdated: isoInstant(u.lastUpdated),
    passwordChanged: instant(u.passwordChanged),
    type: { id: ctx.oktaTypeId },
    profile: {
      firstName: u.firstName,
      lastName: u.lastName,
      mobilePhone: null,
      secondEmail: null,
      login: u.login,
      email: u.email,
      ...defined({
        displayName: u.displayName,
        employeeNumber: u.employeeNumber,
        department: u.department,
        title: u.title,
        userType: u.userType,
        countryCode: u.countryCode,
        city: u.city,
        managerId: u.managerId,
      }),
    },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href: `https://acme.okta.com/api/v1/users/${u.id}` } },
  }),
  () => '\n]\n',
);
