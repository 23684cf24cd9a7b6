/**
 * ServiceNow Table API `GET /api/now/table/sys_user`: `{ "result": [records] }`, every value a string
 * (`"active": "true"`, dates `"2024-03-01 09:00:00"`), reference fields as `{ link, value }` objects
 * (or with `display_value`), sys_id a 32-hex-digit id.
 */
import { ProposalBuilder } from './builder';
import { definePreset, share } from './define';
import { allTextShare, mapSysUser, sysIdShare } from './servicenow-common';
import { hasField } from './sample';

export const servicenowSysUser = definePreset({
  id: 'servicenow-sys-user',
  label: 'ServiceNow users (Table API sys_user JSON)',
  system: 'itsm',
  sourceId: 'servicenow',
  formats: ['json', 'ndjson'],
  docs: 'https://www.servicenow.com/docs/ (REST API reference: Table API, GET /api/now/table/sys_user)',
  nextPage: 'HTTP Link header rel="next"',
  detect(sample, e) {
    e.add(0.15, sample.envelope?.recordsKey === 'result', 'records are in "result" (Table API)');
    const ids = sysIdShare(sample, 'sys_id');
    e.add(0.35, ids >= 0.8, `${share(ids)} of the sys_id values are 32-hex-digit sys_ids`);
    e.add(0.2, hasField(sample, 'user_name'), 'records have user_name');
    const text = allTextShare(sample);
    e.add(0.15, text >= 0.9, 'every value is a string, as the Table API writes them');
    e.add(
      0.15,
      ['sys_class_name', 'sys_created_on', 'sys_updated_on', 'sys_domain'].some((p) => hasField(sample, p)),
      'records have sys_* system fields',
    );
  },
  source(sample) {
    const b = new ProposalBuilder(sample, servicenowSysUser);
    mapSysUser(b);
    return b.build();
  },
});
