import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileMapping, mapRecord } from '../../../../core/map';
import type { RawRecord } from '../../../../core/types';
import { record, source } from './fixtures';

/** A fixed mapping of every kind: columns, paths, aliases and expressions over every type. */
const MAPPING = {
  employee_id: 'id',
  email: 'lower(trim(Work_Email))',
  first_name: 'profile.first',
  last_name: 'emails[0].value',
  display_name: 'concat(profile.first, " ", field("Last Name"))',
  active: 'to_bool(status)',
  is_bot: 'status == "BOT" || matches(id, "^svc-")',
  start_date: 'start',
  last_login: 'parse_date(raw.profile.login)',
  department: 'coalesce(dept, profile.dept, "none")',
  title: 'split_part(Work_Email, "@", 1)',
  level: 'to_number(level) + 1.0',
  tags: 'split(tags, ",")',
  note: 'raw',
};
const COLUMNS = ['id', 'Work Email', 'profile.first', 'emails[0].value', 'Last Name', 'status', 'start', 'profile.login', 'dept', 'profile.dept', 'level', 'tags'];
const KEYS = ['id', 'Work Email', 'profile', 'emails', 'Last Name', 'status', 'start', 'dept', 'level', 'tags', '__proto__', 'constructor'];

const value = fc.oneof(fc.jsonValue(), fc.string(), fc.constantFrom('true', 'maybe', '3/5/2024', 'BOT', 'svc-x', ' ', ''));
const rawRecord: fc.Arbitrary<RawRecord> = fc.oneof(
  fc.object() as fc.Arbitrary<RawRecord>,
  fc.dictionary(fc.constantFrom(...KEYS), value) as fc.Arbitrary<RawRecord>,
  fc.record({ id: value, profile: fc.oneof(fc.object(), fc.record({ first: value, login: value })), emails: fc.array(fc.record({ value })) }) as fc.Arbitrary<RawRecord>,
);

describe('mapRecord properties', () => {
  for (const strict of [true, false]) {
    it(`never throws and always returns scalars (strict: ${strict})`, () => {
      const { mapping, issues } = compileMapping(source(MAPPING, 'id'), 0, COLUMNS, strict);
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      if (!mapping) throw new Error('mapping did not compile');
      fc.assert(
        fc.property(rawRecord, (raw) => {
          const result = mapRecord(mapping, record(raw));
          expect(Object.keys(result.attributes).sort()).toEqual(Object.keys(MAPPING).sort());
          for (const v of Object.values(result.attributes)) expect(['string', 'number', 'boolean'].includes(typeof v) || v === null).toBe(true);
          expect(result.externalId === null || typeof result.externalId === 'string').toBe(true);
        }),
        { numRuns: 1500 },
      );
      for (const issue of mapping.flushIssues()) expect(issue.count).toBeGreaterThan(0);
    });
  }
});
