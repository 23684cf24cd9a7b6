import { describe, expect, it } from 'vitest';
import { compileMapping, mapRecord, type CompiledMapping } from '../../../../core/map';
import type { RawRecord } from '../../../../core/types';
import { record, source } from './fixtures';

function compile(mapping: Record<string, string>, columns: string[], externalId = 'id', strict = true): CompiledMapping {
  const result = compileMapping(source(mapping, externalId), 0, columns, strict);
  if (!result.mapping) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.mapping;
}

const cases: Array<{ description: string; input: RawRecord; options: { mapping: Record<string, string>; externalId?: string }; expected: { attributes: Record<string, unknown>; externalId?: string | null } }> = [
  { description: 'column with a space', input: { id: '1', 'Work Email': 'a@x.com' }, options: { mapping: { email: 'Work Email' } }, expected: { attributes: { email: 'a@x.com' }, externalId: '1' } },
  { description: 'standard strings are trimmed', input: { id: '1', d: '  Sales ' }, options: { mapping: { department: 'd' } }, expected: { attributes: { department: 'Sales' } } },
  { description: 'empty and whitespace are null', input: { id: '1', d: '   ', t: '' }, options: { mapping: { department: 'd', title: 't' } }, expected: { attributes: { department: null, title: null } } },
  { description: 'employee ids keep leading zeros', input: { id: '1', e: '00123' }, options: { mapping: { employee_id: 'e' } }, expected: { attributes: { employee_id: '00123' } } },
  { description: 'numbers become text for string attributes', input: { id: 7, e: 123 }, options: { mapping: { employee_id: 'e' } }, expected: { attributes: { employee_id: '123' }, externalId: '7' } },
  { description: 'booleans from words', input: { id: '1', a: 'Active', b: 'no' }, options: { mapping: { active: 'a', is_bot: 'b' } }, expected: { attributes: { active: true, is_bot: false } } },
  { description: 'an uncoercible boolean is null', input: { id: '1', a: 'maybe' }, options: { mapping: { active: 'a' } }, expected: { attributes: { active: null } } },
  { description: 'dates to YYYY-MM-DD', input: { id: '1', s: '3/5/2024', l: '2024-03-05T10:00:00Z' }, options: { mapping: { start_date: 's', last_login: 'l' } }, expected: { attributes: { start_date: '2024-03-05', last_login: '2024-03-05' } } },
  { description: 'custom attributes keep their value', input: { id: '1', c: ' x ', n: 5, o: { a: 1 } }, options: { mapping: { cost_center: 'c', level: 'n', meta: 'o' } }, expected: { attributes: { cost_center: ' x ', level: 5, meta: '{"a":1}' } } },
  { description: 'expression result is coerced', input: { id: '1', s: 'ACTIVE' }, options: { mapping: { active: 's == "ACTIVE"' } }, expected: { attributes: { active: true } } },
  { description: 'expression over a missing column is null', input: { id: '1' }, options: { mapping: { email: 'lower(e)' } }, expected: { attributes: { email: null } } },
  { description: 'nested path', input: { id: '1', profile: { email: 'p@x' } }, options: { mapping: { email: 'profile.email' } }, expected: { attributes: { email: 'p@x' } } },
  { description: 'array path', input: { id: '1', emails: [{ value: 'a@x' }, { value: 'b@x' }] }, options: { mapping: { email: 'emails[1].value' } }, expected: { attributes: { email: 'b@x' } } },
  { description: 'literal dotted key wins', input: { id: '1', '@odata.type': '#user', '@odata': { type: 'nested' } }, options: { mapping: { kind: '@odata.type' } }, expected: { attributes: { kind: '#user' } } },
  { description: 'a list for a string attribute is null', input: { id: '1', emails: ['a', 'b'] }, options: { mapping: { email: 'emails' } }, expected: { attributes: { email: null } } },
  { description: 'empty external id is null', input: { id: ' ' }, options: { mapping: {} }, expected: { attributes: {}, externalId: null } },
  { description: 'external id by expression', input: { id: 'x', dom: 'CORP' }, options: { mapping: {}, externalId: 'concat(dom, "\\\\", id)' }, expected: { attributes: {}, externalId: 'CORP\\x' } },
];

describe('mapRecord', () => {
  it.each(cases)('$description', ({ input, options, expected }) => {
    const columns = Object.keys(input).flatMap((k) => (typeof input[k] === 'object' && input[k] !== null && !Array.isArray(input[k]) ? Object.keys(input[k] as object).map((s) => `${k}.${s}`) : Array.isArray(input[k]) ? [`${k}[0]`, `${k}[0].value`] : [k]));
    const mapping = compile(options.mapping, columns, options.externalId ?? 'id', false);
    const result = mapRecord(mapping, record(input));
    expect(result.attributes).toEqual(expected.attributes);
    if (expected.externalId !== undefined) expect(result.externalId).toBe(expected.externalId);
  });

  it('never changes the raw record', () => {
    const raw = { id: '1', e: ' A@X ' };
    const frozen = structuredClone(raw);
    mapRecord(compile({ email: 'lower(trim(e))' }, ['id', 'e']), record(raw));
    expect(raw).toEqual(frozen);
  });

  it('counts uncoercible values once per attribute, with the first rows and values', () => {
    const mapping = compile({ active: 'a' }, ['id', 'a']);
    ['maybe', 'yes', 'unknown', 'maybe', '?'].forEach((a, i) => mapRecord(mapping, record({ id: String(i), a }, i + 1)));
    const issues = mapping.flushIssues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'map.uncoercible', severity: 'warning', count: 4, key: 'sources[0].mapping.active', source: 'hr', file: 'people.csv', row: 1 });
    expect(issues[0].message).toContain('"maybe", "unknown", "?"');
    expect(issues[0].message).toContain('people.csv rows 1, 3, 4, 5');
    expect(mapping.flushIssues()).toEqual([]);
  });

  it('counts expression failures into the same flush', () => {
    const mapping = compile({ level: 'to_number(n) + 1' }, ['id', 'n']);
    mapRecord(mapping, record({ id: '1', n: '2' }));
    expect(mapRecord(mapping, record({ id: '1', n: '2' })).attributes.level).toBe(null);
    expect(mapping.flushIssues()[0].code).toBe('expr.runtime');
  });
});
