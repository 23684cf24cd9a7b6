import { describe, expect, it } from 'vitest';
import { compileFilters, evaluateFilters } from '../../../../core/filter';
import type { FilterConfig } from '../../../../core/project/schema';
import type { RawRecord, Scalar } from '../../../../core/types';

const RULES: FilterConfig[] = [
  { name: 'bots', when: 'is_bot == true', enabled: true },
  { name: 'service accounts', when: 'user_name.matches("^svc-")', enabled: true },
  { name: 'service accounts (helper)', when: 'matches(user_name, "^svc-")', enabled: false },
  { name: 'outside NA', when: '!(country in ["US", "CA"])', enabled: true },
  { name: 'deprovisioned', when: 'status == "DEPROVISIONED"', enabled: true },
  { name: 'rooms', when: 'raw.profile.userType == "Room"', enabled: true },
];

const cases: Array<{ description: string; input: { attrs: Record<string, Scalar>; raw: RawRecord }; expected: string[] }> = [
  { description: 'a person in the US is kept', input: { attrs: { is_bot: false, user_name: 'jane', country: 'US', status: 'ACTIVE' }, raw: { profile: { userType: 'Employee' } } }, expected: [] },
  { description: 'a bot', input: { attrs: { is_bot: true, user_name: 'jane', country: 'US' }, raw: {} }, expected: ['bots'] },
  { description: 'every rule that hits is named, in rule order', input: { attrs: { is_bot: true, user_name: 'svc-ci', country: 'DE', status: 'DEPROVISIONED' }, raw: { profile: { userType: 'Room' } } }, expected: ['bots', 'service accounts', 'outside NA', 'deprovisioned', 'rooms'] },
  { description: 'disabled rules never hit', input: { attrs: { user_name: 'svc-x', country: 'CA' }, raw: {} }, expected: ['service accounts'] },
  { description: 'missing attributes and raw keys hit nothing', input: { attrs: { country: 'US' }, raw: {} }, expected: [] },
  { description: 'a null country is outside the list', input: { attrs: { country: null }, raw: {} }, expected: ['outside NA'] },
];

describe('filters', () => {
  const { filters, issues } = compileFilters(RULES, 'sources[1].filters', { source: 'okta' });

  it('compile cleanly and keep disabled rules', () => {
    expect(issues).toEqual([]);
    expect(filters.map((f) => [f.name, f.enabled])).toEqual(RULES.map((r) => [r.name, r.enabled]));
  });

  it.each(cases)('$description', ({ input, expected }) => {
    const before = structuredClone(input);
    expect(evaluateFilters(filters, input.attrs, input.raw, { file: 'okta.json', row: 1 })).toEqual(expected);
    expect(input).toEqual(before);
  });
});

const compileCases: Array<{ description: string; input: FilterConfig[]; options: { attributes?: string[] }; expected: Array<{ code: string; severity: string; key: string; message?: RegExp }> }> = [
  { description: 'a parse error in an enabled rule is an error', input: [{ name: 'x', when: 'user_name ~= "^svc-"', enabled: true }], options: {}, expected: [{ code: 'expr.parse', severity: 'error', key: 'sources[1].filters[0].when', message: /unexpected character "~"/ }] },
  { description: 'in a disabled rule it is a warning', input: [{ name: 'x', when: 'a ==', enabled: false }], options: {}, expected: [{ code: 'expr.parse', severity: 'warning', key: 'sources[1].filters[0].when', message: /disabled/ }] },
  { description: 'a rule that gives a string is an error', input: [{ name: 'x', when: '"svc-" + user_name', enabled: true }], options: {}, expected: [{ code: 'expr.not-boolean', severity: 'error', key: 'sources[1].filters[0].when' }] },
  { description: 'an unknown attribute is a warning with a suggestion', input: [{ name: 'x', when: 'is_bott == true', enabled: true }], options: { attributes: ['is_bot', 'email'] }, expected: [{ code: 'filter.unknown-attribute', severity: 'warning', key: 'sources[1].filters[0]', message: /Did you mean "is_bot"/ }] },
  { description: 'raw is always known', input: [{ name: 'x', when: 'raw.a == 1', enabled: true }], options: { attributes: ['email'] }, expected: [] },
  { description: 'duplicate names', input: [{ name: 'x', when: 'true', enabled: true }, { name: 'x', when: 'false', enabled: true }], options: {}, expected: [{ code: 'filter.duplicate-name', severity: 'warning', key: 'sources[1].filters[1]' }] },
];

describe('compileFilters issues', () => {
  it.each(compileCases)('$description', ({ input, options, expected }) => {
    const { issues } = compileFilters(input, 'sources[1].filters', { source: 'okta', ...options });
    expect(issues.map((i) => ({ code: i.code, severity: i.severity, key: i.key }))).toEqual(expected.map(({ code, severity, key }) => ({ code, severity, key })));
    expected.forEach((want, n) => {
      expect(issues[n].source).toBe('okta');
      if (want.message) expect(issues[n].message).toMatch(want.message);
    });
  });
});

describe('runtime problems', () => {
  it('a dyn rule that gives a non-boolean is counted and treated as false', () => {
    const { filters, issues } = compileFilters([{ name: 'odd', when: 'raw.flag', enabled: true }], 'sources[0].filters');
    expect(issues).toEqual([]);
    expect(evaluateFilters(filters, {}, { flag: 'yes' }, { file: 'a.json', row: 3 })).toEqual([]);
    expect(evaluateFilters(filters, {}, { flag: true }, { file: 'a.json', row: 4 })).toEqual(['odd']);
    const counted = filters.flushIssues();
    expect(counted).toHaveLength(1);
    expect(counted[0]).toMatchObject({ code: 'filter.not-boolean', count: 1, file: 'a.json', row: 3 });
  });

  it('a missing nested key is counted as missing data, not excluded', () => {
    const { filters } = compileFilters([{ name: 'rooms', when: 'raw.profile.userType == "Room"', enabled: true }], 'sources[0].filters');
    expect(evaluateFilters(filters, {}, { profile: {} })).toEqual([]);
    expect(filters.flushIssues().map((i) => [i.code, i.severity])).toEqual([['expr.missing-field', 'info']]);
  });
});
