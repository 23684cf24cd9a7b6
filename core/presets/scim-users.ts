/**
 * SCIM 2.0 (RFC 7643/7644) `GET /Users`: a ListResponse `{ "schemas":
 * ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults", "startIndex", "itemsPerPage",
 * "Resources": [users] }`; each User has schemas, id, externalId, userName, name { givenName,
 * familyName, formatted }, displayName, title, userType, active, emails [{ value, type, primary }] and,
 * with the enterprise extension, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
 * { employeeNumber, costCenter, organization, division, department, manager { value, $ref,
 * displayName } }. manager.value is the manager's SCIM id (RFC 7643 section 4.3).
 */
import { ProposalBuilder, text } from './builder';
import { definePreset } from './define';
import { hasField, shareOf } from './sample';

export const SCIM_ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** An enterprise extension attribute, null when a record lacks it. */
function enterprise(path: string): string {
  const [first, ...rest] = path.split('.');
  const ext = `raw[${text(SCIM_ENTERPRISE)}]`;
  const guard = [`${text(SCIM_ENTERPRISE)} in raw`, `${text(first)} in ${ext}`];
  let here = `${ext}.${first}`;
  for (const part of rest) {
    guard.push(`${text(part)} in ${here}`);
    here = `${here}.${part}`;
  }
  return `${guard.join(' && ')} ? ${here} : null`;
}

export const scimUsers = definePreset({
  id: 'scim-list-response',
  label: 'SCIM 2.0 users (ListResponse JSON)',
  system: 'idam',
  sourceId: 'scim',
  formats: ['json', 'ndjson'],
  docs: 'https://datatracker.ietf.org/doc/html/rfc7643#section-4.1',
  nextPage: 'totalResults above the resources present',
  detect(sample, e) {
    const schemas = sample.envelope?.values.schemas;
    e.add(0.35, Array.isArray(schemas) && schemas.includes(LIST_RESPONSE), 'a SCIM ListResponse envelope');
    e.add(0.1, sample.envelope?.recordsKey === 'Resources', 'records are in "Resources"');
    const core = shareOf(sample, 'schemas', (v) => Array.isArray(v) && v.includes(CORE_USER));
    e.add(0.35, core >= 0.8, 'resources declare the core User schema');
    e.add(0.2, hasField(sample, 'userName'), 'resources have userName');
  },
  source(sample) {
    const b = new ProposalBuilder(sample, scimUsers);
    b.externalId('id', ['id'], 'the SCIM resource id');
    const ext = (path: string) => `${SCIM_ENTERPRISE}.${path}`;
    b.expression(
      'employee_id',
      enterprise('employeeNumber'),
      [ext('employeeNumber')],
      'enterprise extension employeeNumber',
    );
    const primary = 'has(x.primary) && x.primary == true';
    b.expression(
      'email',
      `has(raw.emails) && size(raw.emails) > 0 ? (raw.emails.exists(x, ${primary}) ? raw.emails.filter(x, ${primary})[0].value : raw.emails[0].value) : null`,
      ['emails'],
      'the primary of emails[], else the first',
    );
    b.field('user_name', 'userName');
    b.field('first_name', 'name.givenName');
    b.field('last_name', 'name.familyName');
    b.field('display_name', ['displayName', 'name.formatted']);
    b.field('title', 'title');
    b.expression(
      'department',
      enterprise('department'),
      [ext('department')],
      'enterprise extension department',
    );
    b.expression(
      'manager_id',
      enterprise('manager.value'),
      [ext('manager.value')],
      "enterprise extension manager.value: the manager's SCIM id, which is an employee id only if the provider uses one as SCIM id",
      0.7,
    );
    b.expression(
      'cost_center',
      enterprise('costCenter'),
      [ext('costCenter')],
      'enterprise extension costCenter',
    );
    b.field('external_id', 'externalId');
    b.field('user_type', 'userType');
    b.field('active', 'active');
    const total = sample.envelope?.values.totalResults;
    if (typeof total === 'number' && total > sample.total) {
      b.note(
        `totalResults is ${total} but the file holds ${sample.total} resources: add the other pages (startIndex/count) to this source.`,
      );
    }
    b.filter('inactive', 'active == false', ['active']);
    if (b.mapped('user_type'))
      b.filter('guests and external users', 'user_type in ["Guest", "External"]', ['user_type'], false);
    b.filter('service accounts', 'matches(user_name, "(?i)^(svc|service)[-_.]")', ['user_name']);
    return b.build();
  },
});
